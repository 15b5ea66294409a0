"""Temp files of a killed add: removed when the catalog opens, reported as leftovers by fsck."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from app.backup.write import backup
from app.catalog import Catalog
from app.catalog.store import LEFTOVER_AGE, WORK_PREFIX
from app.cli.main import main


def _part(folder: Path, name: str, age: float) -> Path:
    path = folder / "store" / "tmp" / name
    path.write_bytes(b"%PDF-1.7 half of a copy")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_open_removes_old_temp_files_and_keeps_an_add_in_progress(
    catalog: Catalog, folder: Path
) -> None:
    catalog.close()
    dead = _part(folder, "dead.part", LEFTOVER_AGE + 60)
    writing = _part(folder, "writing.part", 1)  # another process may be adding right now
    with Catalog.open(folder) as reopened:
        assert reopened.store.removed == [dead]
        assert not dead.exists() and writing.exists()
        report = reopened.fsck()
        assert report.consistent and not report.problems
        assert report.temp_files == [writing] and not report.clean


def test_fsck_reports_temp_files_as_leftovers_and_exits_0(
    catalog: Catalog, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog.close()
    _part(folder, "killed-add.part", 5)
    assert main(["fsck", "--catalog", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "temp file:" in out and "consistent, leftovers only" in out
    assert main(["fsck", "--repair", "--catalog", str(folder)]) == 0
    assert "removed temp file killed-add.part" in capsys.readouterr().out
    assert not any((folder / "store" / "tmp").iterdir())


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_open_removes_a_killed_jobs_scratch_folder_but_never_a_live_one(folder: Path) -> None:
    with Catalog.open(folder) as catalog, catalog.store.workdir() as live:
        (live / "document.pdf").write_bytes(b"%PDF-1.7 being signed")
        dead = catalog.store.tmp / f"{WORK_PREFIX}killed"
        dead.mkdir()
        (dead / "catalog.sqlite3").write_bytes(b"a snapshot a killed backup left")
        for path in (live, dead):
            _age(path, LEFTOVER_AGE + 60)
        with Catalog.open(folder) as other:  # the desk opening while a long job runs
            assert other.store.removed == [dead]
        assert not dead.exists() and (live / "document.pdf").exists()
    assert not live.exists()


def test_a_backup_writes_no_catalog_snapshot_to_the_system_temp_folder(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    (tmp_path / "usb").mkdir()
    report = backup(catalog, tmp_path / "usb", "cụm mật khẩu thử")
    assert report.files >= 1
    assert list(system_tmp.iterdir()) == []
    assert not any(catalog.store.tmp.iterdir())
