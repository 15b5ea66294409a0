"""The supervisor's review: the day's documents by clerk with flags, approve or reject."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.chart import SummaryChart
from app.ui.desk import Desk
from app.ui.i18n import nfc, show_date, show_number
from app.ui.images import pdf_thumbnails
from app.ui.session import ClerkDay, ReviewItem


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class ReviewView(QWidget):
    """Filter by dates and clerk; flags per document; page thumbnails; daily summary chart."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.items: list[ReviewItem] = []
        bar = QHBoxLayout()
        self.first, self.last = _date_edit(), _date_edit()
        self.clerk = QComboBox()
        self.clerk.addItem(self.tr("All clerks"), "")
        refresh = QPushButton(self.tr("Show"))
        refresh.clicked.connect(self.refresh)
        for widget in (QLabel(self.tr("From")), self.first, QLabel(self.tr("to")), self.last,
                       QLabel(self.tr("Clerk")), self.clerk, refresh):
            bar.addWidget(widget)
        bar.addStretch()
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Document"), self.tr("Clerk"), self.tr("Subject"), self.tr("Pages"),
            self.tr("Filed"), self.tr("State"), self.tr("Needs a look"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.pages = QListWidget()
        self.pages.setViewMode(QListWidget.ViewMode.IconMode)
        self.pages.setMaximumHeight(250)
        actions = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.clicked.connect(self.reject)
        self.message = QLabel()
        for widget in (self.approve_button, self.reject_button, self.message):
            actions.addWidget(widget)
        actions.addStretch()
        self.chart = SummaryChart()
        self.summary = QLabel()
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.pages)
        lower.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(lower)
        layout.addWidget(self.summary)
        self._load_clerks()

    def _load_clerks(self) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.clerks(), name="clerks")
        task.signals.done.connect(self._clerks)

    def _clerks(self, names: list[str]) -> None:
        for name in names:
            self.clerk.addItem(name, name)

    def _range(self) -> tuple[datetime.date, datetime.date]:
        return self.first.date().toPython(), self.last.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        first, last = self._range()
        clerk = str(self.clerk.currentData() or "") or None
        session = self.desk.session
        task = self.desk.pools.run(
            lambda r: (session.review_items(first, last, clerk), session.summary(first, last)),
            name="review")
        task.signals.done.connect(self._loaded)
        self.desk.status.track(task, self.tr("Loading the batch…"), cancellable=False)

    def _flag_text(self, flags: tuple[str, ...]) -> str:
        names = {
            "blank_page": self.tr("blank or missing page"),
            "page_count": self.tr("page count differs from the sheets keyed"),
            "low_quality": self.tr("low quality"),
            "missing_metadata": self.tr("missing metadata"),
        }
        return "; ".join(names[f] for f in flags)

    def _loaded(self, loaded: tuple[list[ReviewItem], list[ClerkDay]]) -> None:
        self.items, summary = loaded
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            doc = item.document
            cells = (doc.doc_code, doc.clerk, str(doc.metadata.get("subject", "")),
                     show_number(doc.page_count), show_date(doc.created_at),
                     self._state(doc.state), self._flag_text(item.flags))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.chart.show_rows(summary)
        self.summary.setText("   ".join(
            self.tr("%1: %2 pages, %3 documents, %4 rejections").replace("%1", d.clerk)
            .replace("%2", show_number(d.pages)).replace("%3", show_number(d.documents))
            .replace("%4", show_number(d.rejections)) for d in summary))

    def _state(self, state: str) -> str:
        return {
            "scanned": self.tr("scanned"), "indexed": self.tr("indexed"),
            "approved": self.tr("approved"), "rejected": self.tr("rejected"),
            "signed": self.tr("signed"), "synced": self.tr("synced"),
        }.get(state, state)

    def current(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _selected(self) -> None:
        item = self.current()
        self.pages.clear()
        if item is None:
            return
        path = self.desk.session.file_of(item.document)
        task = self.desk.pools.run(lambda r: pdf_thumbnails(path, 200), name="thumbs")
        task.signals.done.connect(self._thumbs)

    def _thumbs(self, images: list[object]) -> None:
        self.pages.clear()
        for number, image in enumerate(images, 1):
            self.pages.addItem(QListWidgetItem(QPixmap.fromImage(image), str(number)))  # type: ignore[arg-type]

    def approve(self) -> None:
        item = self.current()
        if item is not None:
            code = item.document.doc_code
            self._write(lambda: self.desk.session.approve(code))

    def reject(self) -> None:
        item = self.current()
        if item is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reject"),
                                          self.tr("What must the clerk fix?"))
        if ok and reason.strip():
            self.reject_with(nfc(reason))

    def reject_with(self, reason: str) -> None:
        item = self.current()
        if item is not None:
            code = item.document.doc_code
            self._write(lambda: self.desk.session.reject(code, reason))

    def _write(self, action: object) -> None:
        task = self.desk.pools.run(lambda r: action(), write=True, name="review-write")  # type: ignore[operator]
        task.signals.done.connect(lambda doc: self.refresh())
        task.signals.failed.connect(self.message.setText)
