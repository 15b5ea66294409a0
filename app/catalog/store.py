"""Content-addressed file store (SHA-256): write to a temp file, fsync, rename; never modify."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.errors import OutputError

CHUNK = 1 << 20


@dataclass(frozen=True)
class Stored:
    """The result of putting a file in the store."""

    sha256: str
    size: int
    existed: bool


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class ContentStore:
    """Files named by their SHA-256 under `root/ab/cd/abcd…`; temp files live in `root/tmp`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, source: Path) -> Stored:
        """Copy `source` into the store (hashing while copying); an existing blob is kept."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path(sha)
            if target.exists() and target.stat().st_size == size:
                tmp.unlink()
                return Stored(sha, size, existed=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.chmod(0o444)
            tmp.replace(target)
            _fsync_dir(target.parent)
            return Stored(sha, size, existed=False)
        except BaseException as err:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(err, OSError):
                raise OutputError(
                    f"Could not store {source.name}: {err.strerror or err}",
                    hint="Check free disk space in the catalog folder.",
                ) from err
            raise

    def blobs(self) -> Iterator[tuple[str, Path]]:
        """Every stored file as (name, path), temp files excluded."""
        for path in self.root.glob("??/??/*"):
            if path.is_file():
                yield path.name, path

    def temp_files(self) -> list[Path]:
        return [p for p in self.tmp.iterdir() if p.is_file()]


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
