"""Content-addressed blob storage behind one interface; the filesystem store (S3: s3store)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from app.content_store import BlobFolder, store_stream


class BlobStore(Protocol):
    """Bytes named by their SHA-256. The S3 store maps put to an upload to a temp key followed
    by a copy to `sha256`, put_file to one PutObject, get to GetObject, exists to HeadObject."""

    def put(self, stream: BinaryIO) -> str:
        """Store everything `stream` yields; return its SHA-256 (hex). Idempotent."""
        ...

    def put_file(self, path: Path, sha256: str) -> None:
        """Store a file whose SHA-256 the caller has just computed from its bytes, straight
        under that name (no second pass to hash it). Idempotent."""
        ...

    def get(self, sha256: str) -> BinaryIO:
        """Open the stored bytes for reading (KeyError when absent)."""
        ...

    def exists(self, sha256: str) -> bool: ...


class FileStore(BlobFolder):
    """Blobs under `root/ab/cd/<sha256>`: temp file + fsync + rename + folder fsync."""

    def put(self, stream: BinaryIO) -> str:
        return store_stream(stream, self.root).sha256

    def put_file(self, path: Path, sha256: str) -> None:
        with path.open("rb") as handle:  # local disks: hashing while copying costs nothing extra
            stored = store_stream(handle, self.root).sha256
        if stored != sha256:
            raise ValueError(f"{path.name} changed after it was hashed")

    def get(self, sha256: str) -> BinaryIO:
        try:
            return self.path(sha256).open("rb")
        except FileNotFoundError:
            raise KeyError(sha256) from None

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()
