"""The SANE driver process: libsane's one owner, out of the station's own process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from app.scanner.base import ScanInterrupted, ScanSettings
from app.scanner.driver import DriverLost, DriverStopped, driver
from app.scanner.factory import list_devices
from app.scanner.owner import OwnerThread
from app.scanner.recovery import RecoveryFolder
from app.scanner.sane_backend import SaneScanner, list_sane_devices

ROOT = Path(__file__).resolve().parents[2]
SMALL = (40.0, 50.0)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _libsane_loaded_here() -> bool:
    return "libsane" in Path("/proc/self/maps").read_text()


@linux_only
def test_threads_listing_devices_at_once_never_touch_libsane_here(sane_device):
    """100 rounds of 4 threads listing at once: every answer right, libsane never loaded here."""
    wrong: list[object] = []

    def lister(fresh: bool) -> None:
        try:
            ids = [d.id for d in (list_devices(fresh=True) if fresh else list_sane_devices())]
            if f"sane:{sane_device}" not in ids:
                wrong.append(ids)
        except Exception as err:
            wrong.append(err)

    for _ in range(100):
        threads = [threading.Thread(target=lister, args=(i % 2 == 0,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert wrong == []
    assert not _libsane_loaded_here()
    assert driver().pid is not None and driver().pid != os.getpid()


# Four threads listing at once with a network backend (pixma's BJNP probe) next to `test`:
# in-process libsane crashed on this (SIGSEGV or "malloc(): unaligned tcache chunk").
RACE = textwrap.dedent(
    """
    import threading
    from app.scanner.factory import list_devices
    from app.scanner.sane_backend import list_sane_devices

    answers = []
    for _ in range(5):
        threads = [
            threading.Thread(target=lambda f=f: answers.append(
                [d.id for d in (list_devices(fresh=True) if f else list_sane_devices())]))
            for f in (True, False, True, False)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    print(sum("sane:test:0" in ids for ids in answers))
    """
)


def test_network_backend_race_does_not_crash(tmp_path):
    config = tmp_path / "sane"
    config.mkdir()
    (config / "dll.conf").write_text("test\npixma\n")
    (config / "test.conf").write_text("number_of_devices 1\n")
    (config / "pixma.conf").write_text("")
    env = {**os.environ, "SANE_CONFIG_DIR": str(config)}
    done = subprocess.run(
        [sys.executable, "-c", RACE], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout.split() == ["20"]


def test_driver_killed_mid_scan_keeps_pages_then_scans_again(sane_device, tmp_path):
    store = RecoveryFolder(tmp_path / "pages")
    settings = ScanSettings(dpi=100, source="adf", page_size_mm=SMALL)
    with SaneScanner(sane_device) as scanner:
        pages = scanner.scan(settings, store)
        kept = [next(pages), next(pages)]
        pid = driver().pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)  # frozen: the next page's request waits in the pipe
        killer = threading.Timer(0.5, os.kill, (pid, signal.SIGKILL))
        killer.start()
        with pytest.raises(DriverLost) as info:
            next(pages)
        killer.join()
    assert isinstance(info.value, ScanInterrupted) and isinstance(info.value, DriverStopped)
    assert info.value.pages_kept == 2
    assert "stopped unexpectedly" in info.value.message and "kept" in info.value.hint
    assert store.pages() == [p.path for p in kept]

    again = RecoveryFolder(tmp_path / "again")
    with SaneScanner(sane_device) as scanner:  # a new driver process
        assert len(list(scanner.scan(ScanSettings(dpi=50, page_size_mm=SMALL), again))) == 1
    assert driver().pid not in (None, pid)


def test_hung_driver_is_stopped_and_replaced(sane_device):
    list_sane_devices()
    pid = driver().pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # as a network backend stuck in a probe
    try:
        with pytest.raises(DriverStopped, match="did not answer within 1 s"):
            driver().call("devices", timeout=1)
    finally:
        if driver().pid == pid:
            os.kill(pid, signal.SIGCONT)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended, not left behind
    assert [d.id for d in list_sane_devices()] == [f"sane:{sane_device}"]


def test_a_device_opened_before_a_restart_says_so(sane_device, tmp_path):
    with SaneScanner(sane_device) as scanner:
        pid = driver().pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        list_sane_devices()  # a new process
        with pytest.raises(DriverStopped, match="must be opened again"):
            scanner.set_option("test-picture", "Grid")


def test_owner_thread_runs_every_call_on_one_thread():
    owner = OwnerThread("lib")
    seen: set[int] = set()

    def call(depth: int) -> int:
        seen.add(threading.get_ident())
        return depth if depth == 0 else owner.run(call, depth - 1) + 1  # nested: no deadlock

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(owner.run(call, 3)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert results == [3] * 8
    assert len(seen) == 1 and threading.get_ident() not in seen
    with pytest.raises(ZeroDivisionError):
        owner.run(lambda: 1 / 0)
