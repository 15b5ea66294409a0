"""First run: the organisation, its metadata profile, the first admin, and the demo scanner."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.catalog import profiles
from app.scanner.base import DeviceInfo
from app.scanner.factory import list_devices
from app.ui.backup_dialog import RestoreDialog
from app.ui.i18n import nfc
from app.ui.prefs import Prefs
from app.ui.session import DeskSession
from app.ui.workers import Pools, Reporter


def _devices(report: Reporter) -> list[DeviceInfo]:
    return list_devices()


class FirstRunDialog(QDialog):
    """Asks once for the office, creates the first admin, offers the demo scanner."""

    def __init__(self, session: DeskSession, pools: Pools, prefs: Prefs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.pools, self.prefs = session, pools, prefs
        self.setWindowTitle(self.tr("Set up the station"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("This station has no organisation yet. Fill in the office "
                                   "and its first administrator.")))
        self.org_name = QLineEdit()
        self.org_code = QLineEdit()
        self.org_code.setPlaceholderText("000.00.00.G09")
        self.profile = QComboBox()
        for profile_id in profiles.available():
            self.profile.addItem(profiles.load(profile_id).name, profile_id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(profiles.DEFAULT_PROFILE)))
        self.admin = QLineEdit()
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.demo = QCheckBox(self.tr("Use the demo scanner"))
        self.demo.setVisible(False)
        form.addRow(self.tr("Organisation name"), self.org_name)
        form.addRow(self.tr("Identifier code"), self.org_code)
        form.addRow(self.tr("Metadata profile"), self.profile)
        form.addRow(self.tr("Administrator user name"), self.admin)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password (8 characters or more)"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        form.addRow(self.demo)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.restore = QPushButton(self.tr("Restore from a backup…"))  # a replaced machine
        self.restore.clicked.connect(self.open_restore)
        self.buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        form.addRow(self.buttons)
        task = pools.run(_devices, name="devices")
        task.signals.done.connect(self._devices_found)

    def open_restore(self) -> RestoreDialog:
        """Restore the old station's catalog instead; the first run is then done."""
        dialog = RestoreDialog(self.session, self.pools, self)
        dialog.accepted.connect(self.accept)
        dialog.open()
        return dialog

    def _devices_found(self, devices: list[DeviceInfo]) -> None:
        if not any(d.kind not in ("virtual", "folder") for d in devices):
            self.demo.setText(self.tr("No scanner was found: use the demo scanner"))
            self.demo.setChecked(True)
            self.demo.setVisible(True)

    def submit(self) -> None:
        """Check the form, then create the organisation and the admin in the writer."""
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        values = (nfc(self.org_name.text()), nfc(self.org_code.text()),
                  str(self.profile.currentData()), nfc(self.admin.text()),
                  self.password.text(), nfc(self.full_name.text()))
        self.buttons.setEnabled(False)
        task = self.pools.run(lambda r: self.session.first_run(*values), write=True,
                              name="first-run")
        task.signals.done.connect(self._created)
        task.signals.failed.connect(self._failed)

    def _created(self, user: object) -> None:
        if self.demo.isChecked():
            self.prefs.device = "demo"
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
