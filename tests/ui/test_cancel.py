"""Cancelling a long scan: the pages delivered so far are kept, the worker ends, nothing runs on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.scanner.sane_backend import SaneScanner
from app.ui.workers import live_tasks
from tests.ui.conftest import sane_scan_view, settle

SHEETS = 10  # the SANE test feeder's load


@pytest.fixture
def slow_feeder(sane_device: str) -> Iterator[str]:
    """The SANE test device slowed to a few pages a second (options it keeps per process)."""
    with SaneScanner(sane_device) as scanner:
        scanner.set_option("read-limit", True)
        scanner.set_option("read-limit-size", 65536)
        scanner.set_option("read-delay", True)
        scanner.set_option("read-delay-duration", 10000)
    yield sane_device
    with SaneScanner(sane_device) as scanner:
        scanner.set_option("read-delay", False)
        scanner.set_option("read-limit", False)


def test_cancel_mid_batch_keeps_the_pages_so_far(qtbot, desk, slow_feeder, tmp_path):
    view = sane_scan_view(qtbot, desk, slow_feeder)
    desk.status.show()
    view.controls.start_scan(max_pages=SHEETS)
    qtbot.waitUntil(lambda: len(view.strip.batch.state.pages) >= 1, timeout=20000)
    assert not desk.status.cancel_button.isHidden()
    desk.status.cancel_button.click()
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=20000)
    settle(qtbot)

    kept = len(view.strip.batch.state.pages)
    assert 1 <= kept < SHEETS
    on_disk = sorted((tmp_path / "batches").glob("*/page-*.png"))
    assert len(on_disk) == kept == view.strip.count()
    assert not live_tasks()
    assert desk.status.cancel_button.isHidden() and desk.status.bar.isHidden()
    assert view.controls.scan_button.isEnabled()
