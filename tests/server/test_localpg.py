"""The private PostgreSQL cluster ends with its starter, even a killed one; it finds a port."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from server import localpg
from server.localpg import LocalPostgres, PortTaken

ROOT = Path(__file__).resolve().parents[2]

PARENT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from server.localpg import LocalPostgres
    cluster = LocalPostgres(Path(sys.argv[1]), durable=False).start()
    print(cluster.port, flush=True)
    time.sleep(300)
    """
)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_the_cluster_ends_when_its_starter_is_killed() -> None:
    # not under pytest's tmp_path: as root the cluster runs as `postgres`, which cannot enter it
    folder = Path(tempfile.mkdtemp(prefix="scanstation-pg-"))
    try:
        _kill_the_starter(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _kill_the_starter(folder: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    port = int(parent.stdout.readline())
    assert _listening(port)
    postmaster = int((folder / "data" / "postmaster.pid").read_text().split()[0])
    parent.send_signal(signal.SIGKILL)  # no atexit, no clean-up: only the kernel's signal
    parent.wait()
    for _ in range(600):  # a smart shutdown: its sessions were the killed process's
        if not Path(f"/proc/{postmaster}").exists() and not _listening(port):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{postmaster}").exists()
    assert not _listening(port)


def test_a_port_taken_after_its_pick_is_picked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # the race free_port leaves open: another program binds the port before postgres does
    folder = Path(tempfile.mkdtemp(prefix="scanstation-pg-"))
    taken = socket.socket()
    try:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        cluster = LocalPostgres(folder, port=busy, durable=False)
        with pytest.raises(PortTaken, match=f"port {busy}"):  # a port given is not changed
            cluster.start()
        picks = iter([busy])
        real = localpg.free_port
        monkeypatch.setattr(localpg, "free_port", lambda: next(picks, None) or real())
        cluster = LocalPostgres(folder, durable=False).start()
        try:
            assert cluster.port != busy
            assert _listening(cluster.port)
        finally:
            cluster.stop()
    finally:
        taken.close()
        shutil.rmtree(folder, ignore_errors=True)
