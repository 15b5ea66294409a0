"""Workers: a refusal reaches the desk as text and is logged, never printed as a traceback."""

from __future__ import annotations

import logging

import pytest

from app.catalog.errors import Refused
from app.ui import i18n
from app.ui.workers import Pools, Reporter


def _run(qtbot, work) -> list[str]:
    failures: list[str] = []
    task = Pools().run(work, name="thử")
    task.signals.failed.connect(failures.append)
    with qtbot.waitSignal(task.signals.ended, timeout=10_000):
        pass
    return failures


def test_a_refusal_is_shown_in_vietnamese_and_logged_without_a_traceback(qtbot, capfd, caplog):
    def refuse(_: Reporter) -> None:
        raise Refused("HS-1: cannot go from approved to approved.", code="state.transition",
                      params={"doc": "HS-1", "from": "approved", "to": "approved"})

    i18n.install("vi")
    try:
        with caplog.at_level(logging.INFO, logger="app.ui.workers"):
            failures = _run(qtbot, refuse)
    finally:
        i18n.install("en")
    assert failures == ["HS-1 không thể chuyển từ “đã duyệt” sang “đã duyệt”."]
    assert "Traceback" not in capfd.readouterr().err
    record = next(r for r in caplog.records if r.name == "app.ui.workers")
    assert record.levelno == logging.INFO and record.exc_info is None
    assert "cannot go from approved" in record.getMessage()  # the log keeps the English


@pytest.mark.defect_expected
def test_a_defect_is_logged_with_its_traceback(qtbot, caplog):
    def broken(_: Reporter) -> None:
        raise KeyError("page")

    with caplog.at_level(logging.INFO, logger="app.ui.workers"):
        failures = _run(qtbot, broken)
    assert failures == ["Something went wrong (KeyError). The details are in the log."]
    record = next(r for r in caplog.records if r.name == "app.ui.workers")
    assert record.levelno == logging.ERROR and record.exc_info is not None

