"""The supervisor's review: the day's documents by clerk with flags, approve or reject."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
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
from app.ui.metadata_rows import labelled_rows
from app.ui.names import state_name
from app.ui.session import ClerkDay, ReviewItem
from app.ui.viewer import PageViewer


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class ReviewView(QWidget):
    """Filter by dates and clerk; flags per document; its pages large beside its metadata; chart."""

    changed = Signal(object)  # a document approved or rejected

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.items: list[ReviewItem] = []
        self.summary_rows: list[ClerkDay] = []
        bar = QHBoxLayout()
        self.first, self.last = _date_edit(), _date_edit()
        self.clerk = QComboBox()
        self.clerk.addItem("", "")
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.refresh)
        self.labels = [QLabel(), QLabel(), QLabel()]
        for widget in (self.labels[0], self.first, self.labels[1], self.last, self.labels[2],
                       self.clerk, self.show_button):
            bar.addWidget(widget)
        bar.addStretch()
        self.table = QTableWidget(0, 7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.pages = PageViewer(desk.pools)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton()
        self.reject_button.clicked.connect(self.reject)
        self.message = QLabel()
        for widget in (self.approve_button, self.reject_button, self.message):
            actions.addWidget(widget)
        actions.addStretch()
        self.chart = SummaryChart()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 3)
        column.addLayout(actions)
        column.addWidget(self.details, 1)
        column.addWidget(self.chart, 1)
        column.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.pages)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.retranslate()
        self._load_clerks()

    def retranslate(self) -> None:
        """Every fixed text in the current language; the table and summary are redrawn."""
        self.clerk.setItemText(0, self.tr("All clerks"))
        self.show_button.setText(self.tr("Show"))
        for label, text in zip(self.labels, (self.tr("From"), self.tr("to"), self.tr("Clerk")),
                               strict=True):
            label.setText(text)
        self.table.setHorizontalHeaderLabels([
            self.tr("Document"), self.tr("Clerk"), self.tr("Subject"), self.tr("Pages"),
            self.tr("Filed"), self.tr("State"), self.tr("Needs a look"),
        ])
        self.pages.retranslate()
        self.approve_button.setText(self.tr("Approve"))
        self.reject_button.setText(self.tr("Reject…"))
        self._show_loaded()
        self.chart.update()

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
        self.items, self.summary_rows = loaded
        self._show_loaded()

    def _show_loaded(self) -> None:
        summary = self.summary_rows
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            doc = item.document
            cells = (doc.doc_code, doc.clerk, str(doc.metadata.get("subject", "")),
                     show_number(doc.page_count), show_date(doc.created_at),
                     state_name(doc.state), self._flag_text(item.flags))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.chart.show_rows(summary)
        self.summary.setText("   ".join(
            self.tr("%1: %2 pages, %3 documents, %4 rejections").replace("%1", d.clerk)
            .replace("%2", show_number(d.pages)).replace("%3", show_number(d.documents))
            .replace("%4", show_number(d.rejections)) for d in summary))

    def current(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _selected(self) -> None:
        item = self.current()
        if item is None:
            self.pages.show_pdf(None)
            self.details.clear()
            return
        doc = item.document
        rows = labelled_rows(self.desk.session.profile(), "document", doc.metadata)
        self.details.setText("\n".join(f"{label}: {value}" for label, value in rows))
        self.pages.show_pdf(self.desk.session.file_of(doc))

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
        task.signals.done.connect(self.changed)
        task.signals.done.connect(lambda doc: self.refresh())
        task.signals.failed.connect(self.message.setText)
