"""The supervisor's review: the day's documents by clerk with flags, approve or reject."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import State
from app.ui.chart import SummaryChart
from app.ui.desk import Desk
from app.ui.i18n import show_date, show_number
from app.ui.metadata_rows import labelled_rows
from app.ui.names import state_name
from app.ui.reject_dialog import RejectDialog
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
        self.items: list[ReviewItem] = []  # as loaded
        self.rows: list[ReviewItem] = []  # as shown (the pending filter applied)
        self._select_next: str | None = None  # after approve-and-next: the document to select
        self.summary_rows: list[ClerkDay] = []
        bar = QHBoxLayout()
        self.first, self.last = _date_edit(), _date_edit()
        self.clerk = QComboBox()
        self.clerk.addItem("", "")
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.refresh)
        self.pending_only = QCheckBox()
        self.pending_only.setChecked(True)
        self.pending_only.toggled.connect(self._show_loaded)
        self.labels = [QLabel(), QLabel(), QLabel()]
        for widget in (self.labels[0], self.first, self.labels[1], self.last, self.labels[2],
                       self.clerk, self.show_button, self.pending_only):
            bar.addWidget(widget)
        bar.addStretch()
        self.table = QTableWidget(0, 7)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        for key, slot in (("Ctrl+Return", self.approve), ("Ctrl+Enter", self.approve),
                          ("Ctrl+R", self.reject)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()
        self._load_clerks()

    def retranslate(self) -> None:
        """Every fixed text in the current language; the table and summary are redrawn."""
        self.clerk.setItemText(0, self.tr("All clerks"))
        self.show_button.setText(self.tr("Show"))
        self.pending_only.setText(self.tr("Awaiting review only"))
        for label, text in zip(self.labels, (self.tr("From"), self.tr("to"), self.tr("Clerk")),
                               strict=True):
            label.setText(text)
        self.table.setHorizontalHeaderLabels([
            self.tr("Document"), self.tr("Clerk"), self.tr("Subject"), self.tr("Pages"),
            self.tr("Filed"), self.tr("State"), self.tr("Needs a look"),
        ])
        self.pages.retranslate()
        self.approve_button.setText(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Approve the selected documents and go to the next"
                                               " (Ctrl+Enter)"))
        self.reject_button.setText(self.tr("Reject…"))
        self.reject_button.setToolTip("Ctrl+R")
        self._show_loaded()
        self.chart.update()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Coming to Review puts the keys on the document list: Ctrl+Enter approves at once."""
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.table.setFocus()

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
            "rescanned": self.tr("rescanned after being sent back"),
        }
        return "; ".join(names[f] for f in flags)

    def _loaded(self, loaded: tuple[list[ReviewItem], list[ClerkDay]]) -> None:
        self.items, self.summary_rows = loaded
        self._show_loaded()

    def _show_loaded(self) -> None:
        summary = self.summary_rows
        pending = self.pending_only.isChecked()
        self.rows = [i for i in self.items
                     if not pending or i.document.state in (State.SCANNED, State.INDEXED)]
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
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
        codes = [item.document.doc_code for item in self.rows]
        if self._select_next in codes:
            self.table.selectRow(codes.index(self._select_next))
        elif self.rows:
            self.table.selectRow(0)  # the first document to review is open at once
        self._select_next = None

    def selected(self) -> list[ReviewItem]:
        """The selected documents, in the table's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.rows[row] for row in rows]

    def current(self) -> ReviewItem | None:
        chosen = self.selected()
        return chosen[0] if chosen else None

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

    def _after(self, chosen: list[ReviewItem]) -> str | None:
        """The document after the last chosen one (the next to review), if any."""
        last = self.rows.index(chosen[-1])
        return self.rows[last + 1].document.doc_code if last + 1 < len(self.rows) else None

    def approve(self) -> None:
        """Approve every selected document, then select the next one (Ctrl+Enter)."""
        self._apply(self.desk.session.approve)

    def reject(self) -> None:
        """Send the selected documents back with a reason (Ctrl+R); no reason, no change."""
        chosen = self.selected()
        if not chosen:
            return
        dialog = RejectDialog(", ".join(item.document.doc_code for item in chosen), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason():
            self.reject_with(dialog.reason())

    def reject_with(self, reason: str) -> None:
        session = self.desk.session
        self._apply(lambda code: session.reject(code, reason))

    def _apply(self, act: Callable[[str], object]) -> None:
        """Run `act` on each selected document in the writer, then select the next one."""
        chosen = self.selected()
        if not chosen:
            return
        codes = [item.document.doc_code for item in chosen]
        self._select_next = self._after(chosen)
        self._write(lambda: [act(code) for code in codes])

    def _write(self, action: object) -> None:
        task = self.desk.pools.run(lambda r: action(), write=True, name="review-write")  # type: ignore[operator]
        task.signals.done.connect(self.changed)
        task.signals.done.connect(lambda doc: self.refresh())
        task.signals.failed.connect(self.message.setText)
