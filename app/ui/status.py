"""The status bar: the running task with its progress and Cancel, and the sync state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from app.ui.i18n import show_date, show_number
from app.ui.session import SyncStatus
from app.ui.workers import Task


class StatusBar(QStatusBar):
    """Shows the newest long task (progress, Cancel) and, always, the upward-sync state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        self.sync_label = QLabel()
        self.backup_label = QLabel()
        self.user_label = QLabel()
        self.user = ""
        self.last_backup: str | None = None  # ISO time of the newest verified backup
        for widget in (self.task_label, self.bar, self.cancel_button):
            self.addWidget(widget)
        self.addPermanentWidget(self.user_label)
        self.addPermanentWidget(self.backup_label)
        self.addPermanentWidget(self.sync_label)
        self._tasks: list[Task] = []
        self.sync: SyncStatus | None = None
        self.retranslate()
        self._idle()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.show_user(self.user)
        self._show_sync()
        self._show_backup()
        if not self._tasks:
            self._idle()

    def show_user(self, name: str) -> None:
        """Who is signed in (empty: nobody)."""
        self.user = name
        self.user_label.setText(self.tr("Signed in: %1").replace("%1", name) if name else "")

    def track(self, task: Task, title: str, *, cancellable: bool = True) -> None:
        """Show `task` until it ends; Cancel asks it to stop between steps."""
        self._tasks.append(task)
        self.task_label.setText(title)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        task.signals.progress.connect(self._progress)
        task.signals.ended.connect(lambda: self._ended(task))

    def _progress(self, done: int, total: int, note: str) -> None:
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(done)
        if note:
            self.bar.setFormat(f"{note} %v/%m")

    def _cancel(self) -> None:
        if self._tasks:
            self._tasks[-1].cancel.cancel()
            self.cancel_button.setEnabled(False)
            self.task_label.setText(self.tr("Stopping…"))

    def _ended(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if not self._tasks:
            self._idle()

    def _idle(self) -> None:
        self.task_label.setText(self.tr("Ready"))
        self.bar.hide()
        self.cancel_button.hide()

    def show_backup(self, stamp: str) -> None:
        """When the newest verified backup was written (ISO; "" when there is none)."""
        self.last_backup = stamp
        self._show_backup()

    def _show_backup(self) -> None:
        if self.last_backup is None:
            self.backup_label.setText("")
            return
        when = show_date(self.last_backup[:10]) if self.last_backup else self.tr("never")
        self.backup_label.setText(self.tr("Last backup: %1").replace("%1", when))

    def show_sync(self, status: SyncStatus | None) -> None:
        """The upward sync: the server (or that none is set up) and what waits in the outbox."""
        self.sync = status
        self._show_sync()

    def _show_sync(self) -> None:
        status = self.sync
        if status is None:
            self.sync_label.setText(self.tr("Sync: …"))
            return
        where = status.server.split("://")[-1].rstrip("/") if status.server \
            else self.tr("not set up")
        text = self.tr("Sync: %1 · %2 waiting").replace("%1", where) \
            .replace("%2", show_number(status.waiting))
        if status.failed:
            text += " · " + self.tr("%1 refused by the server").replace(
                "%1", show_number(status.failed))
        self.sync_label.setText(text)
        self.sync_label.setToolTip(
            self.tr("Signed documents wait in the outbox until `scanstation sync` sends them; "
                    "%1 sent so far.").replace("%1", show_number(status.sent)))
