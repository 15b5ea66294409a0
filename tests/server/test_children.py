"""A child started with `die_with_parent` ends when its parent is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from server.children import die_with_parent

ROOT = Path(__file__).resolve().parents[2]

PARENT = textwrap.dedent(
    """
    import subprocess, sys, time
    from server.children import die_with_parent
    child = subprocess.Popen(["sleep", "120"], preexec_fn=die_with_parent())
    print(child.pid, flush=True)
    time.sleep(120)
    """
)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_child_ends_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)  # no clean-up of any kind runs in the parent
    parent.wait()
    for _ in range(200):  # the kernel signals at once; the child may still be reaped by init
        if not _alive(child):
            break
        time.sleep(0.05)
    assert not _alive(child)


def test_off_the_main_thread_nothing_is_armed() -> None:
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(die_with_parent()))
    thread.start()
    thread.join()
    assert found == [None]
    assert die_with_parent() is not None
