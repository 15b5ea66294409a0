"""Content-addressed file store (SHA-256): write to a temp file, fsync, rename; never modify."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from app.content_store import CHUNK, BlobFolder, Stored, store_stream
from app.errors import OutputError


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class ContentStore(BlobFolder):
    """Files named by their SHA-256 under `root/ab/cd/abcd…`; temp files live in `root/tmp`."""

    def put(self, source: Path) -> Stored:
        """Copy `source` into the store (hashing while copying); an existing blob is kept."""
        try:
            with source.open("rb") as src:
                return store_stream(src, self.root, read_only=True)
        except OSError as err:
            raise OutputError(
                f"Could not store {source.name}: {err.strerror or err}",
                hint="Check free disk space in the catalog folder.",
            ) from err

    def blobs(self) -> Iterator[tuple[str, Path]]:
        """Every stored file as (name, path), temp files excluded."""
        for path in self.root.glob("??/??/*"):
            if path.is_file():
                yield path.name, path

    def temp_files(self) -> list[Path]:
        return [p for p in self.tmp.iterdir() if p.is_file()]
