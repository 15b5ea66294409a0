"""Sign-out: the window closes and says so; the status bar names who is signed in."""

from __future__ import annotations

from app.ui.main_window import MainWindow
from tests.ui.conftest import PASSWORD, settle


def test_sign_out_closes_the_window_and_the_status_bar_names_the_user(qtbot, desk):
    desk.session.sign_in("hung", PASSWORD)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    assert window.desk.status.user_label.text().endswith("Trần Văn Hùng")
    with qtbot.waitSignal(window.signed_out, timeout=10_000):
        window.sign_out_button.click()
    assert window.signing_out and not window.isVisible()
    settle(qtbot)


def test_sign_out_is_refused_while_pages_wait_in_the_strip(qtbot, desk, sane_device):
    desk.session.sign_in("lan", PASSWORD)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    view = window.scan
    assert view is not None
    view.controls.device.setCurrentIndex(view.controls.device.findData(f"sane:{sane_device}"))
    view.controls.dpi.setValue(50)
    view.controls.start_scan(max_pages=1)
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=30000)
    settle(qtbot)
    assert view.strip.count() == 1
    window.sign_out()
    assert window.isVisible() and not window.signing_out
    assert "1" in window.desk.status.currentMessage()
    assert view.strip.count() == 1  # nothing dropped
