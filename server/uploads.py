"""Resumable uploads (tus-like): declare, append at the acknowledged offset, complete."""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import os
import shutil
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import psycopg
from starlette.concurrency import run_in_threadpool

from app.atomic import fsync_path

from .auth import Principal, now
from .db import Pool
from .errors import ApiError

LOCK_WAIT = 10.0  # seconds a request waits for another writer of the same upload
LOCK_POLL = 0.02


@dataclass(frozen=True)
class Upload:
    """An upload in progress: whose, which package hash, how many bytes in all, and the
    bytes its row said were acknowledged when it was read (object storage keeps the offset
    there; the local spool's offset is its part file's size)."""

    id: str
    station_id: str
    sha256: str
    size: int
    received: int = 0


class UploadSpool(Protocol):
    """Where partial uploads live until they are complete: a local folder (`Spool`) or the
    object store with the offsets in PostgreSQL (`server.s3spool.S3Spool`). `root` is a local
    folder for the work of a completion (unpacking, checking)."""

    root: Path

    def offset(self, upload: Upload) -> int:
        """The bytes held (acknowledged) for this upload, read with it (no second look)."""
        ...

    async def append(
        self,
        pool: Pool,
        upload: Upload,
        offset: int,
        body: AsyncIterator[bytes],
        *,
        final: bool = False,
    ) -> int:
        """Append `body` at `offset` (409 offset_mismatch otherwise, 413 past the declared
        size); keep what arrived when the body ends early; return the new offset once it is
        durable. With `final` (the station asks to complete in the same request) and every
        byte of the package then present, the spool may keep them only for this process's
        completion, which the caller starts at once: the new offset is then acknowledged by
        the receipt alone, never by itself."""
        ...

    def finished(self, pool: Pool, upload: Upload) -> contextlib.AbstractContextManager[Path]:
        """The complete package as a local file, no append possible meanwhile (409 incomplete
        while bytes are missing)."""
        ...

    def transaction(
        self, pool: Pool, upload: Upload
    ) -> contextlib.AbstractContextManager[psycopg.Connection]:
        """A transaction for the rows a completion adds, inside `finished`: the one holding
        the upload's lock when the spool keeps one (one connection per completion)."""
        ...

    def discard(self, pool: Pool, upload: Upload) -> None: ...

    def discard_leftover(self, pool: Pool, principal: Principal, sha256: str) -> None: ...

    def purge(self, pool: Pool, max_age: datetime.timedelta) -> int: ...


