"""`restore`: rebuild a working catalog from a backup set, in a new folder, checked end to end."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.atomic import fsync_path
from app.backup import medium
from app.backup.errors import DamagedBackup
from app.backup.manifest import Manifest
from app.backup.progress import Meter, Report
from app.catalog.db import DB_NAME
from app.catalog.service import Catalog
from app.errors import InputError, OutputError

SETTINGS = "restored-settings"  # the old station's settings (secrets masked), for reference
_EMPTY_CATALOG = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "store", "backups"}


@dataclass(frozen=True)
class RestoreReport:
    """What was restored."""

    folder: Path
    generation: int
    created_at: str
    documents: int
    files: int
    bytes: int


def restore(
    source: Path,
    dest: Path,
    passphrase: str,
    *,
    generation: int | None = None,
    report: Report | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RestoreReport:
    """Restore the newest generation (or `generation`) of the set in `source` into `dest`.

    `dest` must not exist, be empty, or hold a catalog never set up (a new station). The
    catalog is built beside it, opened, its audit chain and files checked, and only then
    moved into place: a failure leaves `dest` as it was.
    """
    backup_set = medium.open_set(source, passphrase)
    manifest = _manifest(backup_set, generation)
    _check_destination(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.restoring-", dir=dest.parent))
    try:
        meter = Meter(total=manifest.total_bytes, report=report, cancelled=cancelled)
        for entry in manifest.files:
            meter.step(entry.path)
            relative = entry.path if not entry.path.startswith(("profile/", "settings/")) \
                else f"{SETTINGS}/{entry.path}"
            _extract(backup_set, entry.object, entry.sha256, entry.path, staging / relative, meter)
            if entry.path.startswith("store/"):
                (staging / relative).chmod(0o444)
        _check_catalog(staging, manifest)
        _move_into_place(staging, dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RestoreReport(
        folder=dest,
        generation=manifest.generation,
        created_at=manifest.created_at,
        documents=manifest.documents,
        files=len(manifest.files),
        bytes=manifest.total_bytes,
    )


def _manifest(backup_set: medium.BackupSet, generation: int | None) -> Manifest:
    generations = backup_set.generations()
    if not generations:
        raise DamagedBackup(
            "The backup set holds no finished backup.",
            hint="Run a backup to this drive first, or choose another drive.",
            code="backup.empty",
        )
    if generation is not None and generation not in generations:
        raise InputError(
            f"No generation {generation} in this backup set.",
            hint=f"Kept generations: {', '.join(map(str, generations))}.",
            code="restore.no_generation", params={"generation": generation, "kept": generations},
        )
    return backup_set.manifest(generation or generations[-1])


def _check_destination(dest: Path) -> None:
    """Refuse a folder holding anything but an empty, never set up catalog."""
    if not dest.exists():
        return
    if not dest.is_dir():
        raise OutputError(f"{dest} is a file, not a folder.", hint="Choose a new folder.",
                          code="restore.not_a_folder", params={"path": str(dest)})
    names = {p.name for p in dest.iterdir()}
    if not names:
        return
    if not names <= _EMPTY_CATALOG or not (dest / DB_NAME).is_file() or not _never_used(dest):
        raise OutputError(
            f"The folder {dest} is not empty.",
            hint="Restore into a new or empty folder; nothing in this one was touched.",
            code="restore.folder_not_empty", params={"path": str(dest)},
        )


def _never_used(dest: Path) -> bool:
    """Whether `dest` holds a catalog with no organisation, document or stored file."""
    if any(p.is_file() for p in dest.rglob("*") if p.parent != dest):
        return False
    try:
        conn = sqlite3.connect(f"file:{dest / DB_NAME}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return True
            return all(
                conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
                for table in ("organisation", "document", "blob")
                if table in tables
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _extract(
    backup_set: medium.BackupSet, name: str, sha256: str, path: str, out: Path, meter: Meter
) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with out.open("wb") as handle:
            digest = backup_set.read(name, handle.write, meter.add)
            handle.flush()
            os.fsync(handle.fileno())
    except DamagedBackup as err:
        raise DamagedBackup(
            f"{path} is damaged on the backup drive ({backup_set.object_path(name)}): "
            f"{err.message}",
            hint="Restore an older generation with --generation, or use the other backup drive.",
        ) from None
    if digest != sha256:
        raise DamagedBackup(f"{path} does not match its SHA-256 on the backup drive.")


def _check_catalog(folder: Path, manifest: Manifest) -> None:
    """Open the restored catalog and check its audit chain and every stored file."""
    with Catalog.open(folder) as catalog:
        problems = catalog.audit_verify()
        head = catalog.db.execute_sql("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
        if head is None or head[0] != manifest.audit_head:
            problems.append("the audit chain's head differs from the one the backup recorded")
        report = catalog.fsck()
        problems += report.missing + report.mismatched + report.db_errors
    if problems:
        raise DamagedBackup(
            "The restored catalog does not check out: " + "; ".join(problems[:5]),
            hint="Restore an older generation with --generation, or use the other backup drive.",
        )


def _move_into_place(staging: Path, dest: Path) -> None:
    """Swap the checked catalog in: `dest` is empty or a never used catalog at this point."""
    if dest.exists():
        for name in _EMPTY_CATALOG:
            item = dest / name
            if item.is_dir():
                shutil.rmtree(item)
            else:
                with contextlib.suppress(FileNotFoundError):
                    item.unlink()
        dest.rmdir()
    staging.replace(dest)
    fsync_path(dest.parent)
