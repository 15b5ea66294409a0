"""kill -9 while scanning from SANE's test feeder or while filing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.catalog import State
from app.ui.desk import Desk
from tests.ui.conftest import HOSO, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
KILLS = 12


def _child(folder: Path, hoso: str, seed: int, log: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.batch_child", str(folder), hoso, PASSWORD, str(seed)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=log.open("w"), text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "OMP_THREAD_LIMIT": "1"},
    )


def _read(child: subprocess.Popen[str], lines: list[str], until: str, count: int,
          log: Path) -> None:
    """Read the child's lines until the `count`-th starting with `until` (any line for "")."""
    assert child.stdout is not None
    seen = 0
    while seen < count:
        line = child.stdout.readline()
        assert line, f"the child ended: {log.read_text()[-3000:]}"
        lines.append(line)
        if line.startswith(until):
            seen += 1


def test_a_kill_while_scanning_or_filing_loses_no_page_and_files_each_document_once(
    desk: Desk, tmp_path: Path, sane_device: str
) -> None:
    """After the restart every page is offered back or filed, each document exactly once, and the
    catalog's fsck passes.
    """
    session = desk.session
    hoso = session.create_hoso(HOSO).file_code
    session.sign_in("lan", PASSWORD)
    rng = random.Random(20261206)
    saved: set[str] = set()
    deleted: set[str] = set()
    docs: list[tuple[str, ...]] = []
    moments: list[str] = []
    after_commit = 0
    for kill in range(KILLS):
        log = tmp_path / f"child-{kill}.log"
        child = _child(session.folder, hoso, kill, log)
        lines: list[str] = []
        _read(child, lines, "READY", 1, log)
        moment = rng.choice(("SAVED", "FILING", "FILING", ""))
        _read(child, lines, moment, rng.randint(1, 12 if moment != "FILING" else 3), log)
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        lines += out.splitlines(keepends=True)
        moments.append(lines[-1].split(" ")[0].strip())
        filing: tuple[str, ...] | None = None
        for line in lines:
            kind, *rest = line.split()
            if kind == "RESTORED":
                assert rest[0] == "0", "a page could not be read back"
                deleted -= set(rest[1:])
            elif kind == "SAVED":
                saved.add(rest[0])
            elif kind == "DELETE":
                deleted.add(rest[0])
            elif kind == "FILING":
                filing = tuple(rest)
            elif kind == "FILED":
                assert filing is not None
                docs.append(filing)
                filing = None

        offered = session.sweep_batches(7)  # what the desk does as it starts
        in_catalog = session.catalog.documents(hoso)
        if filing is not None and len(in_catalog) == len(docs) + 1:
            docs.append(filing)  # killed after the commit, before the child could say so
            after_commit += 1
        assert len(in_catalog) == len(docs), "a document filed twice, or lost"
        assert [d.page_count for d in in_catalog] == [len(d) for d in docs]
        assert all(d.state is State.INDEXED for d in in_catalog), "a half-filed document"
        filed = [p for d in docs for p in d]
        assert len(set(filed)) == len(filed), "a page filed twice"
        back = {str(r.raw.path) for i in offered for r in i.pages}
        back |= {str(r.path) for i in offered for r in i.arrivals}
        assert not back & set(filed), "a filed page offered back"
        assert all(not i.missing for i in offered)  # a cut journal line is skipped, no page
        lost = saved - back - set(filed) - deleted
        assert not lost, f"pages lost after kill {kill}: {sorted(lost)}"
        report = session.catalog.fsck()
        assert report.consistent and not report.problems, report
        assert session.catalog.audit_verify() == []
    print(f"kills {KILLS}, pages saved {len(saved)}, documents {len(docs)}, killed after a "
          f"commit {after_commit}, moments {moments}")
    assert len(docs) >= 3 and len(saved) >= 20
    assert {"SAVED", "FILING"} <= set(moments), moments  # killed while scanning and filing
