"""Waiting in the GUI thread without blocking it: run the event loop until a condition holds."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer

from app.ui.workers import live_tasks

CHECK_MS = 20


def run_until(done: Callable[[], bool], timeout_s: float) -> None:
    """Run the event loop until `done()` holds; TimeoutError after `timeout_s`."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    check = QTimer()
    check.setInterval(CHECK_MS)
    check.timeout.connect(lambda: loop.quit() if done() or time.monotonic() > deadline else None)
    check.start()
    if not done():
        loop.exec()
    check.stop()
    if not done():
        raise TimeoutError(f"not done within {timeout_s:.0f} s")


def pause(seconds: float) -> None:
    """Let the event loop run for `seconds`."""
    until = time.monotonic() + seconds
    run_until(lambda: time.monotonic() >= until, seconds + 5)


def settle(timeout_s: float = 60.0) -> None:
    """Run the event loop until every worker has ended and its last signals were delivered."""
    for _ in range(3):
        run_until(lambda: not live_tasks(), timeout_s)
        pause(0.03)
