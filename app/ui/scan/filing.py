"""The filing panel: hồ sơ, the indexing form, messages, save, and the clerk's returned queue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import Document, Hoso
from app.ui.desk import Desk
from app.ui.help import ShortcutsDialog
from app.ui.hoso_dialog import HosoDialog
from app.ui.index_form import IndexForm


class FilingPanel(QWidget):
    """Asks for a save (`save_wanted`), a put-back, a returned document to look at or to
    correct."""

    save_wanted = Signal()
    put_back_wanted = Signal()
    correct_wanted = Signal(object)  # the returned Document the clerk opened
    peek_wanted = Signal(object)  # the returned Document the clerk selected (to look at)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hoso_list: list[Hoso] = []
        self._build()
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save_wanted.emit)
        QShortcut(QKeySequence("F1"), self, self.show_help)

    def _build(self) -> None:
        right = QVBoxLayout(self)
        right.setContentsMargins(0, 0, 0, 0)
        hoso_row = QHBoxLayout()
        self.hoso = QComboBox()
        self.hoso.setEditable(True)
        self.hoso.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.hoso.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_hoso_button = QPushButton()
        self.new_hoso_button.clicked.connect(self.new_hoso)
        self.hoso_label = QLabel()
        hoso_row.addWidget(self.hoso_label)
        hoso_row.addWidget(self.hoso, 1)
        hoso_row.addWidget(self.new_hoso_button)
        right.addLayout(hoso_row)
        self.form = IndexForm(self.desk.session.profile(), "document")
        self.form.accepted.connect(self.save_wanted)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        right.addWidget(scroll, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        save_row = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_wanted)
        self.put_back_button = QPushButton()
        self.put_back_button.setVisible(False)
        self.put_back_button.clicked.connect(self.put_back_wanted)
        self.help_button = QPushButton()
        self.help_button.clicked.connect(self.show_help)
        for button in (self.save_button, self.put_back_button, self.help_button):
            save_row.addWidget(button)
        right.addLayout(save_row)
        self.queue_label = QLabel()
        right.addWidget(self.queue_label)
        self.queue = QListWidget()
        self.queue.setMaximumHeight(110)
        self.queue.itemActivated.connect(
            lambda item: self.correct_wanted.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.queue.currentItemChanged.connect(self._queue_selected)
        right.addWidget(self.queue)

    def retranslate(self) -> None:
        self.hoso_label.setText(self.tr("Hồ sơ *"))
        self.new_hoso_button.setText(self.tr("New hồ sơ…"))
        self.save_button.setText(self.tr("Save and next (Enter)"))
        self.put_back_button.setText(self.tr("Put the returned document back"))
        self.help_button.setText(self.tr("Shortcuts (F1)"))
        self.queue_label.setText(self.tr("Sent back to me (double-click to correct or rescan)"))
        self.form.retranslate()

    def refresh_hoso(self, select: str | None = None) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.list_hoso(), name="hoso")
        task.signals.done.connect(lambda found: self._hoso(found, select))

    def _hoso(self, found: list[Hoso], select: str | None) -> None:
        current = select or self.hoso.currentData()
        self.hoso_list = found
        self.hoso.clear()
        for item in found:
            self.hoso.addItem(f"{item.file_code} – {item.title}", item.file_code)
        index = self.hoso.findData(current)
        self.hoso.setCurrentIndex(index if index >= 0 else self.hoso.count() - 1)
        line = self.hoso.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # the code, not the end of the title

    def new_hoso(self) -> None:
        dialog = HosoDialog(self.desk, self)
        if dialog.exec() and dialog.created is not None:
            self.refresh_hoso(dialog.created.file_code)

    def chosen_hoso(self) -> Hoso | None:
        code = self.hoso.currentData()
        return next((h for h in self.hoso_list if h.file_code == code), None)

    def show_document(self, doc: Document) -> None:
        """A returned document's metadata and hồ sơ in the form."""
        self.form.clear()
        self.form.set_values(doc.metadata)
        self.hoso.setCurrentIndex(self.hoso.findData(doc.hoso_code))

    def refresh_queue(self) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.my_queue(), name="queue")
        task.signals.done.connect(self._queue)

    def _queue(self, docs: list[Document]) -> None:
        self.queue.clear()
        for doc in docs:
            item = QListWidgetItem(f"{doc.doc_code}: {doc.reason}")
            item.setData(Qt.ItemDataRole.UserRole, doc)
            self.queue.addItem(item)

    def _queue_selected(self, item: QListWidgetItem | None, previous: object) -> None:
        if item is not None:
            self.peek_wanted.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_help(self) -> None:
        ShortcutsDialog(self).exec()
