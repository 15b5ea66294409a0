"""The main window: one tab per screen the signed-in user's roles allow, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from app.catalog.models import Role
from app.ui.desk import Desk
from app.ui.review import ReviewView
from app.ui.scan_view import ScanView
from app.ui.search_view import SearchView
from app.ui.settings_view import SettingsView
from app.ui.sign_view import SignView

SYNC_POLL_MS = 30000


class MainWindow(QMainWindow):
    """Scan (clerk), Review (supervisor), Sign (signer), Search (all), Settings (all)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        session = desk.session
        user = session.user
        assert user is not None
        self.setWindowTitle(self.tr("Scanning station — %1 — %2")
                            .replace("%1", session.organisation().name)
                            .replace("%2", user.full_name or user.name))
        self.setStatusBar(desk.status)
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.scan: ScanView | None = None
        self.review: ReviewView | None = None
        self.sign: SignView | None = None
        if session.has(Role.CLERK):
            self.scan = ScanView(desk)
            self.tabs.addTab(self.scan, self.tr("Scan and index"))
        if session.has(Role.SUPERVISOR):
            self.review = ReviewView(desk)
            self.tabs.addTab(self.review, self.tr("Review"))
        if session.has(Role.SIGNER):
            self.sign = SignView(desk)
            self.tabs.addTab(self.sign, self.tr("Sign"))
        self.search = SearchView(desk)
        self.tabs.addTab(self.search, self.tr("Search"))
        self.settings = SettingsView(desk)
        self.tabs.addTab(self.settings, self.tr("Settings"))
        QShortcut(QKeySequence("Ctrl+F"), self, self._to_search)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(SYNC_POLL_MS)
        self.sync_timer.timeout.connect(self.refresh_sync)
        self.resize(1280, 860)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.sync_timer.start()
        self.refresh_sync()

    def refresh_sync(self) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.outbox_waiting(), name="sync")
        task.signals.done.connect(self.desk.status.show_sync)

    def _to_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.query.setFocus()

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.review and self.review is not None:
            self.review.refresh()
        if widget is self.sign and self.sign is not None:
            self.sign.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.sync_timer.stop()
        self.desk.pools.wait()
        super().closeEvent(event)
