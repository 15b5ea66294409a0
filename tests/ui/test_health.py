"""The health panel: the doctor's checks run in a worker on the desk's own catalog."""

from __future__ import annotations

from app.doctor import CHECKS, Result, Status
from app.ui import i18n
from app.ui.health import HealthPanel
from tests.ui.conftest import settle


def _statuses(panel: HealthPanel) -> dict[str, Status]:
    found: dict[str, Status] = {}
    for row in panel.rows:
        result: Result = row.result
        found[result.id] = result.status
    return found


def test_the_panel_lists_every_check_in_vietnamese(qtbot, qapp, desk):
    i18n.install("vi")
    panel = HealthPanel(desk)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.checked, timeout=60000) as done:
        task = panel.run()
        assert panel.run() is task  # a second click while checking changes nothing
        assert not panel.again.isEnabled()
    settle(qtbot)
    assert [r.id for r in done.args[0]] == [c.id for c in CHECKS]
    statuses = _statuses(panel)
    assert statuses["tesseract"] is Status.OK and statuses["fonts"] is Status.OK
    assert statuses["catalog"] is Status.OK and statuses["audit"] is Status.OK
    assert statuses["scanners"] is Status.OK  # the SANE test device
    assert statuses["sync"] is Status.INFO
    assert not panel.has_failures
    first = panel.text(0)
    assert first.startswith("Đạt — Nhận dạng chữ (Tesseract OCR)")
    assert "Tesseract" in panel.text(0).splitlines()[1]
    assert "lỗi" in panel.summary.text() or "vấn đề" in panel.summary.text()
    assert panel.again.isEnabled()
    assert not desk.session.catalog.db.is_closed()  # the desk's catalog stays open
    i18n.install("en")


def test_a_broken_audit_chain_shows_as_a_problem_with_its_fix(qtbot, qapp, desk):
    i18n.install("en")
    desk.session.catalog.db.execute_sql("UPDATE audit SET user = 'mallory' WHERE seq = 1")
    panel = HealthPanel(desk)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.checked, timeout=60000):
        panel.run()
    settle(qtbot)
    assert _statuses(panel)["audit"] is Status.FAIL
    assert panel.has_failures
    row = [c.id for c in CHECKS].index("audit")
    text = panel.text(row)
    assert "backups/" in text and "For a technician:" in text  # a terminal command
    assert "cannot work" in panel.summary.text()
    summary = panel.summary.text()
    again: list[object] = []
    panel.checked.connect(again.append)
    panel.retranslate()  # a language change redraws the results without reporting a new check
    assert again == [] and len(panel.rows) == len(CHECKS)
    assert panel.summary.text() == summary


def _row(panel: HealthPanel, check_id: str):
    return next(row for row in panel.rows if row.result.id == check_id)


def _window(qtbot, desk):
    from app.ui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.health.checked, timeout=120000):
        window.show()
    settle(qtbot)
    return window


def test_fixes_the_desk_can_do_are_buttons(qtbot, desk, pki):
    from app.ui.backup_dialog import BackupDialog
    from testkit.softhsm import SOFTHSM, SOON_DAYS
    from tests.fixtures.tokens import SOON_TOKEN, TOKEN

    i18n.install("vi")
    desk.prefs.set_token(SOFTHSM, SOON_TOKEN, "soon")  # the chosen certificate ends soon
    window = _window(qtbot, desk)
    panel = window.health
    token = _row(panel, "pkcs11")
    assert token.result.status is Status.WARN
    assert f"chỉ còn {SOON_DAYS} ngày" in token.label.text()
    assert [b.text() for b in token.buttons.values()] == ["Thử lại", "Mở mục Ký số"]
    token.buttons["signing"].click()
    assert window.tabs.currentWidget() is window.sign
    desk.prefs.set_token(SOFTHSM, TOKEN, "rsa")  # the signer picks the office's valid one
    reported: list[object] = []
    panel.checked.connect(reported.append)
    token.buttons["retry"].click()  # "Thử lại" runs that one check again
    settle(qtbot, timeout=60000)
    assert _row(panel, "pkcs11").result.status is Status.OK and reported
    assert [r.id for r in panel.results] == [c.id for c in CHECKS]  # in its place
    backup = _row(panel, "backup")  # nothing backed up yet: "Sao lưu ngay"
    assert backup.result.status is not Status.OK
    assert backup.buttons["backup"].text() == "Sao lưu ngay"
    assert "Cách khắc phục:" in backup.label.text()
    backup.buttons["backup"].click()
    dialogs = [w for w in window.findChildren(BackupDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].close()
    sync = _row(panel, "sync")  # enrolling needs the server's code: a technician's command
    assert list(sync.buttons) == ["retry"]
    assert "Cho kỹ thuật viên: " in sync.label.text() and "scanstation sync enroll" in \
        sync.label.text()
    window.health_action("settings")
    assert window.tabs.currentWidget() is window.settings
    window.close()
    settle(qtbot)


def test_a_user_without_the_sign_screen_gets_no_button_for_it(qtbot, desk):
    from app.doctor import Text
    from tests.ui.conftest import PASSWORD

    desk.session.sign_in("lan", PASSWORD)
    window = _window(qtbot, desk)
    window.health._add(Result("pkcs11", Status.WARN, Text("Token", "Token"),
                              Text("hỏng", "broken"), Text("cắm lại", "plug it in")))
    assert list(window.health.rows[-1].buttons) == ["retry"]
    window.close()
    settle(qtbot)
