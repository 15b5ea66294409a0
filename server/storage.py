"""Content-addressed blob storage behind one interface; the filesystem store (S3: s3store)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from app.content_store import BlobFolder, store_stream


class BlobStore(Protocol):
    """Bytes named by their SHA-256, written only by ingest after it hashed them. The S3
    store maps put_file to PutObject (HeadObject first and multipart above 8 MiB), get to
    GetObject, exists to HeadObject."""

    def put_file(self, path: Path, sha256: str) -> None:
        """Store a file whose SHA-256 the caller has just computed from its bytes, straight
        under that name (no second pass to hash it). Idempotent: bytes already stored under
        that name are kept or written again, whichever the store does more cheaply."""
        ...

    def get(self, sha256: str) -> BinaryIO:
        """Open the stored bytes for reading (KeyError when absent)."""
        ...

    def exists(self, sha256: str) -> bool: ...


class FileStore(BlobFolder):
    """Blobs under `root/ab/cd/<sha256>`: temp file + fsync + rename + folder fsync."""

    def put_file(self, path: Path, sha256: str) -> None:
        if self.exists(sha256):  # the same PDF in a later version: a stat, not a copy
            return
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
