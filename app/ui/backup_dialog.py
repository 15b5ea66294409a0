"""The desk's "Sao lưu" and "Khôi phục từ bản sao lưu" dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.backup import drives, medium
from app.backup.crypto import MIN_PASSPHRASE
from app.backup.progress import Report
from app.backup.restore import RestoreReport, restore
from app.backup.status import record, record_written
from app.backup.verify import VerifyReport, verify
from app.backup.write import BackupReport, backup
from app.catalog import backup_state
from app.catalog.service import Catalog
from app.ui.desk import Desk
from app.ui.i18n import show_number
from app.ui.session import DeskSession
from app.ui.workers import Pools, Reporter, Task, Work

STEPS = 1000  # the progress bar counts thousandths: byte counts do not fit a Qt int


def _per_mille(report: Reporter, phase: str) -> Report:
    def forward(done: int, total: int, note: str) -> None:
        report.progress(done * STEPS // total if total else 0, STEPS, phase)

    return forward


class _DrivePicker(QWidget):
    """The drives to choose from (remembered and mounted) and a folder chooser."""

    changed = Signal()

    def __init__(self, remembered: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(320)
        for path in drives.candidates(remembered):
            self.combo.addItem(str(path), str(path))
        self.browse = QPushButton(self.tr("Choose a folder…"))
        self.browse.clicked.connect(self._browse)
        self.combo.currentIndexChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.browse)

    def set_path(self, path: Path) -> None:
        index = self.combo.findData(str(path))
        if index < 0:
            self.combo.addItem(str(path), str(path))
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def path(self) -> Path | None:
        data = self.combo.currentData()
        return Path(data) if data else None

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("The backup drive or folder"))
        if chosen:
            self.set_path(Path(chosen))


class _WorkDialog(QDialog):
    """What both dialogs share: a drive, a passphrase, a progress bar, a message and buttons.

    Its texts use the fixed context "BackupWork": tr() in a base class would look them up
    under the subclass's name.

    The work runs in the worker pools.
    """

    def __init__(self, pools: Pools, remembered: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.pools = pools
        self.task: Task | None = None
        self.drive = _DrivePicker(remembered)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setValue(0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.stop = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.stop.clicked.connect(self._stop)
        self.form = QFormLayout(self)

    def finish_layout(self) -> None:
        self.form.addRow(self.bar)
        self.form.addRow(self.message)
        self.form.addRow(self.buttons)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020" if error else "")
        self.message.setText(text)

    def run(self, work: Work, name: str) -> Task:
        """Start `work` on the general pool; the dialog shows its progress and failure."""
        self.start.setEnabled(False)
        self.passphrase.clear()  # never kept longer than needed
        task = self.pools.run(work, name=name)
        task.signals.progress.connect(self._progress)
        task.signals.failed.connect(self._failed)
        task.signals.ended.connect(self._ended)
        self.task = task
        return task

    def phase_text(self, phase: str) -> str:
        texts = {
            "copy": QCoreApplication.translate("BackupWork", "Copying to the backup drive…"),
            "verify": QCoreApplication.translate("BackupWork", "Verifying the backup…"),
            "restore": QCoreApplication.translate(
                "BackupWork", "Restoring and checking the catalog…"),
        }
        return texts.get(phase, phase)

    def _progress(self, done: int, total: int, phase: str) -> None:
        self.bar.setValue(done)
        self.say(self.phase_text(phase))

    def _failed(self, message: str) -> None:
        text = QCoreApplication.translate("BackupWork", "It did not finish: %1")
        self.say(text.replace("%1", message), error=True)

    def _ended(self) -> None:
        self.task = None
        self.start.setEnabled(True)

    def _stop(self) -> None:
        if self.task is not None:
            self.task.cancel.cancel()
            self.say(QCoreApplication.translate(
                "BackupWork", "Stopping… the previous backup on the drive stays intact."))
        else:
            self.reject()


class BackupDialog(_WorkDialog):
    """Back the catalog up to a drive, encrypted, then verify what was written.

    Chooses the drive, asks the passphrase, shows the progress and the verification at the end.
    """

    backed_up = Signal(object)  # the VerifyReport, once recorded in the catalog

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        catalog = desk.session.catalog
        remembered = [t.path for t in backup_state.targets(catalog)]
        super().__init__(desk.pools, remembered, parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Back up"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_label = QLabel(self.tr("Passphrase again (new drive)"))
        self.form.addRow(QLabel(self.tr(
            "Back up the catalog to a USB disk or external drive, encrypted with the office's "
            "passphrase. Keep two drives in separate places and back up to each every week.")))
        self.form.addRow(self.tr("Drive"), self.drive)
        self.form.addRow(self.tr("Backup passphrase"), self.passphrase)
        self.form.addRow(self.again_label, self.again)
        self.finish_layout()
        self.start.setText(self.tr("Back up"))
        self.start.clicked.connect(self.begin)
        self.drive.changed.connect(self._drive_changed)
        self._drive_changed()

    def _drive_changed(self) -> None:
        path = self.drive.path()
        new = path is not None and not medium.exists(path)
        self.again.setVisible(new)
        self.again_label.setVisible(new)

    def begin(self) -> None:
        """Check the form, then back up and verify in a worker."""
        drive, passphrase = self.drive.path(), self.passphrase.text()
        if drive is None:
            self.say(self.tr("Plug in the backup drive, or choose a folder."), error=True)
            return
        if not medium.exists(drive):
            if passphrase != self.again.text():
                self.say(self.tr("The two passphrases differ."), error=True)
                return
            if len(passphrase) < MIN_PASSPHRASE:
                self.say(self.tr("The passphrase needs at least %1 characters.")
                         .replace("%1", str(MIN_PASSPHRASE)), error=True)
                return
        self.again.clear()
        catalog = self.desk.session.catalog

        def work(report: Reporter) -> tuple[BackupReport, VerifyReport]:
            written = backup(catalog, drive, passphrase, report=_per_mille(report, "copy"),
                             cancelled=lambda: report.cancelled)
            checked = verify(drive, passphrase, report=_per_mille(report, "verify"),
                             cancelled=lambda: report.cancelled)
            return written, checked

        task = self.run(work, "backup")
        self.desk.status.track(task, self.tr("Backing up"))
        task.signals.done.connect(self._written)

    def _written(self, result: tuple[BackupReport, VerifyReport]) -> None:
        written, checked = result
        catalog = self.desk.session.catalog

        def remember(report: Reporter) -> VerifyReport:
            record_written(catalog, written)
            record(catalog, written.folder, checked)
            return checked

        task = self.pools.run(remember, write=True, name="backup-record")
        task.signals.done.connect(self.backed_up)
        if checked.ok:
            self.say(self.tr("Backup %1 written and verified: %2 documents, %3 new files.")
                     .replace("%1", str(written.generation))
                     .replace("%2", show_number(written.documents))
                     .replace("%3", show_number(written.new_files)))
        else:
            damaged = "; ".join(f"{', '.join(d.paths)} ({d.file})" for d in checked.damaged)
            self.say(self.tr("The verification found damaged files: %1. Use another drive.")
                     .replace("%1", damaged), error=True)
        if written.same_disk:
            self.say(self.message.text() + "\n" + self.tr(
                "This folder is on the station's own disk: it is not an independent copy."))


class RestoreDialog(_WorkDialog):
    """Rebuild this new station's catalog from a backup drive (before any organisation).

    Shown at a new station's first run.
    """

    def __init__(self, session: DeskSession, pools: Pools, parent: QWidget | None = None) -> None:
        super().__init__(pools, [], parent)
        self.session = session
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.form.addRow(QLabel(self.tr(
            "Choose the backup drive of the old station and type the office's backup "
            "passphrase. The catalog is restored and checked before it is used.")))
        self.form.addRow(self.tr("Drive"), self.drive)
        self.form.addRow(self.tr("Backup passphrase"), self.passphrase)
        self.finish_layout()
        self.start.setText(self.tr("Restore"))
        self.start.clicked.connect(self.begin)

    def begin(self) -> None:
        drive, passphrase = self.drive.path(), self.passphrase.text()
        if drive is None or not medium.exists(drive):
            self.say(self.tr("No backup was found there: choose the drive that holds the "
                             "scanstation-backup folder."), error=True)
            return
        session = self.session
        session.catalog.close()  # the GUI thread's connection to the empty catalog

        def work(report: Reporter) -> RestoreReport:
            try:
                return restore(drive, session.folder, passphrase,
                               report=_per_mille(report, "restore"),
                               cancelled=lambda: report.cancelled)
            finally:
                session.catalog = Catalog.open(session.folder)

        task = self.run(work, "restore")
        task.signals.done.connect(self._restored)

    def _restored(self, done: RestoreReport) -> None:
        self.say(self.tr("Restored: %1 documents. Sign in with the old station's accounts.")
                 .replace("%1", show_number(done.documents)))
        self.accept()
