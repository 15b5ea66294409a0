"""Search: full text and metadata with filters, highlighted results, open a document."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog import SearchFilters, SearchHit, State
from app.catalog.text import fold
from app.ui.desk import Desk
from app.ui.document_view import DocumentDialog
from app.ui.i18n import nfc, show_date


def highlight(text: str, query: str) -> str:
    """`text` as HTML with each word matching a query word (with or without marks) in bold."""
    wanted = {fold(w) for w in query.split() if w}
    out = []
    for word in text.split(" "):
        escaped = html.escape(word)
        core = fold(word.strip(".,;:()\"'"))
        out.append(f"<b style='background:#fff3b0'>{escaped}</b>" if core in wanted else escaped)
    return " ".join(out)


def _date_filter() -> tuple[QCheckBox, QDateEdit]:
    edit = QDateEdit(QDate.currentDate())
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return QCheckBox(), edit


class SearchView(QWidget):
    """A query line, filters, and the hits; double-click opens the document."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hits: list[SearchHit] = []
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Words from the text or the metadata "
                                              "(marks optional)"))
        self.query.returnPressed.connect(self.search)
        go = QPushButton(self.tr("Search"))
        go.clicked.connect(self.search)
        self.type = QComboBox()
        self.type.addItem(self.tr("Any type"), "")
        spec = desk.session.profile().field("document", "typeName")
        for code, label in spec.codes if spec else ():
            self.type.addItem(f"{code} – {label}", code)
        self.state = QComboBox()
        self.state.addItem(self.tr("Any state"), "")
        for state in State:
            self.state.addItem(str(state), str(state))
        self.use_from, self.date_from = _date_filter()
        self.use_to, self.date_to = _date_filter()
        self.use_from.setText(self.tr("Issued from"))
        self.use_to.setText(self.tr("to"))
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(go)
        filters = QHBoxLayout()
        for widget in (self.type, self.state, self.use_from, self.date_from, self.use_to,
                       self.date_to):
            filters.addWidget(widget)
        filters.addStretch()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Subject"), self.tr("Type"), self.tr("Issued"),
             self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, col: self.open(row))
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def filters(self) -> SearchFilters:
        state = str(self.state.currentData() or "")
        return SearchFilters(
            type_name=str(self.type.currentData() or "") or None,
            date_from=self.date_from.date().toString("yyyy-MM-dd")
            if self.use_from.isChecked() else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_to.isChecked() else None,
            state=State(state) if state else None,
        )

    def search(self) -> None:
        query, filters = nfc(self.query.text()), self.filters()
        task = self.desk.pools.run(lambda r: self.desk.session.search(query, filters),
                                   name="search")
        task.signals.done.connect(lambda hits: self._shown(hits, query))
        task.signals.failed.connect(self.count.setText)

    def _shown(self, hits: list[SearchHit], query: str) -> None:
        self.hits = hits
        self.table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            self.table.setItem(row, 0, QTableWidgetItem(hit.doc_code))
            label = QLabel(highlight(hit.subject, query))
            self.table.setCellWidget(row, 1, label)
            for col, text in ((2, hit.type_name), (3, show_date(hit.issued_date)),
                              (4, str(hit.state))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.count.setText(self.tr("%1 documents found").replace("%1", str(len(hits))))

    def open(self, row: int) -> DocumentDialog:
        dialog = DocumentDialog(self.desk, self.hits[row].doc_code, self)
        dialog.show()
        return dialog
