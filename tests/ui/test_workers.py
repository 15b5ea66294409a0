"""Workers: a refusal reaches the desk as text and is logged, never printed as a traceback."""

from __future__ import annotations

import logging

from app.errors import StationError
from app.ui.workers import Pools, Reporter


def _run(qtbot, work) -> list[str]:
    failures: list[str] = []
    task = Pools().run(work, name="thử")
    task.signals.failed.connect(failures.append)
    with qtbot.waitSignal(task.signals.ended, timeout=10_000):
        pass
    return failures


def test_a_refusal_is_shown_and_logged_without_a_traceback(qtbot, capfd, caplog):
    def refuse(_: Reporter) -> None:
        raise StationError("Không thể duyệt: tài liệu đã duyệt.", hint="Chọn tài liệu khác.")

    with caplog.at_level(logging.INFO, logger="app.ui.workers"):
        failures = _run(qtbot, refuse)
    assert failures == ["Không thể duyệt: tài liệu đã duyệt.\nChọn tài liệu khác."]
    assert "Traceback" not in capfd.readouterr().err
    record = next(r for r in caplog.records if r.name == "app.ui.workers")
    assert record.levelno == logging.INFO and record.exc_info is None
    assert "Không thể duyệt" in record.getMessage()


def test_a_defect_is_logged_with_its_traceback(qtbot, caplog):
    def broken(_: Reporter) -> None:
        raise KeyError("page")

    with caplog.at_level(logging.INFO, logger="app.ui.workers"):
        failures = _run(qtbot, broken)
    assert failures == ["KeyError: 'page'"]
    record = next(r for r in caplog.records if r.name == "app.ui.workers")
    assert record.levelno == logging.ERROR and record.exc_info is not None

