"""The help panel: every keyboard shortcut of the clerk's desk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """Lists the shortcuts (the form itself is worked with Tab, Shift+Tab and Enter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = (
            ("F5", self.tr("Scan")),
            ("Tab / Shift+Tab", self.tr("Next / previous field")),
            ("Enter", self.tr("Accept the field, save and go to the next document")),
            ("Ctrl+Enter", self.tr("Save the document and go to the next")),
            (self.tr("Shift / Ctrl + click, Ctrl+A"),
             self.tr("Select several pages / every page in the strip")),
            ("Ctrl+R / Ctrl+Shift+R", self.tr("Rotate the selected pages right / left")),
            ("Ctrl+U", self.tr("Turn the selected pages upside down")),
            ("Ctrl+← / Ctrl+→", self.tr("Move the selected pages one place earlier / later")),
            ("Delete", self.tr("Delete the selected pages")),
            ("Ctrl+I", self.tr("Scan a page and insert it after this one")),
            ("Ctrl+K", self.tr("Start a new document at this page, or merge it back")),
            ("Ctrl+Z", self.tr("Undo")),
            ("Ctrl+F", self.tr("Search")),
            ("F1", self.tr("This list")),
        )
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for row, (keys, action) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(action))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
