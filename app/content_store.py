"""Write a stream into a content-addressed folder: `root/ab/cd/<sha256>`, never modified after."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.atomic import fsync_path

CHUNK = 1 << 20


@dataclass(frozen=True)
class Stored:
    """The result of putting bytes in the store."""

    sha256: str
    size: int
    existed: bool


def blob_path(root: Path, sha256: str) -> Path:
    """Where the bytes named `sha256` live under `root`."""
    return root / sha256[:2] / sha256[2:4] / sha256


class BlobFolder:
    """A content-addressed folder: blobs under `root/ab/cd/<sha256>`, writes in `root/tmp`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return blob_path(self.root, sha256)


def store_stream(stream: BinaryIO, root: Path, *, read_only: bool = False) -> Stored:
    """Hash `stream` while copying it to a temp file in `root/tmp`, fsync, rename into place.

    Bytes already stored are kept and the copy dropped; on any error the temp file is removed.
    """
    tmp_dir = root / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = blob_path(root, sha)
        if target.exists() and target.stat().st_size == size:
            tmp.unlink()
            return Stored(sha, size, existed=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        if read_only:
            tmp.chmod(0o444)
        tmp.replace(target)
        fsync_path(target.parent)
        return Stored(sha, size, existed=False)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
