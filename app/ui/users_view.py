"""The admin's user list: add, disable or enable, reset a password; roles and state shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog.accounts import MIN_PASSWORD
from app.catalog.errors import AccountRefused
from app.catalog.models import Role, User
from app.ui.desk import Desk
from app.ui.i18n import nfc
from app.ui.workers import Reporter

ROLES = (Role.CLERK, Role.SUPERVISOR, Role.SIGNER, Role.ADMIN)
ERROR_STYLE = "color: #b00020"


class AccountTexts(QObject):
    """The desk's wording of roles and of the core's account refusals (`AccountRefused`)."""

    def role(self, role: Role) -> str:
        return {Role.CLERK: self.tr("clerk"), Role.SUPERVISOR: self.tr("supervisor"),
                Role.SIGNER: self.tr("signer"), Role.ADMIN: self.tr("admin")}[role]

    def refusal(self, err: AccountRefused) -> str:
        texts = {
            "wrong-password": self.tr("Wrong user name or password."),
            "disabled": self.tr("This account is disabled. Ask the station's admin to enable it."),
            "self-disable": self.tr("You cannot disable your own account; another admin can."),
            "last-admin": self.tr("This is the last active admin: the station would have none. "
                                  "Add another admin first."),
            "short-password": self.tr("The password must have at least %2 characters."),
            "same-password": self.tr("The new password must differ from the current one."),
            "exists": self.tr("A user of that name exists already: choose another name."),
        }
        return texts.get(err.reason, err.message_vi).replace("%2", str(MIN_PASSWORD))


def attempt(call: Callable[[], Any]) -> Callable[[Reporter], Any]:
    """Worker code that returns an account refusal as its result, for the screen to word."""

    def work(report: Reporter) -> Any:
        try:
            return call()
        except AccountRefused as err:
            return err

    return work


class PasswordFields(QWidget):
    """A new password typed twice; `problem()` says what is wrong with it, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password, self.again = QLineEdit(), QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(), QLabel()]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in zip(self.labels, (self.password, self.again), strict=True):
            form.addRow(label, field)
        self.retranslate()

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("New password"))
        self.labels[1].setText(self.tr("Repeat the new password"))

    def text(self) -> str:
        return self.password.text()

    def problem(self) -> str:
        """Why the typed password cannot be used ("" when it can)."""
        if len(self.password.text()) < MIN_PASSWORD:
            return self.tr("The password must have at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD))
        if self.password.text() != self.again.text():
            return self.tr("The two passwords differ.")
        return ""


class AddUserDialog(QDialog):
    """Name, full name, first password and roles of a new user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        form = QFormLayout(self)
        self.user_name, self.full_name = QLineEdit(), QLineEdit()
        form.addRow(self.tr("User name"), self.user_name)
        form.addRow(self.tr("Full name"), self.full_name)
        self.password = PasswordFields()
        form.addRow(self.password)
        texts = AccountTexts(self)
        self.roles = {role: QCheckBox(texts.role(role)) for role in ROLES}
        roles = QHBoxLayout()
        for box in self.roles.values():
            roles.addWidget(box)
        form.addRow(self.tr("Roles"), roles)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def chosen_roles(self) -> list[Role]:
        return [role for role, box in self.roles.items() if box.isChecked()]

    def check(self) -> None:
        """Accept only a name, at least one role and a usable password."""
        if not nfc(self.user_name.text()).strip():
            self.error.setText(self.tr("Type the user name."))
        elif not self.chosen_roles():
            self.error.setText(self.tr("Tick at least one role."))
        elif problem := self.password.problem():
            self.error.setText(problem)
        else:
            self.accept()


class ResetPasswordDialog(QDialog):
    """The admin types a temporary password; the user changes it at the next sign-in."""

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the password"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("A temporary password for %1. They must choose their own at the "
                              "next sign-in.").replace("%1", user.full_name or user.name))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.password = PasswordFields()
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def check(self) -> None:
        problem = self.password.problem()
        if problem:
            self.error.setText(problem)
        else:
            self.accept()


class UsersPanel(QWidget):
    """Every user with roles and state; the admin adds, disables/enables, resets passwords."""

    changed = Signal()  # a change was saved and the list read again

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.users: list[User] = []
        self.texts = AccountTexts(self)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button, self.toggle_button, self.reset_button = (
            QPushButton(), QPushButton(), QPushButton())
        self.add_button.clicked.connect(self.open_add)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.reset_button.clicked.connect(self.open_reset)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()
        self._selected()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Roles"), self.tr("State")])
        self.add_button.setText(self.tr("Add a user…"))
        self.reset_button.setText(self.tr("Reset the password…"))
        self._fill()

    def refresh(self) -> None:
        """Read the users again (in a worker)."""
        task = self.desk.pools.run(lambda r: self.desk.session.users(), name="users")
        task.signals.done.connect(self._loaded)

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        """Select the row of the user `name`."""
        for row, user in enumerate(self.users):
            if user.name == name:
                self.table.selectRow(row)

    def _loaded(self, users: list[User]) -> None:
        chosen = self.selected()
        self.users = users
        self._fill()
        if chosen is not None:
            self.select(chosen.name)

    def _state(self, user: User) -> str:
        if user.disabled:
            return self.tr("disabled")
        if user.must_change_password:
            return self.tr("active, must change the password")
        return self.tr("active")

    def _fill(self) -> None:
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            roles = ", ".join(self.texts.role(r) for r in ROLES if r in user.roles)
            for col, text in enumerate((user.name, user.full_name, roles, self._state(user))):
                item = QTableWidgetItem(text)
                if user.disabled:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self._selected()

    def _selected(self) -> None:
        user = self.selected()
        self.toggle_button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("Enable") if user is not None and user.disabled
                                   else self.tr("Disable"))

    def _run(self, call: Callable[[], Any], done: str) -> None:
        """Save a change in the writer; show `done` or the refusal, then read the list again."""
        task = self.desk.pools.run(attempt(call), write=True, name="user")
        task.signals.done.connect(lambda result: self._saved(result, done))
        task.signals.failed.connect(self._show_error)

    def _saved(self, result: object, done: str) -> None:
        if isinstance(result, AccountRefused):
            self._show_error(self.texts.refusal(result))
            return
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.refresh()
        self.changed.emit()

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def open_add(self) -> AddUserDialog:
        dialog = AddUserDialog(self)
        dialog.accepted.connect(lambda: self.add(dialog))
        dialog.open()
        return dialog

    def add(self, dialog: AddUserDialog) -> None:
        name, full = nfc(dialog.user_name.text()).strip(), nfc(dialog.full_name.text()).strip()
        roles, password = dialog.chosen_roles(), dialog.password.text()
        self._run(lambda: self.desk.session.add_user(name, roles, password, full),
                  self.tr("User %1 added.").replace("%1", name))

    def toggle_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        name, disable = user.name, not user.disabled
        done = (self.tr("%1 is disabled and can no longer sign in.") if disable
                else self.tr("%1 is enabled again.")).replace("%1", name)
        self._run(lambda: self.desk.session.set_disabled(name, disable), done)

    def open_reset(self) -> ResetPasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = ResetPasswordDialog(user, self)
        dialog.accepted.connect(lambda: self.reset(user.name, dialog.password.text()))
        dialog.open()
        return dialog

    def reset(self, name: str, temporary: str) -> None:
        self._run(lambda: self.desk.session.reset_password(name, temporary),
                  self.tr("Temporary password set: %1 must change it at the next sign-in.")
                  .replace("%1", name))
