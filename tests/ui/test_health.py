"""The health panel: the doctor's checks run in a worker on the desk's own catalog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.doctor import CHECKS, Result, Status
from app.ui import i18n
from app.ui.health import HealthPanel
from tests.ui.conftest import settle


def _statuses(panel: HealthPanel) -> dict[str, Status]:
    found: dict[str, Status] = {}
    for row in range(panel.list.count()):
        result: Result = panel.list.item(row).data(Qt.ItemDataRole.UserRole)
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
    first = panel.list.item(0).text()
    assert first.startswith("Đạt — Nhận dạng chữ (Tesseract OCR)")
    assert "Tesseract" in panel.list.item(0).text().splitlines()[1]
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
    text = panel.list.item(row).text()
    assert "backups/" in text and "What to do:" in text
    assert "cannot work" in panel.summary.text()
    summary = panel.summary.text()
    again: list[object] = []
    panel.checked.connect(again.append)
    panel.retranslate()  # a language change redraws the results without reporting a new check
    assert again == [] and panel.list.count() == len(CHECKS)
    assert panel.summary.text() == summary
