"""Every main screen per role; switching the language live; the status bar's outbox count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from app.catalog import State
from app.sync import credentials
from app.ui import i18n
from app.ui.health import HealthPanel
from app.ui.main_window import MainWindow
from app.ui.review import ReviewView
from app.ui.scan.view import ScanView
from app.ui.search_view import SearchView
from app.ui.settings_view import SettingsView
from app.ui.sign_view import SignView
from testkit.catalog import make_pdf
from tests.ui.conftest import HOSO, ORG_CODE, PASSWORD, settle

SCREENS = {
    "lan": [ScanView, SearchView, SettingsView, HealthPanel],
    "hung": [ReviewView, SearchView, SettingsView, HealthPanel],
    "mai": [SignView, SearchView, SettingsView, HealthPanel],
    "admin": [ScanView, ReviewView, SignView, SearchView, SettingsView, HealthPanel],
}


@pytest.mark.parametrize("user", sorted(SCREENS))
def test_each_role_reaches_its_screens(qtbot, desk, user):
    desk.session.sign_in(user, PASSWORD)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    views = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert [type(v) for v in views] == SCREENS[user]
    for index, view in enumerate(views):
        window.tabs.setCurrentIndex(index)
        settle(qtbot)
        assert view is not None and view.isVisible() and window.tabs.tabText(index)
    assert window.settings.users.isEnabled() == (user == "admin")
    window.close()
    assert not window.sync_timer.isActive()


@pytest.fixture
def vietnamese() -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.install("en")


def test_switching_the_language_retranslates_without_restart(qtbot, desk, vietnamese):
    desk.prefs.language = "vi"
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    assert window.scan is not None and window.review is not None
    in_vietnamese = QCoreApplication.translate("MainWindow", "Scan and index")
    assert window.tabs.tabText(0) == in_vietnamese != "Scan and index"
    scan_vi = window.scan.controls.scan_button.text()

    window.settings.language.setCurrentIndex(window.settings.language.findData("en"))
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Scan and index")
    assert window.scan.controls.scan_button.text() == "Scan (F5)" != scan_vi
    assert window.review.approve_button.text() == "Approve"
    assert window.settings.language_label.text() == "Language"
    assert desk.status.task_label.text() == "Ready"
    assert desk.prefs.language == "en"

    window.settings.language.setCurrentIndex(window.settings.language.findData("vi"))
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == in_vietnamese)
    assert window.scan.controls.scan_button.text() == scan_vi
    assert desk.prefs.language == "vi"
    window.close()


def _signed_document(desk, tmp_path) -> str:
    """A document taken through the workflow to `signed`, which queues it in the outbox."""
    catalog = desk.session.catalog
    hoso = desk.session.create_hoso(HOSO)
    meta = {"typeName": "10", "issuedDate": "05/01/2025", "organName": "Ủy ban MTTQ",
            "subject": "Kế hoạch năm 2025"}
    doc = catalog.add_document(make_pdf(tmp_path / "a.pdf", "scan"), meta, "admin",
                               hoso=hoso.file_code)
    for state in (State.INDEXED, State.APPROVED):
        catalog.set_state(doc.doc_code, state, "admin")
    catalog.record_signed(doc.doc_code, make_pdf(tmp_path / "s.pdf", "signed"), "admin")
    return doc.doc_code


def test_status_bar_shows_the_outbox_and_refreshes(qtbot, desk, tmp_path):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    status = desk.status
    assert status.sync is not None and status.sync.waiting == 0 and status.sync.server == ""
    assert window.sync_timer.isActive()

    _signed_document(desk, tmp_path)
    credentials.save(desk.session.folder, credentials.Credentials(
        "https://hoso.mttq.example:8443", "station-1", "secret", ORG_CODE, "2030-01-01"))
    assert window.sign is not None
    window.sign.finished.emit()  # a signing batch ended
    qtbot.waitUntil(lambda: status.sync is not None and status.sync.waiting == 1)
    assert "hoso.mttq.example:8443" in status.sync_label.text()
    assert "1" in status.sync_label.text()

    _signed_document(desk, tmp_path)
    window.sync_timer.setInterval(50)  # the periodic refresh, sooner
    qtbot.waitUntil(lambda: status.sync is not None and status.sync.waiting == 2)
    window.close()
    assert not window.sync_timer.isActive()
