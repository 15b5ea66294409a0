"""Check every stored-file row against its file and hash; repair what is safe to repair."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SqliteDatabase

from app.catalog.rows import BlobRow, DocumentRow, FileRow
from app.catalog.store import ContentStore, sha256_of


@dataclass
class FsckReport:
    """What fsck found; `consistent` means no row lacks or mismatches its file."""

    checked: int = 0
    missing: list[str] = field(default_factory=list)  # a row whose file is absent
    mismatched: list[str] = field(default_factory=list)  # a file whose bytes changed
    db_errors: list[str] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)  # a stored file no row names
    temp_files: list[Path] = field(default_factory=list)  # an interrupted write's leftovers
    repaired: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not (self.missing or self.mismatched or self.db_errors)

    @property
    def clean(self) -> bool:
        return self.consistent and not (self.orphans or self.temp_files)

    @property
    def problems(self) -> bool:
        """Something a user must look at: an inconsistency, or a file no row names (temp
        files of an interrupted add are leftovers, not problems: they hold no data)."""
        return not self.consistent or bool(self.orphans)


def fsck(
    db: SqliteDatabase, store: ContentStore, folder: Path, *, repair: bool, hashes: bool = True
) -> FsckReport:
    """Check the database, every blob row against its file, and the store for leftovers.

    With `hashes=False` a file is checked by its size only (fast: what `doctor` does).

    Repair never deletes data: orphan files (complete copies whose add was interrupted
    before commit) move to `orphans/`, corrupt files to `quarantine/`; only temp files,
    partial copies of a source that was never committed, are deleted.
    """
    report = FsckReport()
    for (result,) in db.execute_sql("PRAGMA quick_check").fetchall():
        if result != "ok":
            report.db_errors.append(f"sqlite: {result}")
    for doc_code in DocumentRow.select(DocumentRow.doc_code).where(
        ~DocumentRow.id.in_(FileRow.select(FileRow.document))
    ):
        report.db_errors.append(f"{doc_code.doc_code}: no file recorded")
    known: set[str] = set()
    for blob in BlobRow.select().iterator():
        known.add(blob.sha256)
        report.checked += 1
        path = store.path(blob.sha256)
        if not path.is_file():
            if repair and _restore(folder / "orphans" / blob.sha256, path, blob.sha256):
                report.repaired.append(f"restored {blob.sha256} from orphans/")
                continue
            report.missing.append(blob.sha256)
        elif path.stat().st_size != blob.size or (hashes and sha256_of(path) != blob.sha256):
            report.mismatched.append(blob.sha256)
            if repair:
                _move(path, folder / "quarantine")
                report.repaired.append(f"moved corrupt {blob.sha256} to quarantine/")
    for name, path in store.blobs():
        if name not in known:
            report.orphans.append(path)
            if repair:
                _move(path, folder / "orphans")
                report.repaired.append(f"moved orphan {name} to orphans/")
    report.temp_files = store.temp_files()
    if repair:
        for path in report.temp_files:
            path.unlink(missing_ok=True)
            report.repaired.append(f"removed temp file {path.name}")
    return report


def _restore(candidate: Path, target: Path, sha256: str) -> bool:
    """Put back a file that fsck --repair once set aside, if its bytes are right."""
    if not candidate.is_file() or sha256_of(candidate) != sha256:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(candidate), str(target))
    return True


def _move(path: Path, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    shutil.move(str(path), str(folder / path.name))
