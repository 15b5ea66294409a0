"""Create a hồ sơ from the clerk's desk, with the form generated from the profile."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.catalog.models import Hoso
from app.ui.desk import Desk
from app.ui.index_form import IndexForm


class HosoDialog(QDialog):
    """The hồ sơ fields; OK files the hồ sơ in the writer and closes."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.created: Hoso | None = None
        self.setWindowTitle(self.tr("New hồ sơ"))
        self.form = IndexForm(desk.session.profile(), "hoso")
        self.form.accepted.connect(self.submit)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 640)

    def submit(self) -> None:
        if self.form.check() is None:
            return
        values = self.form.values()
        self.buttons.setEnabled(False)
        task = self.desk.pools.run(lambda r: self.desk.session.create_hoso(values), write=True,
                                   name="hoso")
        task.signals.done.connect(self._created)
        task.signals.failed.connect(self._failed)

    def _created(self, hoso: Hoso) -> None:
        self.created = hoso
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
