"""Content-addressed file store (SHA-256): write to a temp file, fsync, rename; never modify."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from app.content_store import CHUNK, BlobFolder, Stored, store_stream
from app.errors import OutputError
from app.filelock import try_lock

WORK_PREFIX = "work-"  # scratch folders of running jobs (see ContentStore.workdir)
WORK_LOCK = ".lock"
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

    Opening the store removes the `tmp/*.part` files of an add that was killed and the
    `tmp/work-*` folders of a killed job (unwritten for LEFTOVER_AGE: another process may be
    working right now); `removed` lists them.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.removed = self._remove_leftovers()

    def _remove_leftovers(self) -> list[Path]:
        cutoff = time.time() - LEFTOVER_AGE
        removed = []
        for path in [*self.tmp.glob("*.part"), *self.tmp.glob(f"{WORK_PREFIX}*")]:
            with contextlib.suppress(FileNotFoundError):  # another process cleaning too
                if path.stat().st_mtime >= cutoff:
                    continue
                if path.is_dir():
                    if not _abandoned(path):
                        continue
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()
                removed.append(path)
        if removed:
            log.info(
                "Removed %d temp file(s) an interrupted add left in %s", len(removed), self.tmp
            )
        return removed

    @contextlib.contextmanager
    def workdir(self) -> Iterator[Path]:
        """A private scratch folder beside the store, removed on exit (or by the next open after
        a kill), so copies of documents never land outside the catalog folder."""
        with (
            tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=self.tmp) as work,
            (Path(work) / WORK_LOCK).open("ab") as handle,
        ):
            try_lock(handle)  # held while the job lives: a long job is never swept
            yield Path(work)

    def put(self, source: Path) -> Stored:
        """Copy `source` into the store (hashing while copying); an existing blob is kept."""
        try:
            with source.open("rb") as src:
                return store_stream(src, self.root, read_only=True)
        except OSError as err:
            raise OutputError(
                f"Could not store {source.name}: {err.strerror or err}",
                hint="Check free disk space in the catalog folder.",
                code="store.write_failed", params={"name": source.name},
            ) from err

    def blobs(self) -> Iterator[tuple[str, Path]]:
        """Every stored file as (name, path), temp files excluded."""
        for path in self.root.glob("??/??/*"):
            if path.is_file():
                yield path.name, path

    def temp_files(self) -> list[Path]:
        return [p for p in self.tmp.iterdir() if p.is_file()]


def _abandoned(work: Path) -> bool:
    """Whether no live process holds `work`'s lock (a folder without one is half made)."""
    try:
        with (work / WORK_LOCK).open("rb+") as handle:
            try_lock(handle)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True
