"""A hồ sơ gathered for export, and writing a set of files to a folder or a ZIP atomically."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.atomic import fsync_path, write_atomically
from app.catalog.errors import Refused
from app.catalog.models import AuditEntry, Document, Hoso, Organisation
from app.errors import OutputError


@dataclass(frozen=True)
class DocumentBundle:
    """A document with its page texts and the stored path of every file version."""

    document: Document
    pages: tuple[str, ...]
    paths: tuple[Path, ...]  # one per document.files entry, same order


@dataclass(frozen=True)
class HosoBundle:
    """Everything an export of one hồ sơ needs."""

    organisation: Organisation
    hoso: Hoso
    documents: tuple[DocumentBundle, ...]
    events: tuple[AuditEntry, ...]


# name in the package → bytes, or the path of a file to copy
Entries = dict[str, bytes | Path]


def write_entries(entries: Entries, out: Path) -> Path:
    """Write `entries` to `out`: a ZIP if it ends in .zip, otherwise a new folder.

    Either way nothing appears at `out` until everything is written and fsynced.
    """
    if out.suffix.lower() == ".zip":
        write_atomically(out, lambda handle: _zip(entries, handle))
        return out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise Refused(f"{out} already exists and is not empty.", hint="Choose a new folder.",
                      code="export.folder_not_empty", params={"path": str(out)})
    parent = out.parent
    if not parent.is_dir():
        raise OutputError(f"Output folder does not exist: {parent}", code="export.no_folder",
                          params={"path": str(parent)})
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    try:
        for name, content in entries.items():
            target = work / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copyfile(content, target)
            else:
                target.write_bytes(content)
            fsync_path(target)
        if out.exists():
            out.rmdir()
        work.replace(out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out


def _zip(entries: Entries, handle: BinaryIO) -> None:
    with zipfile.ZipFile(handle, "w") as archive:
        for name, content in entries.items():
            if isinstance(content, Path):
                archive.write(content, name, compress_type=zipfile.ZIP_STORED)
            else:
                archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
