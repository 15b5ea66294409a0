"""Backups taken while another process files documents hold a consistent catalog."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.backup.restore import restore
from app.backup.verify import verify
from app.backup.write import backup
from app.catalog import Catalog
from app.catalog.store import sha256_of
from tests.backup.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def test_backups_during_filing_are_consistent(folder: Path, drive: Path, tmp_path: Path) -> None:
    with Catalog.open(folder) as catalog:
        file_code = catalog.list_hoso()[0].file_code
        existing = {d.uuid for d in catalog.documents(file_code)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.catalog.child", str(folder), file_code, "40",
         str(tmp_path / "work")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    committed: list[str] = []
    before: dict[int, set[str]] = {}
    with Catalog.open(folder) as catalog:
        for _ in range(3):
            for _ in range(8):  # let some documents be filed between backups
                line = child.stdout.readline().split()
                if line and line[0] == "OK":
                    committed.append(line[1])
            before[backup(catalog, drive, PASSPHRASE, keep=3).generation] = set(committed)
    committed += [ln.split()[1] for ln in child.stdout.read().splitlines() if ln.startswith("OK")]
    assert child.wait() == 0
    found = verify(drive, PASSPHRASE)
    assert found.ok and found.good == (1, 2, 3)
    for generation, filed in before.items():
        target = tmp_path / f"restored-{generation}"
        restore(drive, target, PASSPHRASE, generation=generation)  # checks fsck and audit
        with Catalog.open(target) as restored:
            docs = restored.documents(file_code)
            uuids = {d.uuid for d in docs}
            assert filed | existing <= uuids <= set(committed) | existing
            for doc in docs:
                assert sha256_of(restored.file_path(doc.current.sha256)) == doc.current.sha256
            assert restored.audit_verify() == []
    assert len(committed) == 40
