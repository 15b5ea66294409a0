"""Sign-in: user name and password, checked against the catalog in a worker."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.catalog.errors import AccountRefused
from app.catalog.models import User
from app.ui.i18n import nfc
from app.ui.session import DeskSession
from app.ui.users_view import ERROR_STYLE, AccountTexts, PasswordFields, attempt
from app.ui.workers import Pools


class SignInDialog(QDialog):
    """Accepted once the catalog knows the user and the password (and the account is enabled).

    After a reset, the temporary password signs in only to choose a new one: the dialog asks
    for it, and is accepted once it is saved.

    The check runs in a worker; a password an admin reset is replaced here before the desk opens.
    """

    def __init__(self, session: DeskSession, pools: Pools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.pools = session, pools
        self.texts = AccountTexts(self)
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
        forgot = QLabel(self.tr("Forgot your password? The station's administrator sets a "
                                "temporary one (Settings → Users)."))
        forgot.setWordWrap(True)
        forgot.setStyleSheet("color: palette(mid)")
        form.addRow(forgot)
        self.change_note = QLabel(self.tr("The admin set a temporary password: choose your own "
                                          "password to continue."))
        self.change_note.setWordWrap(True)
        self.new_password = PasswordFields()
        form.addRow(self.change_note)
        form.addRow(self.new_password)
        self.change_note.hide()
        self.new_password.hide()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        form.addRow(self.buttons)

    @property
    def changing(self) -> bool:
        """Whether the dialog is asking for a new password (after a reset)."""
        return not self.new_password.isHidden()

    def submit(self) -> None:
        name, password = nfc(self.name.text()), self.password.text()
        if self.changing:
            problem = self.new_password.problem()
            if problem:
                self.error.setText(problem)
                return
            new = self.new_password.text()
            call = attempt(lambda: self.session.change_password(name, password, new))
        else:
            call = attempt(lambda: self.session.sign_in(name, password))
        self.buttons.setEnabled(False)
        task = self.pools.run(call, name="sign-in")
        task.signals.done.connect(self._answered)
        task.signals.failed.connect(self._failed)

    def _answered(self, result: User | AccountRefused) -> None:
        self.buttons.setEnabled(True)
        if isinstance(result, AccountRefused):
            if result.reason in ("wrong-password", "disabled"):
                self.password.clear()
            self.error.setText(self.texts.refusal(result))
        elif result.must_change_password:
            self.name.setReadOnly(True)
            self.password.setReadOnly(True)
            self.change_note.show()
            self.new_password.show()
            self.error.clear()
            self.new_password.password.setFocus()
        else:
            self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
