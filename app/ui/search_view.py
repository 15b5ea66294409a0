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
    QHeaderView,
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
from app.ui.names import state_name


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
        self.query.returnPressed.connect(self.search)
        self.go = QPushButton()
        self.go.clicked.connect(self.search)
        self.type = QComboBox()
        self.type.addItem("", "")
        spec = desk.session.profile().field("document", "typeName")
        self.type_names = dict(spec.codes) if spec else {}
        for code, label in self.type_names.items():
            self.type.addItem(f"{code} – {label}", code)
        self.state = QComboBox()
        self.state.addItem("", "")
        for state in State:
            self.state.addItem("", str(state))
        self.use_from, self.date_from = _date_filter()
        self.use_to, self.date_to = _date_filter()
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.go)
        filters = QHBoxLayout()
        for widget in (self.type, self.state, self.use_from, self.date_from, self.use_to,
                       self.date_to):
            filters.addWidget(widget)
        filters.addStretch()
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, col: self.open(row))
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.shown_query = ""
        self.searched = False
        self.retranslate()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("Words from the text or the metadata "
                                              "(marks optional)"))
        self.go.setText(self.tr("Search"))
        self.type.setItemText(0, self.tr("Any type"))
        self.state.setItemText(0, self.tr("Any state"))
        for index in range(1, self.state.count()):
            self.state.setItemText(index, state_name(str(self.state.itemData(index))))
        self.use_from.setText(self.tr("Issued from"))
        self.use_to.setText(self.tr("to"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Subject"), self.tr("Type"), self.tr("Issued"),
             self.tr("State")])
        self._show()

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
        self.hits, self.shown_query, self.searched = hits, query, True
        self._show()

    def _show(self) -> None:
        hits, query = self.hits, self.shown_query
        self.table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            self.table.setItem(row, 0, QTableWidgetItem(hit.doc_code))
            label = QLabel(highlight(hit.subject, query))
            self.table.setCellWidget(row, 1, label)
            kind = self.type_names.get(hit.type_name, hit.type_name)
            for col, text in ((2, kind), (3, show_date(hit.issued_date)),
                              (4, state_name(hit.state))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.count.setText(self.tr("%1 documents found").replace("%1", str(len(hits)))
                           if self.searched else "")

    def open(self, row: int) -> DocumentDialog:
        dialog = DocumentDialog(self.desk, self.hits[row].doc_code, self)
        dialog.show()
        return dialog
