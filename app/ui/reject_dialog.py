"""Sending a document back: common reasons to tick, pages to name, words of one's own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import nfc


class RejectDialog(QDialog):
    """The reason is required: OK stays disabled until a reason is ticked or written."""

    def __init__(self, document: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send back %1").replace("%1", document))
        reasons = (self.tr("Pages blurred or hard to read"), self.tr("Pages missing"),
                   self.tr("Page skewed or cut off"), self.tr("Pages in the wrong order"),
                   self.tr("Blank pages left in"),
                   self.tr("Metadata wrong (number, date, subject)"))
        self.boxes = [QCheckBox(text) for text in reasons]
        self.pages = QLineEdit()
        self.pages.setPlaceholderText(self.tr("e.g. 2, 5"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Anything else the clerk must fix"))
        self.note.setFixedHeight(70)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What must the clerk fix?")))
        for box in self.boxes:
            box.toggled.connect(self._update)
            layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Pages concerned (optional)")))
        layout.addWidget(self.pages)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(self._update)
        self._update()

    def reason(self) -> str:
        """The reason as stored in the history: ticked reasons, own words, then the pages."""
        parts = [box.text() for box in self.boxes if box.isChecked()]
        note = nfc(self.note.toPlainText().strip())
        if note:
            parts.append(note)
        text = "; ".join(parts)
        pages = self.pages.text().strip()
        if text and pages:
            text += " " + self.tr("(pages %1)").replace("%1", pages)
        return text

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))
