"""Content-addressed blob storage behind one interface; a filesystem store (S3 can follow)."""

from __future__ import annotations

from typing import BinaryIO, Protocol

from app.content_store import BlobFolder, store_stream


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


class FileStore(BlobFolder):
    """Blobs under `root/ab/cd/<sha256>`: temp file + fsync + rename + folder fsync."""

    def put(self, stream: BinaryIO) -> str:
        return store_stream(stream, self.root).sha256

    def get(self, sha256: str) -> BinaryIO:
        try:
            return self.path(sha256).open("rb")
        except FileNotFoundError:
            raise KeyError(sha256) from None

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()
