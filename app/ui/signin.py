"""Sign-in: user name and password, checked against the catalog in a worker."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.ui.i18n import nfc
from app.ui.session import DeskSession
from app.ui.workers import Pools


class SignInDialog(QDialog):
    """Accepted once the catalog knows the user and the password."""

    def __init__(self, session: DeskSession, pools: Pools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.pools = session, pools
        self.setWindowTitle(self.tr("Sign in"))
        form = QFormLayout(self)
        org = QLabel(session.organisation().name)
        org.setStyleSheet("font-weight: bold")
        form.addRow(org)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        form.addRow(self.buttons)

    def submit(self) -> None:
        name, password = nfc(self.name.text()), self.password.text()
        self.buttons.setEnabled(False)
        task = self.pools.run(lambda r: self.session.sign_in(name, password), name="sign-in")
        task.signals.done.connect(lambda user: self.accept())
        task.signals.failed.connect(self._failed)

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.error.setText(self.tr("Wrong user name or password."))
