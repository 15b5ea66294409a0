"""The doctor's backup check: two drives with a fresh verified backup, else a warning."""

from __future__ import annotations

import datetime
from pathlib import Path

from app.backup.status import freshness, record, record_written
from app.backup.verify import verify
from app.backup.write import backup
from app.catalog import Catalog, backup_state
from app.doctor import Context, Status, run_checks
from app.doctor import backup as backup_check
from tests.backup.conftest import PASSPHRASE


def _backed_up(catalog: Catalog, drive: Path) -> None:
    drive.mkdir()
    record_written(catalog, backup(catalog, drive, PASSPHRASE))
    record(catalog, drive, verify(drive, PASSPHRASE))


def test_two_fresh_verified_drives_are_needed(folder: Path, tmp_path: Path) -> None:
    with Catalog.open(folder) as catalog:
        none = backup_check.check(Context(folder, catalog=catalog))
        assert none.status is Status.WARN
        assert "Sao lưu lần cuối: chưa có" in none.detail.vi
        _backed_up(catalog, tmp_path / "usb1")
        one = backup_check.check(Context(folder, catalog=catalog))
        assert one.status is Status.WARN
        assert "1/2" in one.detail.en
        _backed_up(catalog, tmp_path / "usb2")
        today = datetime.date.today().strftime("%d/%m/%Y")
        both = backup_check.check(Context(folder, catalog=catalog))
        assert both.status is Status.OK
        assert f"Sao lưu lần cuối: {today}" in both.detail.vi
        later = datetime.datetime.now().astimezone() + datetime.timedelta(days=8)
        assert not freshness(catalog, later).enough  # a week later both are stale
        backup_state.set_policy(catalog, backup_state.Policy(max_age_days=10, targets=2))
        assert freshness(catalog, later).enough


def test_a_damaged_drive_is_named_in_the_fix(folder: Path, tmp_path: Path) -> None:
    with Catalog.open(folder) as catalog:
        _backed_up(catalog, tmp_path / "usb1")
        objects = tmp_path / "usb1" / "scanstation-backup" / "objects"
        victim = next(p for p in objects.rglob("*") if p.is_file())
        victim.write_bytes(victim.read_bytes()[:-3])
        record(catalog, tmp_path / "usb1", verify(tmp_path / "usb1", PASSPHRASE))
        result = backup_check.check(Context(folder, catalog=catalog))
    assert result.status is Status.WARN
    assert str(tmp_path / "usb1") in result.fix.en


def test_the_check_runs_with_the_others(folder: Path, tmp_path: Path) -> None:
    results = {r.id: r for r in run_checks(Context(folder, data_folder=tmp_path / "data"))}
    assert results["backup"].status is Status.WARN
