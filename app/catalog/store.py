"""Content-addressed file store (SHA-256): write to a temp file, fsync, rename; never modify."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Iterator
from pathlib import Path

from app.content_store import CHUNK, BlobFolder, Stored, store_stream
from app.errors import OutputError

LEFTOVER_AGE = 600.0  # seconds without a write after which a temp file is a dead add's leftover
log = logging.getLogger(__name__)


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class ContentStore(BlobFolder):
    """Files named by their SHA-256 under `root/ab/cd/abcd…`; temp files live in `root/tmp`.

    Opening the store removes the `tmp/*.part` files of an add that was killed (unwritten for
    LEFTOVER_AGE: another process may be adding right now); `removed` lists them.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.removed = self._remove_leftovers()

    def _remove_leftovers(self) -> list[Path]:
        cutoff = time.time() - LEFTOVER_AGE
        removed = []
        for path in self.tmp.glob("*.part"):
            with contextlib.suppress(FileNotFoundError):  # another process cleaning too
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
        if removed:
            log.info(
                "Removed %d temp file(s) an interrupted add left in %s", len(removed), self.tmp
            )
        return removed

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
