"""The main window: one tab per screen the signed-in user's roles allow, and the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QTabWidget, QWidget

from app.catalog import backup_state
from app.catalog.models import Role
from app.ui.backup_dialog import BackupDialog
from app.ui.desk import Desk
from app.ui.health import HealthPanel
from app.ui.review import ReviewView
from app.ui.scan.view import ScanView
from app.ui.search_view import SearchView
from app.ui.session import SyncStatus
from app.ui.settings_view import SettingsView
from app.ui.sign_view import SignView

SYNC_POLL_MS = 30000
Screen = ScanView | ReviewView | SignView | SearchView | SettingsView | HealthPanel


class MainWindow(QMainWindow):
    """Scan (clerk), Review (supervisor), Sign (signer), Search (all), Settings (all)."""

    signed_out = Signal()  # the user chose "Đăng xuất": the window closes, sign-in comes back

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        session = desk.session
        assert session.user is not None
        self.setStatusBar(desk.status)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.scan: ScanView | None = None
        self.review: ReviewView | None = None
        self.sign: SignView | None = None
        self.screens: list[tuple[Screen, Callable[[], str]]] = []
        if session.has(Role.CLERK):
            self.scan = ScanView(desk)
            self.scan.filed.connect(self.refresh_sync)
            self._add(self.scan, lambda: self.tr("Scan and index"))
        if session.has(Role.SUPERVISOR):
            self.review = ReviewView(desk)
            self.review.changed.connect(self.refresh_sync)
            self._add(self.review, lambda: self.tr("Review"))
        if session.has(Role.SIGNER):
            self.sign = SignView(desk)
            self.sign.finished.connect(self.refresh_sync)
            self._add(self.sign, lambda: self.tr("Sign"))
        self.search = SearchView(desk)
        self._add(self.search, lambda: self.tr("Search"))
        self.settings = SettingsView(desk)
        self._add(self.settings, lambda: self.tr("Settings"))
        self.health = HealthPanel(desk)  # the doctor's checks, run as the window first shows
        self.health.checked.connect(self._health_checked)
        self.health.action.connect(self.health_action)
        if self.sign is None:
            self.health.available.discard("signing")
        self._add(self.health, lambda: self.tr("Station health"))
        self.backup_button = QPushButton()  # "Sao lưu": back up to a drive, then verify
        self.backup_button.clicked.connect(self.open_backup)
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self.sign_out)
        corner = QWidget()
        buttons = QHBoxLayout(corner)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.sign_out_button)
        self.tabs.setCornerWidget(corner)
        self.signing_out = False
        QShortcut(QKeySequence("Ctrl+F"), self, self._to_search)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.sync_timer = QTimer(self)
        self.sync_timer.setObjectName("sync-poll")
        self.sync_timer.setInterval(SYNC_POLL_MS)
        self.sync_timer.timeout.connect(self.refresh_sync)
        self.retranslate()
        self.resize(1280, 860)

    def _add(self, screen: Screen, title: Callable[[], str]) -> None:
        self.tabs.addTab(screen, "")
        self.screens.append((screen, title))

    def retranslate(self) -> None:
        """Every fixed text of the window and its screens in the current language."""
        session = self.desk.session
        user = session.user
        assert user is not None
        self.setWindowTitle(self.tr("Scanning station — %1 — %2")
                            .replace("%1", session.organisation().name)
                            .replace("%2", user.full_name or user.name))
        for index, (screen, title) in enumerate(self.screens):
            self.tabs.setTabText(index, title())
            screen.retranslate()
        self.backup_button.setText(self.tr("Back up…"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.desk.status.retranslate()
        self.desk.status.show_user(user.full_name or user.name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.sync_timer.start()
        self.refresh_sync()
        if not self.health.results:
            self.health.run()
        self._tab_shown(self.tabs.currentIndex())  # the first screen loads as it appears

    def refresh_sync(self) -> None:
        """Read the outbox counts in a worker and show them in the status bar."""
        task = self.desk.pools.run(lambda r: self.desk.session.sync_status(), name="sync")
        task.signals.done.connect(self._sync_read)

        backups = self.desk.pools.run(
            lambda r: backup_state.last_backup(self.desk.session.catalog), name="backup-state")
        backups.signals.done.connect(self.desk.status.show_backup)

    def _sync_read(self, status: SyncStatus) -> None:
        self.desk.status.show_sync(status)

    def open_backup(self) -> BackupDialog:
        """The "Sao lưu" dialog; the status bar's last backup follows what it records."""
        dialog = BackupDialog(self.desk, self)
        dialog.backed_up.connect(lambda report: self.refresh_sync())
        dialog.open()
        return dialog

    def health_action(self, action: str) -> None:
        """A health result's button: open the backup dialog, the Sign screen or Settings."""
        if action == "backup":
            self.open_backup()
        elif action == "signing" and self.sign is not None:
            self.tabs.setCurrentWidget(self.sign)
        elif action == "settings":
            self.tabs.setCurrentWidget(self.settings)

    def _health_checked(self) -> None:
        if self.health.has_failures:  # something stops the station: show what and how to fix it
            self.tabs.setCurrentWidget(self.health)

    def _to_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.query.setFocus()

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.review and self.review is not None:
            self.review.refresh()
        if widget is self.sign and self.sign is not None:
            self.sign.refresh()

    def sign_out(self) -> None:
        """Close the window and let the desk ask who signs in next; refused while pages wait
        in the scan strip (closing waits for running work)."""
        unsaved = self.scan.strip.count() if self.scan is not None else 0
        if unsaved:
            self.desk.status.showMessage(
                self.tr("%1 pages are not filed yet: file or remove them before signing out.")
                .replace("%1", str(unsaved)), 10000)
            return
        self.signing_out = True
        if self.close():
            self.signed_out.emit()
        else:
            self.signing_out = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.sync_timer.stop()
        self.desk.pools.wait()
        if self.scan is not None:
            self.scan.keeper.close()  # unsaved pages stay on disk, offered at the next start
        super().closeEvent(event)
