"""Backup, verify and restore on real folders: incremental copies, damage, passphrases, targets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.backup import medium
from app.backup.errors import DamagedBackup, NotABackup, TargetUnusable, WrongPassphrase
from app.backup.restore import restore
from app.backup.verify import verify
from app.backup.write import backup
from app.catalog import Catalog
from app.catalog.models import Role
from app.catalog.store import sha256_of
from app.cli.main import main
from app.errors import OutputError
from tests.backup.conftest import PASSPHRASE, add_documents


def _blobs(catalog: Catalog) -> dict[str, int]:
    rows = catalog.db.execute_sql("SELECT sha256, size FROM blob").fetchall()
    return {sha: size for sha, size in rows}


def test_restore_into_an_empty_folder_elsewhere_gives_a_working_catalog(
    catalog: Catalog, drive: Path, tmp_path: Path
) -> None:
    backup(catalog, drive, PASSPHRASE)
    assert verify(drive, PASSPHRASE).ok
    elsewhere = tmp_path / "other-machine" / "nested" / "catalog"
    done = restore(drive, elsewhere, PASSPHRASE)
    assert done.documents == 3
    with Catalog.open(elsewhere) as restored:
        assert restored.audit_verify() == []
        assert restored.fsck().clean
        hits = restored.search("báo cáo công tác")
        assert [h.subject for h in hits] == ["Báo cáo công tác mặt trận số 1"]
        assert restored.authenticate("lan", "mat-khau-123").name == "lan"
        for sha in _blobs(catalog):
            assert sha256_of(restored.file_path(sha)) == sha
        assert {d.uuid for d in restored.documents(restored.list_hoso()[0].file_code)} == {
            d.uuid for d in catalog.documents(catalog.list_hoso()[0].file_code)
        }
    assert (elsewhere / "restored-settings" / "profile" / "tt05-2025.json").is_file()


def test_a_second_backup_copies_only_the_new_files(
    catalog: Catalog, drive: Path, tmp_path: Path
) -> None:
    first = backup(catalog, drive, PASSPHRASE)
    assert first.new_files == first.files  # database, profile and the three PDFs
    before = medium.open_set(drive, PASSPHRASE).stored()
    codes = add_documents(catalog, tmp_path, 2, start=10)
    new_shas = {catalog.document(c).current.sha256 for c in codes}
    second = backup(catalog, drive, PASSPHRASE)
    after = medium.open_set(drive, PASSPHRASE).stored()
    added = set(after) - set(before)
    assert second.new_files == 3  # the two PDFs and the database snapshot
    keys = medium.open_set(drive, PASSPHRASE).keys
    assert {keys.object_name("content", sha) for sha in new_shas} <= added
    assert len(added) == 3
    assert second.new_bytes > sum(_blobs(catalog)[s] for s in new_shas)  # + the database
    assert second.generation == first.generation + 1


def test_only_the_newest_backups_are_kept_and_their_files_stay(
    catalog: Catalog, drive: Path, tmp_path: Path
) -> None:
    for round_ in range(3):
        add_documents(catalog, tmp_path, 1, start=20 + round_)
        report = backup(catalog, drive, PASSPHRASE, keep=2)
    assert report.dropped == (1,)
    backup_set = medium.open_set(drive, PASSPHRASE)
    assert backup_set.generations() == [2, 3]
    named = {e.object for g in (2, 3) for e in backup_set.manifest(g).files}
    assert set(backup_set.stored()) == named  # the first snapshot's object is gone
    assert verify(drive, PASSPHRASE).good == (2, 3)


def test_one_flipped_byte_is_found_and_the_file_named(
    folder: Path, drive: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Catalog.open(folder) as catalog:
        backup(catalog, drive, PASSPHRASE)
    backup_set = medium.open_set(drive, PASSPHRASE)
    victim = next(e for e in backup_set.manifest(1).files if e.path.startswith("store/"))
    path = backup_set.object_path(victim.object)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    found = verify(drive, PASSPHRASE)
    assert not found.ok
    assert [(d.paths, d.file) for d in found.damaged] == [((victim.path,), path)]
    monkeypatch.setenv("PP", PASSPHRASE)
    code = main(["backup", "verify", "--to", str(drive), "--passphrase-env", "PP",
                 "--catalog", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"DAMAGED {path}: {victim.path}" in out
    with pytest.raises(DamagedBackup, match=victim.path):
        restore(drive, folder.parent / "restored", PASSPHRASE)
    assert not (folder.parent / "restored").exists()


def test_a_damaged_manifest_is_named(catalog: Catalog, drive: Path) -> None:
    backup(catalog, drive, PASSPHRASE)
    manifest = drive / medium.ROOT / "manifests" / "00000001"
    manifest.write_bytes(manifest.read_bytes()[:-1])
    found = verify(drive, PASSPHRASE)
    assert [d.file for d in found.damaged] == [manifest]
    assert found.good == ()


def test_a_wrong_passphrase_is_refused_clearly(
    catalog: Catalog, drive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup(catalog, drive, PASSPHRASE)
    wrong = PASSPHRASE.upper()
    with pytest.raises(WrongPassphrase):
        verify(drive, wrong)
    with pytest.raises(WrongPassphrase):
        backup(catalog, drive, wrong)
    with pytest.raises(WrongPassphrase):
        restore(drive, tmp_path / "restored", wrong)
    assert not (tmp_path / "restored").exists()
    monkeypatch.setenv("PP", wrong)
    assert main(["restore", "--from", str(drive), "--catalog", str(tmp_path / "r"),
                 "--passphrase-env", "PP"]) == 2
    assert "passphrase does not open this backup set" in capsys.readouterr().err
    assert medium.open_set(drive, PASSPHRASE).generations() == [1]


def test_a_short_passphrase_is_refused_for_a_new_set(catalog: Catalog, drive: Path) -> None:
    with pytest.raises(WrongPassphrase, match="at least 10"):
        backup(catalog, drive, "ngan")
    assert not medium.exists(drive)


def test_the_medium_reveals_nothing_without_the_passphrase(
    catalog: Catalog, drive: Path
) -> None:
    backup(catalog, drive, PASSPHRASE)
    hoso = catalog.list_hoso()[0]
    docs = catalog.documents(hoso.file_code)
    secrets = [hoso.file_code, "mặt trận".encode().hex(), "catalog.sqlite3", "lan"]
    secrets += [d.current.sha256 for d in docs] + [d.uuid for d in docs]
    needles = [s.encode() for s in secrets] + ["Báo cáo công tác".encode()]
    for path in (drive / medium.ROOT).rglob("*"):
        assert not any(s in path.name for s in secrets), path
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), path
    header = json.loads((drive / medium.ROOT / "set.json").read_text())
    assert PASSPHRASE not in json.dumps(header)


def test_a_missing_or_unwritable_target_gives_a_clear_error(
    catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = tmp_path / "not-plugged-in"
    with pytest.raises(TargetUnusable, match="does not exist"):
        backup(catalog, missing, PASSPHRASE)
    locked = tmp_path / "write-protected"
    locked.mkdir()
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):  # root writes anywhere: use a folder no one can create in
        locked = Path("/sys")
    with pytest.raises(TargetUnusable, match=r"not writable|Cannot write"):
        backup(catalog, locked, PASSPHRASE)
    monkeypatch.setenv("PP", PASSPHRASE)
    code = main(["backup", "--to", str(missing), "--passphrase-env", "PP",
                 "--catalog", str(catalog.folder)])
    assert code == 6
    err = capsys.readouterr().err
    assert "Plug in the backup drive" in err


def test_restore_refuses_a_folder_in_use_and_a_folder_without_a_backup(
    catalog: Catalog, drive: Path, tmp_path: Path
) -> None:
    with pytest.raises(NotABackup):
        restore(drive, tmp_path / "x", PASSPHRASE)
    backup(catalog, drive, PASSPHRASE)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("giữ nguyên")
    with pytest.raises(OutputError, match="not empty"):
        restore(drive, busy, PASSPHRASE)
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]
    with pytest.raises(OutputError, match="not empty"):
        restore(drive, catalog.folder, PASSPHRASE)


def test_restore_onto_a_new_stations_empty_catalog(
    catalog: Catalog, drive: Path, tmp_path: Path
) -> None:
    backup(catalog, drive, PASSPHRASE)
    fresh = tmp_path / "fresh"
    Catalog.open(fresh).close()  # what the desk opens before its first-run dialog
    restore(drive, fresh, PASSPHRASE)
    with Catalog.open(fresh) as restored:
        assert len(restored.documents(restored.list_hoso()[0].file_code)) == 3


def test_a_verified_backup_marks_the_hoso_backed_up_until_it_changes(
    folder: Path, drive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PP", PASSPHRASE)
    args = ["--passphrase-env", "PP", "--catalog", str(folder)]

    def status(code: str) -> str | None:
        with Catalog.open(folder) as catalog:
            return catalog.hoso(code).metadata.get("riskRecoveryStatus")

    with Catalog.open(folder) as catalog:
        code = catalog.list_hoso()[0].file_code
    assert status(code) is None
    assert main(["backup", "--to", str(drive), "--verify", *args]) == 0
    with Catalog.open(folder) as catalog:
        meta = catalog.hoso(code).metadata
        assert (meta["riskRecovery"], meta["riskRecoveryStatus"]) == ("1", "01")
        assert catalog.audit_verify() == []
        add_documents(catalog, tmp_path, 1, start=30)
    assert main(["backup", "verify", "--to", str(drive), *args]) == 0
    assert status(code) == "02"  # a document filed since is not on the drive yet
    with Catalog.open(folder) as catalog:
        other = catalog.create_hoso(
            {"title": "Hồ sơ mới", "maintenance": "01", "mode": "01", "language": ["01"],
             "startDate": "2024", "endDate": "2024", "paperFileCode": "H49.1.2"}, "lan")
    assert main(["backup", "--to", str(drive), "--verify", *args]) == 0
    assert status(code) == "01"
    assert status(other.file_code) == "01"


def test_status_tells_when_each_drive_was_written_and_verified(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PP", PASSPHRASE)
    args = ["--passphrase-env", "PP", "--catalog", str(folder)]
    first, second = tmp_path / "usb1", tmp_path / "usb2"
    first.mkdir()
    second.mkdir()
    assert main(["backup", "--to", str(first), "--verify", *args]) == 0
    assert main(["backup", "status", "--catalog", str(folder)]) == 1  # one drive only
    assert main(["backup", "--to", str(second), *args]) == 0
    assert main(["backup", "status", "--catalog", str(folder)]) == 1  # not verified
    assert main(["backup", "verify", "--to", str(second), *args]) == 0
    capsys.readouterr()
    assert main(["backup", "status", "--catalog", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "2 of 2 drive(s) verified within 7 days" in out
    assert "Sao lưu lần cuối: " in out and "chưa có" not in out


def test_another_users_catalog_is_not_restored_over_a_used_one(
    catalog: Catalog, drive: Path
) -> None:
    catalog.add_user("tuan", [Role.CLERK], "mat-khau-456", by="admin")
    backup(catalog, drive, PASSPHRASE)
    with pytest.raises(OutputError):
        restore(drive, catalog.folder, PASSPHRASE)


def test_a_damaged_catalog_file_stops_the_backup_and_keeps_the_last_one(
    catalog: Catalog, drive: Path, tmp_path: Path
) -> None:
    backup(catalog, drive, PASSPHRASE)
    add_documents(catalog, tmp_path, 1, start=40)
    newest = catalog.documents(catalog.list_hoso()[0].file_code)[-1].current.sha256
    path = catalog.file_path(newest)
    path.chmod(0o644)
    raw = bytearray(path.read_bytes())
    raw[10] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(DamagedBackup, match=f"store/{newest[:2]}/{newest[2:4]}/{newest}"):
        backup(catalog, drive, PASSPHRASE)
    found = verify(drive, PASSPHRASE)
    assert found.ok and found.good == (1,)
    keys = medium.open_set(drive, PASSPHRASE).keys
    assert keys.object_name("content", newest) not in medium.open_set(drive, PASSPHRASE).stored()