class Spool:
    """Partial uploads on local disk (`<storage>/uploads/<id>.part`); the file is the offset.

    One writer per upload across every worker process: whoever appends to, completes or
    purges an upload holds an exclusive `flock` on its part file. The kernel drops the lock
    when the holder's process dies, so a killed worker never leaves an upload locked, and no
    database connection is held while a slow station streams its bytes.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.part"

    def offset(self, upload: Upload) -> int:
        try:
            return self.path(upload.id).stat().st_size
        except FileNotFoundError:
            return 0

    def try_lock(self, upload_id: str, *, create: bool) -> BinaryIO | None:
        """The part file open for appending and locked, or None while someone else holds it.

        Without `create`, FileNotFoundError when there is no part file. The lock is released
        by closing the file.
        """
        path = self.path(upload_id)
        flags = os.O_WRONLY | os.O_APPEND | (os.O_CREAT if create else 0)
        handle = os.fdopen(os.open(path, flags, 0o600), "ab", buffering=0)  # offset = size
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return None
        try:
            same = path.stat().st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # removed (completed or purged) while we waited: start over
            handle.close()
            return self.try_lock(upload_id, create=create)
        return handle

    def lock(self, upload_id: str, *, create: bool = True, wait: float = LOCK_WAIT) -> BinaryIO:
        """`try_lock`, waiting up to `wait` seconds (`409 busy` after that)."""
        deadline = time.monotonic() + wait
        while (handle := self.try_lock(upload_id, create=create)) is None:
            if time.monotonic() > deadline:
                raise ApiError(409, "busy", "Another request is writing this upload; retry.")
            time.sleep(LOCK_POLL)
        return handle

    async def append(
        self,
        pool: Pool,
        upload: Upload,
        offset: int,
        body: AsyncIterator[bytes],
        *,
        final: bool = False,
    ) -> int:
        part = await run_in_threadpool(self.lock, upload.id)
        try:
            have = os.fstat(part.fileno()).st_size
            if have == 0 and not await run_in_threadpool(still_open, pool, upload.id):
                self.path(upload.id).unlink(missing_ok=True)  # purged meanwhile
                raise ApiError(404, "no_upload", f"No upload {upload.id}; declare it again.")
            check_offset(offset, have)
            remaining = upload.size - have
            written = 0
            async for chunk in body:
                if written + len(chunk) > remaining:
                    part.truncate(have + written)
                    raise ApiError(413, "too_large", "More bytes than the declared size.")
                part.write(chunk)
                written += len(chunk)
            if not (final and have + written == upload.size):  # else the receipt acknowledges
                await run_in_threadpool(_sync, part, self.path(upload.id), have == 0)
            return have + written
        finally:
            part.close()

    @contextlib.contextmanager
    def finished(self, pool: Pool, upload: Upload) -> Iterator[Path]:
        try:
            held = self.lock(upload.id, create=False)  # no append meanwhile
        except FileNotFoundError:
            raise ApiError(
                409, "incomplete", f"Only 0 of {upload.size} bytes were received."
            ) from None
        with held:
            have = os.fstat(held.fileno()).st_size
            if have != upload.size:
                raise ApiError(
                    409, "incomplete", f"Only {have} of {upload.size} bytes were received."
                )
            yield self.path(upload.id)

    def transaction(
        self, pool: Pool, upload: Upload
    ) -> contextlib.AbstractContextManager[psycopg.Connection]:
        return pool.connection()  # the lock is a flock: no connection is held meanwhile

    def purge(self, pool: Pool, max_age: datetime.timedelta) -> int:
        return purge(pool, self, max_age)

    def discard_leftover(self, pool: Pool, principal: Principal, sha256: str) -> None:
        """Drop the station's open upload of a package already stored.

        It is what remains when the server stopped between storing a package and removing its
        upload; the station then asks again and gets the receipt.
        """
        with pool.connection(autocommit=True) as conn:
            rows = conn.execute(
                "DELETE FROM upload WHERE station_id = %s AND sha256 = %s RETURNING id",
                (principal.name, sha256),
            ).fetchall()
        for (upload_id,) in rows:
            with contextlib.suppress(FileNotFoundError):
                self.path(upload_id).unlink()

    def discard(self, pool: Pool, upload: Upload) -> None:
        """Forget the upload: its row, then its part file (call with the lock held)."""
        with pool.connection(autocommit=True) as conn:
            conn.execute("DELETE FROM upload WHERE id = %s", (upload.id,))
        with contextlib.suppress(FileNotFoundError):
            self.path(upload.id).unlink()


def check_offset(offset: int, have: int) -> None:
    """409 offset_mismatch (with the server's offset) unless the station resumes at `have`."""
    if offset != have:
        raise ApiError(
            409,
            "offset_mismatch",
            f"The server holds {have} bytes, not {offset}.",
            {"Upload-Offset": str(have)},
        )


def _sync(part: BinaryIO, path: Path, created: bool) -> None:
    """Make the appended bytes durable before their offset is acknowledged."""
    os.fsync(part.fileno())
    if created:
        fsync_path(path.parent)  # the new file's name too


def existing_receipt(pool: Pool, sha256: str, principal: Principal) -> dict[str, Any] | None:
    """The receipt of an already stored package with this hash (idempotency), if any."""
    with pool.connection(autocommit=True) as conn:
        row = conn.execute(
            "SELECT org, receipt FROM package WHERE sha256 = %s", (sha256,)
        ).fetchone()
    if row is None:
        return None
    if row[0] != principal.org:
        raise ApiError(403, "wrong_org", "This package belongs to another organisation.")
    receipt: dict[str, Any] = row[1]
    return receipt


# One round trip: the new row, or (its insert skipped on the conflict) the open one, which
# the statement's snapshot shows as it was before it.
_START = """
WITH made AS (
    INSERT INTO upload (id, station_id, sha256, size, created_at) VALUES (%s, %s, %s, %s, %s)
    ON CONFLICT (station_id, sha256) DO NOTHING RETURNING id, size, received)
SELECT id, size, received FROM made
UNION ALL
SELECT id, size, received FROM upload WHERE station_id = %s AND sha256 = %s
"""


def start(pool: Pool, principal: Principal, sha256: str, size: int) -> Upload:
    """The station's open upload for this package, or a new one."""
    for _ in range(3):  # the open one removed between the insert and the read: once more
        with pool.connection(autocommit=True) as conn:
            row = conn.execute(
                _START,
                (uuid.uuid4().hex, principal.name, sha256, size, now(), principal.name, sha256),
            ).fetchone()
        if row is not None:
            break
    else:
        raise ApiError(409, "busy", "This upload is being completed or removed; retry.")
    if row[1] != size:
        raise ApiError(409, "size_changed", "An upload of this hash with another size is open.")
    return Upload(row[0], principal.name, sha256, size, int(row[2]))


def find(pool: Pool, principal: Principal, upload_id: str) -> Upload:
    """The station's own upload `upload_id` (404 for anyone else's, or once purged)."""
    with pool.connection(autocommit=True) as conn:
        row = conn.execute(
            "SELECT station_id, sha256, size, received FROM upload WHERE id = %s", (upload_id,)
        ).fetchone()
    if row is None or row[0] != principal.name:
        raise ApiError(
            404, "no_upload", f"No upload {upload_id} for this station; declare it again."
        )
    return Upload(upload_id, row[0], row[1], row[2], int(row[3]))


def still_open(pool: Pool, upload_id: str) -> bool:
    """Whether the upload's row is still there (not completed or purged meanwhile)."""
    with pool.connection(autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM upload WHERE id = %s", (upload_id,)).fetchone()
    return row is not None


def purge(pool: Pool, spool: Spool, max_age: datetime.timedelta) -> int:
    """Remove uploads that received no byte for `max_age`, and stray spool entries as old.

    An upload being written (its lock held) is left alone. Returns the uploads removed.
    """
    cutoff = now() - max_age
    with pool.connection(autocommit=True) as conn:
        rows = conn.execute("SELECT id, created_at FROM upload").fetchall()
    removed = 0
    for upload_id, created_at in rows:
        if created_at < cutoff and _remove_if_idle(pool, spool, upload_id, cutoff.timestamp()):
            removed += 1
    known = {f"{r[0]}.part" for r in rows}
    # a crash's leftovers: part files whose row is gone, work folders of an unfinished complete
    for entry in spool.root.iterdir():
        with contextlib.suppress(FileNotFoundError):  # another worker purging too
            if entry.name in known or entry.lstat().st_mtime >= cutoff.timestamp():
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()
    return removed


def _remove_if_idle(pool: Pool, spool: Spool, upload_id: str, cutoff: float) -> bool:
    try:
        handle = spool.try_lock(upload_id, create=False)
    except FileNotFoundError:
        handle = None  # no byte ever arrived
        if spool.path(upload_id).exists():
            return False  # created just now by a first append
    else:
        if handle is None:
            return False  # being written right now
    try:
        if handle is not None and os.fstat(handle.fileno()).st_mtime >= cutoff:
            return False  # bytes arrived recently
        with pool.connection(autocommit=True) as conn:
            conn.execute("DELETE FROM upload WHERE id = %s", (upload_id,))
        with contextlib.suppress(FileNotFoundError):
            spool.path(upload_id).unlink()
        return True
    finally:
        if handle is not None:
            handle.close()
