"""The catalog and audit checks on real catalogs: fine, absent, damaged, newer, older, tampered."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from app.catalog import Catalog
from app.catalog.db import DB_NAME
from app.catalog.migrations import LATEST, backup
from app.doctor import CHECKS, Context, Status, run_checks
from app.doctor import catalog as checks


def _digest(folder: Path) -> dict[str, str]:
    """Every file of the folder with its SHA-256 (to prove the doctor changed nothing)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _stamp(folder: Path, version: int) -> None:
    con = sqlite3.connect(folder / DB_NAME)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


def test_a_sound_catalog(good_catalog: Path) -> None:
    ctx = Context(good_catalog)
    result = checks.check(ctx)
    assert result.status is Status.OK, result.detail.en
    assert "1 tệp" in result.detail.vi
    audit = checks.check_audit(ctx)
    assert audit.status is Status.OK
    assert "mục" in audit.detail.vi


def test_no_catalog_yet_is_information_and_nothing_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    results = {r.id: r for r in run_checks(Context(folder, data_folder=tmp_path / "data"))}
    assert results["catalog"].status is Status.INFO
    assert "catalog init" in results["catalog"].fix.vi
    assert results["audit"].status is Status.INFO
    assert results["sync"].status is Status.INFO
    assert not folder.exists()


def test_a_damaged_database_fails_and_names_the_backup(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    (folder / "backups").mkdir(parents=True)
    backup = folder / "backups" / "catalog-v3-20250101-101010-000001.sqlite3"
    backup.write_bytes(b"")
    (folder / DB_NAME).write_bytes(b"this is not a database " * 200)
    before = _digest(folder)
    result = checks.check(Context(folder))
    assert result.status is Status.FAIL
    assert str(backup) in result.fix.vi and "scanstation fsck" in result.fix.en
    assert checks.check_audit(Context(folder)).status is Status.INFO
    assert _digest(folder) == before


def test_a_catalog_from_a_newer_release_is_refused_untouched(good_catalog: Path) -> None:
    _stamp(good_catalog, LATEST + 1)
    before = _digest(good_catalog)
    result = checks.check(Context(good_catalog))
    assert result.status is Status.FAIL
    assert "mới hơn" in result.fix.vi and "newer" in result.fix.en
    assert _digest(good_catalog) == before


def test_an_older_catalog_is_reported_not_migrated(good_catalog: Path) -> None:
    _stamp(good_catalog, 1)
    before = _digest(good_catalog)
    result = checks.check(Context(good_catalog))
    assert result.status is Status.INFO
    assert "nâng cấp" in result.detail.vi and "backup" in result.detail.en
    assert _digest(good_catalog) == before


def test_a_missing_stored_file_fails(good_catalog: Path) -> None:
    stored = next(p for p in (good_catalog / "store").rglob("*") if p.is_file() and
                  p.parent.name != "tmp")
    stored.chmod(0o600)
    stored.unlink()
    result = checks.check(Context(good_catalog))
    assert result.status is Status.FAIL
    assert stored.name in result.detail.en
    assert "scanstation fsck --repair" in result.fix.vi


def test_a_leftover_temp_file_is_a_warning(good_catalog: Path) -> None:
    tmp = good_catalog / "store" / "tmp"
    tmp.mkdir(exist_ok=True)
    (tmp / "half-written.part").write_bytes(b"partial")
    result = checks.check(Context(good_catalog))
    assert result.status is Status.WARN
    assert "orphans" in result.fix.en


def test_an_edited_audit_entry_fails(good_catalog: Path) -> None:
    con = sqlite3.connect(good_catalog / DB_NAME)
    con.execute("UPDATE audit SET user = 'mallory' WHERE seq = 2")
    con.commit()
    con.close()
    result = checks.check_audit(Context(good_catalog))
    assert result.status is Status.FAIL
    assert "entry 2" in result.detail.en
    assert "backups" in result.fix.vi


def test_the_desk_catalog_is_used_as_it_is(good_catalog: Path) -> None:
    with Catalog.open(good_catalog) as opened:
        ctx = Context(good_catalog, catalog=opened)
        mine = [c for c in CHECKS if c.id in ("catalog", "audit")]
        found = {r.id: r.status for r in run_checks(ctx, mine)}  # each on its own thread
        assert found == {"catalog": Status.OK, "audit": Status.OK}
        assert checks.check(ctx).status is Status.OK  # and on this one
        assert not opened.db.is_closed()  # the desk's connection stays open
        assert opened.organisation().code


def test_damaged_pages_inside_the_database_fail_with_the_restore_steps(good_catalog: Path) -> None:
    db = good_catalog / DB_NAME
    copy = backup(db, good_catalog / "backups", LATEST)  # the copy a migration would have made
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : len(data) - page] = b"\xa5" * (len(data) - 2 * page)  # keep the header page
    db.write_bytes(bytes(data))
    result = checks.check(Context(good_catalog))
    assert result.status is Status.FAIL
    assert str(copy) in result.fix.vi and ".hong" in result.fix.vi and "-wal" in result.fix.en
