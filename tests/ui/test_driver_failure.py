"""The scanner driver process killed mid-scan: the desk stays up and keeps the pages."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from app.scanner.driver import driver
from app.scanner.sane_backend import list_sane_devices
from app.ui import i18n
from tests.ui.conftest import sane_scan_view, settle

SHEETS = 10  # the SANE test feeder's load


def _kill_after_first_page(batches: Path, pid: int) -> threading.Thread:
    """Freeze the driver as soon as a page is on disk, then kill it (a crash mid-batch)."""

    def watch() -> None:
        deadline = time.monotonic() + 60
        while not list(batches.glob("*/page-*.png")) and time.monotonic() < deadline:
            time.sleep(0.002)
        os.kill(pid, signal.SIGSTOP)
        time.sleep(0.3)
        os.kill(pid, signal.SIGKILL)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_driver_killed_mid_scan(qtbot, desk, sane_device, tmp_path):
    """The desk stays up, keeps the pages, says so in Vietnamese, and its retry scans again."""
    i18n.install("vi")
    view = sane_scan_view(qtbot, desk, sane_device)
    view.controls.dpi.setValue(150)
    list_sane_devices()  # the driver runs (the view's list may have come from the cache)
    pid = driver().pid
    assert pid is not None
    killer = _kill_after_first_page(tmp_path / "batches", pid)
    view.controls.start_scan()
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=30000)
    killer.join(10)
    settle(qtbot)

    kept = len(view.strip.batch.state.pages)
    on_disk = sorted((tmp_path / "batches").glob("*/page-*.png"))
    assert 1 <= kept < SHEETS
    assert len(on_disk) == kept == view.strip.count()
    assert view.filing.message.text().startswith("Máy quét ngừng phản hồi.")
    assert not view.controls.retry_button.isHidden() and view.controls.scan_button.isEnabled()

    view.controls.retry_button.click()  # a new driver process, a full feeder again
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=30000)
    settle(qtbot)
    assert len(view.strip.batch.state.pages) == kept + SHEETS == view.strip.count()
    assert view.controls.retry_button.isHidden() and view.filing.message.text() == ""
    assert driver().pid not in (None, pid)
    i18n.install(i18n.DEFAULT_LANGUAGE)
