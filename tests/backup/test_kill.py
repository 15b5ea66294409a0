"""A backup process killed (SIGKILL) at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.backup.restore import restore
from app.backup.verify import verify
from app.backup.write import backup
from app.catalog import Catalog
from app.catalog.store import sha256_of
from tests.backup.conftest import PASSPHRASE, add_documents

KILLS = 20
ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    # 20+ rounds, each a new Python process that imports the catalog before it can be killed:
    # many seconds each on a loaded machine, where the suite's 300 s per test ended the run.
    pytest.mark.timeout(900),
]


def _start(folder: Path, drive: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.backup.child", str(folder), str(drive)],
        cwd=ROOT,
        env={**os.environ, "PP": PASSPHRASE},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    return child


def _files(folder: Path) -> dict[str, str]:
    """Every document's UUID → the SHA-256 of its newest file, read from the files themselves."""
    with Catalog.open(folder) as catalog:
        found = {}
        for hoso in catalog.list_hoso():
            for doc in catalog.documents(hoso.file_code):
                found[doc.uuid] = sha256_of(catalog.file_path(doc.current.sha256))
        return found


def test_killed_backups_never_spoil_the_previous_one(folder: Path, drive: Path,
                                                      tmp_path: Path) -> None:
    """The previous backup always verifies, the next one completes, no filed document is lost."""
    rng = random.Random(20261206)
    with Catalog.open(folder) as catalog:
        add_documents(catalog, tmp_path, 4, start=100, noise=300_000)
        generation = backup(catalog, drive, PASSPHRASE).generation
    child = _start(folder, drive)  # one full run: how long a backup takes from READY
    started = time.monotonic()
    assert child.stdout is not None
    assert child.stdout.read().splitlines()[-1].startswith("DONE")
    assert child.wait() == 0
    span = time.monotonic() - started
    generation += 1
    kills, steps, start = 0, [], 200
    while kills < KILLS:
        assert start < 200 + 6 * KILLS * 3, "the kills kept missing the backup"
        with Catalog.open(folder) as catalog:
            add_documents(catalog, tmp_path, 3, start=start, noise=300_000)
        start += 3
        child = _start(folder, drive)
        time.sleep(rng.uniform(0, span * 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines = child.stdout.read().splitlines() if child.stdout else []
        if lines and lines[-1].startswith("DONE"):
            generation = int(lines[-1].split()[1])  # it finished before the kill: no kill
            span *= 0.75  # backups got faster than the first run (the load fell): aim earlier
        else:
            kills += 1
            steps.append(next((ln for ln in reversed(lines) if ln.startswith("STEP")), "start"))
        found = verify(drive, PASSPHRASE)
        assert found.ok, found.damaged
        newest = found.good[-1]
        assert newest in (generation, generation + 1)  # a kill after publishing still counts
        with Catalog.open(folder) as catalog:
            generation = backup(catalog, drive, PASSPHRASE).generation  # the next completes
        assert generation == newest + 1
        # that it verifies is checked by the next round's verify (every kept generation), after
        # one more kill, and once more after the last round
    assert verify(drive, PASSPHRASE).ok
    assert len({s.split(" ", 1)[-1].split("/")[0] for s in steps}) >= 3, steps  # spread out
    restored = tmp_path / "restored"
    restore(drive, restored, PASSPHRASE)
    assert _files(restored) == _files(folder)  # 0 documents lost
