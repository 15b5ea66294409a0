"""`backup`: a new generation on a medium, copying only files it does not hold yet."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.backup import medium, snapshot
from app.backup.errors import DamagedBackup
from app.backup.manifest import DATABASE, Entry, Manifest
from app.backup.progress import Meter, Report, each
from app.backup.settings import settings_files
from app.catalog import profiles
from app.catalog.audit import now
from app.catalog.db import DB_NAME
from app.catalog.service import Catalog
from app.catalog.store import sha256_of
from app.errors import InputError

DEFAULT_KEEP = 2


@dataclass(frozen=True)
class Source:
    """One file to back up: its place in a catalog folder, hash, size and where to read it."""

    path: str
    sha256: str
    size: int
    read: Callable[[], BinaryIO]


@dataclass(frozen=True)
class BackupReport:
    """What a backup wrote."""

    folder: Path
    set_id: str
    generation: int
    files: int
    new_files: int
    new_bytes: int
    total_bytes: int
    documents: int
    dropped: tuple[int, ...]
    same_disk: bool  # the target sits on the catalog's own disk: not an independent medium


def _file(path: str, on_disk: Path, sha256: str, size: int) -> Source:
    return Source(path, sha256, size, lambda: on_disk.open("rb"))


def _text(path: str, raw: bytes) -> Source:
    return Source(path, hashlib.sha256(raw).hexdigest(), len(raw), lambda: io.BytesIO(raw))


def _sources(catalog: Catalog, work: Path, facts: snapshot.Facts) -> list[Source]:
    copy = work / DATABASE
    sources = [_file(DATABASE, copy, sha256_of(copy), copy.stat().st_size)]
    profile = profiles.PROFILE_DIR / f"{facts.organisation['profile']}.json"
    sources.append(_text(f"profile/{profile.name}", profile.read_bytes()))
    sources += [_text(name, raw) for name, raw in settings_files(catalog.folder).items()]
    for sha, size in facts.blobs:
        path = catalog.store.path(sha)
        sources.append(_file(f"store/{sha[:2]}/{sha[2:4]}/{sha}", path, sha, size))
    return sources


def backup(
    catalog: Catalog,
    folder: Path,
    passphrase: str,
    *,
    keep: int = DEFAULT_KEEP,
    report: Report | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BackupReport:
    """Write a new generation of the catalog's backup set in `folder`; keep the newest `keep`.

    The database is a consistent snapshot (the desk may keep filing meanwhile); stored files
    already on the medium are not copied again; the generation exists only once its sealed
    manifest is published, so a stop at any point leaves the previous one whole. The catalog
    is only read: the caller records the write with `status.record_written`.
    """
    medium.check_target(folder)
    meter = Meter(report=report, cancelled=cancelled)
    with medium.writer_lock(folder):
        backup_set = medium.open_or_create(folder, passphrase)
        backup_set.clear_tmp()
        with catalog.store.workdir() as work:
            meter.step("snapshot")
            snapshot.take(catalog.folder / DB_NAME, work / DATABASE)
            facts = snapshot.read(work / DATABASE)
            sources = _sources(catalog, work, facts)
            stored = backup_set.stored()
            meter.total = sum(s.size for s in sources)
            entries, todo = [], {}
            for source in sources:
                name = backup_set.keys.object_name("content", source.sha256)
                entries.append(Entry(source.path, source.sha256, source.size, name))
                if stored.get(name) == medium.crypto.sealed_size(source.size) or name in todo:
                    meter.add(source.size)
                else:
                    todo[name] = source  # the same bytes twice are copied once

            def copy(item: tuple[str, Source]) -> None:
                meter.step(item[1].path)
                _copy(backup_set, item[1], item[0], meter)

            for _ in each(copy, todo.items()):
                pass
            new_files, new_bytes = len(todo), sum(s.size for s in todo.values())
            manifest = Manifest(
                generation=max(backup_set.generations(), default=0) + 1,
                created_at=now(),
                organisation=facts.organisation,
                schema=facts.schema,
                audit_head=facts.audit_head,
                documents=facts.documents,
                files=tuple(entries),
                hoso=facts.hoso,
                new_objects=new_files,
            )
            meter.step("manifest")
            backup_set.publish(manifest)
        dropped = backup_set.prune(keep)
    return BackupReport(
        folder=folder,
        set_id=backup_set.id,
        generation=manifest.generation,
        files=len(entries),
        new_files=new_files,
        new_bytes=new_bytes,
        total_bytes=manifest.total_bytes,
        documents=facts.documents,
        dropped=tuple(dropped),
        same_disk=_same_disk(catalog.folder, folder),
    )


def _copy(backup_set: medium.BackupSet, source: Source, name: str, meter: Meter) -> None:
    try:
        with source.read() as handle:
            backup_set.put(name, handle, source.size, meter.add, expect=source.sha256)
    except DamagedBackup:
        raise DamagedBackup(
            f"The catalog's file {source.path} does not match its SHA-256.",
            hint="Run scanstation fsck to see which documents are affected; the previous "
            "backup on this drive is untouched.",
        ) from None
    except FileNotFoundError:
        raise InputError(
            f"The catalog's file {source.path} is missing.",
            hint="Run scanstation fsck --repair; it can restore it from orphans/ when it "
            "is there, else restore it from an older backup.",
            code="backup.source_missing", params={"path": str(source.path)},
        ) from None
    except OSError as err:  # the catalog's file changed size under us
        raise InputError(f"Cannot read the catalog's file {source.path}: {err}",
                         code="backup.source_unreadable", params={"path": str(source.path)},
                         ) from err


def _same_disk(catalog_folder: Path, folder: Path) -> bool:
    try:
        return catalog_folder.stat().st_dev == folder.stat().st_dev
    except OSError:
        return False
