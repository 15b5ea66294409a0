"""Content-addressed blob storage behind one interface; a filesystem store (S3 can follow)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

CHUNK = 1 << 20


class BlobStore(Protocol):
    """Bytes named by their SHA-256. An S3 store maps put to a multipart upload to a temp key
    followed by a copy to `sha256`, get to GetObject and exists to HeadObject."""

    def put(self, stream: BinaryIO) -> str:
        """Store everything `stream` yields; return its SHA-256 (hex). Idempotent."""
        ...

    def get(self, sha256: str) -> BinaryIO:
        """Open the stored bytes for reading (KeyError when absent)."""
        ...

    def exists(self, sha256: str) -> bool: ...


class FileStore:
    """Blobs under `root/ab/cd/<sha256>`: temp file + fsync + rename + folder fsync."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, stream: BinaryIO) -> str:
        digest = hashlib.sha256()
        fd, name = tempfile.mkstemp(dir=self.tmp, suffix=".part")
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path(sha)
            if target.exists():
                tmp.unlink()
                return sha
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.replace(target)
            fsync_dir(target.parent)
            return sha
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def get(self, sha256: str) -> BinaryIO:
        try:
            return self.path(sha256).open("rb")
        except FileNotFoundError:
            raise KeyError(sha256) from None

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
