"""Partial uploads in object storage: one S3 multipart upload per package."""

from __future__ import annotations

import contextlib
import datetime
import json
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import psycopg
from botocore.exceptions import BotoCoreError, ClientError
from starlette.concurrency import run_in_threadpool

from .auth import Principal, now
from .db import Pool
from .errors import ApiError
from .s3store import S3Store, missing
from .uploads import Upload, check_offset

MiB = 1 << 20
PART_MIN = 5 * MiB  # S3: every part but the last is at least 5 MiB
PART_MAX = 64 * MiB  # bytes sent to the store in one UploadPart
BUFFER = 16 * MiB  # a request's bytes beyond this wait in a temp file, not in memory
LOCK_WAIT = "10s"  # how long a request waits for another writer of the same upload


class StoreUnavailable(ApiError):
    """The object store did not answer: 503, the station retries later; nothing is lost."""

    def __init__(self, err: Exception) -> None:
        super().__init__(
            503, "storage_unavailable", f"The object store did not answer ({err}); retry later."
        )


@dataclass
class _Held:
    """An upload being completed: the transaction holding its row's lock, and whether the
    completion removed the upload in it."""

    conn: psycopg.Connection
    gone: bool = False


class S3Spool:
    """The bytes of an upload are acknowledged once they are in the store and its row says so.

    Parts of at least 5 MiB go to the multipart upload `uploads/<id>`; a shorter tail (a
    dropped connection, a small package) is kept as the object `uploads/<id>.piece` until more
    bytes make a part of it or the upload ends. Every change happens while the request holds
    the row's lock (`SELECT … FOR UPDATE`), taken only after the station's bytes have all
    arrived, so no database connection waits on a slow station; a process that dies releases
    its lock with its connection. A tail object written just before a crash is only ever a
    longer version of the one the row describes, so its first `piece` bytes stay right.

    The offsets are kept in PostgreSQL under row locks, so any server process on any machine can
    take an upload over.
    """

    def __init__(self, store: S3Store, pool: Pool, root: Path) -> None:
        self.store = store
        self.s3 = store.s3
        self.bucket = store.bucket
        self.pool = pool
        self.root = root
        self._held: dict[str, _Held] = {}  # uploads being completed: their locked transaction
        root.mkdir(parents=True, exist_ok=True)

    def key(self, upload_id: str) -> str:
        return f"{self.store.settings.prefix}uploads/{upload_id}"

    def offset(self, upload: Upload) -> int:
        return upload.received  # its row's, read with it

    async def append(
        self,
        pool: Pool,
        upload: Upload,
        offset: int,
        body: AsyncIterator[bytes],
        *,
        final: bool = False,
    ) -> int:
        check_offset(offset, upload.received)  # again under the row's lock once bytes are in
        remaining = upload.size - offset
        with tempfile.SpooledTemporaryFile(max_size=BUFFER, dir=str(self.root)) as buffer:
            written = 0
            async for chunk in body:
                if written + len(chunk) > remaining:
                    raise ApiError(413, "too_large", "More bytes than the declared size.")
                buffer.write(chunk)
                written += len(chunk)
            buffer.seek(0)
            return await run_in_threadpool(self._store, upload, offset, buffer, written, final)

    def _store(
        self, upload: Upload, offset: int, buffer: IO[bytes], written: int, final: bool
    ) -> int:
        whole = offset == 0 and written == upload.size  # the whole package in this request
        if whole and final:  # completed at once from this copy: nothing goes to the store
            self._keep(upload.id, buffer)
            return written
        end = self._commit(upload, offset, buffer, written)
        if whole:
            self._keep(upload.id, buffer)
        return end

    def _local(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.whole"

    def _keep(self, upload_id: str, buffer: IO[bytes]) -> None:
        """Keep a copy of a package that arrived whole, so that its completion in this process
        reads it here instead of getting it back from the store (after its row says so), or
        without it ever going to the store (the station asked to complete in the same
        request: its receipt is then the only acknowledgement). Not fsynced, removed by the
        completion, the discard or the purge."""
        buffer.seek(0)
        temp = self.root / f"{upload_id}.whole-tmp"
        with temp.open("wb") as out:
            shutil.copyfileobj(buffer, out, MiB)
        temp.replace(self._local(upload_id))

    def _commit(self, upload: Upload, offset: int, buffer: IO[bytes], written: int) -> int:
        try:
            with self._locked(upload.id) as (conn, row):
                check_offset(offset, row["received"])
                if written == 0:
                    return offset
                end = offset + written
                state = self._write(upload, row, buffer, end == upload.size)
                conn.execute(
                    "UPDATE upload SET received = %s, multipart_id = %s, parts = %s, piece = %s,"
                    " touched_at = %s WHERE id = %s",
                    (
                        end,
                        state["multipart_id"],
                        json.dumps(state["parts"]),
                        state["piece"],
                        now(),
                        upload.id,
                    ),
                )
                return end
        except (BotoCoreError, ClientError) as err:
            raise StoreUnavailable(err) from err

    @contextlib.contextmanager
    def _locked(self, upload_id: str) -> Iterator[tuple[psycopg.Connection, dict[str, Any]]]:
        """The upload's row, locked for this transaction (409 busy after LOCK_WAIT)."""
        with self.pool.connection() as conn:
            try:
                with conn.pipeline():  # the two statements in one round trip
                    conn.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
                    cursor = conn.execute(
                        "SELECT received, multipart_id, parts, piece FROM upload"
                        " WHERE id = %s FOR UPDATE",
                        (upload_id,),
                    )
            except psycopg.errors.LockNotAvailable:
                raise ApiError(
                    409, "busy", "Another request is writing this upload; retry."
                ) from None
            found = cursor.fetchone()
            if found is None:
                raise ApiError(404, "no_upload", f"No upload {upload_id}; declare it again.")
            names = ("received", "multipart_id", "parts", "piece")
            yield conn, dict(zip(names, found, strict=True))

    def _write(
        self, upload: Upload, row: dict[str, Any], buffer: IO[bytes], final: bool
    ) -> dict[str, Any]:
        """Send the held tail plus the new bytes: parts of ≥ 5 MiB, the rest as the tail."""
        key = self.key(upload.id)
        parts: list[dict[str, Any]] = list(row["parts"])
        multipart_id: str | None = row["multipart_id"]
        tail = self._piece(upload.id, row["piece"])
        pending = tail + buffer.read(PART_MAX - len(tail))
        while pending:
            more = buffer.read(PART_MAX)
            last = not more
            if len(pending) < PART_MIN and last and not final:
                self.s3.put_object(Bucket=self.bucket, Key=key + ".piece", Body=pending)
                return {"multipart_id": multipart_id, "parts": parts, "piece": len(pending)}
            if multipart_id is None and last and final:  # the whole package at once: one PUT
                self.s3.put_object(Bucket=self.bucket, Key=key, Body=pending)
                return {"multipart_id": None, "parts": [], "piece": 0}
            if multipart_id is None:
                multipart_id = self.s3.create_multipart_upload(Bucket=self.bucket, Key=key)[
                    "UploadId"
                ]
            number = len(parts) + 1
            answer = self.s3.upload_part(
                Bucket=self.bucket,
                Key=key,
                UploadId=multipart_id,
                PartNumber=number,
                Body=pending,
            )
            parts.append({"PartNumber": number, "ETag": answer["ETag"]})
            pending = more
        return {"multipart_id": multipart_id, "parts": parts, "piece": 0}

    def _piece(self, upload_id: str, size: int) -> bytes:
        if size == 0:
            return b""
        answer = self.s3.get_object(
            Bucket=self.bucket, Key=self.key(upload_id) + ".piece", Range=f"bytes=0-{size - 1}"
        )
        data: bytes = answer["Body"].read()
        if len(data) != size:
            raise ApiError(500, "tail_missing", "The stored tail of this upload is short.")
        return data

    @contextlib.contextmanager
    def finished(self, pool: Pool, upload: Upload) -> Iterator[Path]:
        """Assemble the multipart upload, copy it to a local work file (or take this
        process's copy); the row stays locked until the caller is done, and its `transaction`
        and `discard` meanwhile go through the same transaction, which commits even when the
        caller then refuses the package. The objects go once that has committed."""
        refusal: ApiError | None = None
        held: _Held | None = None
        multipart_id: str | None = None  # one left to abort once the upload is removed
        stored = True  # whether any byte of it went to the store
        try:
            with self._locked(upload.id) as (conn, row):  # commits when the block ends
                work = Path(tempfile.mkdtemp(dir=self.root))
                self._held[upload.id] = held = _Held(conn)
                stored = row["received"] > 0
                try:
                    local = work / "package.zip"
                    if self._take_local(upload, local):  # every byte, whatever the row says
                        multipart_id = row["multipart_id"]
                    elif row["received"] != upload.size:
                        raise ApiError(
                            409,
                            "incomplete",
                            f"Only {row['received']} of {upload.size} bytes were received.",
                        )
                    else:
                        self._assemble(upload.id, row)
                        answer = self.s3.get_object(Bucket=self.bucket, Key=self.key(upload.id))
                        with local.open("wb") as out:
                            shutil.copyfileobj(answer["Body"], out, MiB)
                    yield local
                except ApiError as err:
                    refusal = err
                finally:
                    self._held.pop(upload.id, None)
                    shutil.rmtree(work, ignore_errors=True)
        except (BotoCoreError, ClientError) as err:
            raise StoreUnavailable(err) from err
        if held is not None and held.gone:  # its removal committed: now the objects
            self._remove_objects(upload.id, multipart_id, stored=stored)
        if refusal is not None:
            raise refusal

    def _take_local(self, upload: Upload, target: Path) -> bool:
        """Move this process's copy of the package (`_keep`) to `target`, if there is one
        with the declared size (the completion checks its SHA-256 as it checks any)."""
        kept = self._local(upload.id)
        try:
            kept.replace(target)
        except FileNotFoundError:
            return False
        if target.stat().st_size == upload.size:
            return True
        target.unlink()
        return False

    @contextlib.contextmanager
    def transaction(self, pool: Pool, upload: Upload) -> Iterator[psycopg.Connection]:
        """The new rows of a completion go into the transaction that holds the upload's lock
        (a savepoint in it): one connection per completion, committed with the upload's
        removal, so the package rows and the upload's end are one change."""
        held = self._held.get(upload.id)
        if held is None:
            with pool.connection() as conn:
                yield conn
            return
        with held.conn.transaction():
            yield held.conn

    def _assemble(self, upload_id: str, row: dict[str, Any]) -> None:
        """Complete the multipart upload, unless an earlier attempt (cut short) did or the
        package went up whole in one PUT (no multipart upload then)."""
        key = self.key(upload_id)
        if row["multipart_id"] is None:
            return
        try:
            self.s3.complete_multipart_upload(
                Bucket=self.bucket,
                Key=key,
                UploadId=row["multipart_id"],
                MultipartUpload={"Parts": row["parts"]},
            )
        except ClientError as err:
            if not missing(err):
                raise
            self.s3.head_object(Bucket=self.bucket, Key=key)  # assembled before: it is there

    def discard(self, pool: Pool, upload: Upload) -> None:
        """Forget the upload: its row, then its objects (the multipart upload aborted)."""
        held = self._held.get(upload.id)
        if held is not None:  # during `finished`: its objects go once the removal commits
            held.conn.execute("DELETE FROM upload WHERE id = %s", (upload.id,))
            held.gone = True
            return
        with self.pool.connection(autocommit=True) as conn:
            row = conn.execute(
                "DELETE FROM upload WHERE id = %s RETURNING multipart_id", (upload.id,)
            ).fetchone()
        if row is not None:
            self._remove_objects(upload.id, row[0])

    def _remove_objects(
        self, upload_id: str, multipart_id: str | None, *, stored: bool = True
    ) -> None:
        """Its objects in the store (none when no byte of it was `stored` there: completed
        from this process's copy as it arrived), and that copy, if any."""
        self._local(upload_id).unlink(missing_ok=True)
        if not stored:
            return
        key = self.key(upload_id)
        with contextlib.suppress(ClientError, BotoCoreError):  # NoSuchUpload once assembled
            if multipart_id:
                self.s3.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=multipart_id)
        # one request for the package and its tail; the store away: the lifecycle rule's work
        with contextlib.suppress(ClientError, BotoCoreError):
            self.s3.delete_objects(
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": key}, {"Key": key + ".piece"}], "Quiet": True},
            )

    def discard_leftover(self, pool: Pool, principal: Principal, sha256: str) -> None:
        with self.pool.connection(autocommit=True) as conn:
            rows = conn.execute(
                "DELETE FROM upload WHERE station_id = %s AND sha256 = %s"
                " RETURNING id, multipart_id",
                (principal.name, sha256),
            ).fetchall()
        for upload_id, multipart_id in rows:
            self._remove_objects(upload_id, multipart_id)

    def purge(self, pool: Pool, max_age: datetime.timedelta) -> int:
        """Remove uploads that received no byte for `max_age` (rows being written are
        skipped). Objects of a crash between a write and its row's update are a bucket
        lifecycle rule's work (docs/server.md)."""
        cutoff = now() - max_age
        removed = 0
        with self.pool.connection() as conn:
            rows = conn.execute(
                "DELETE FROM upload WHERE id IN (SELECT id FROM upload"
                " WHERE coalesce(touched_at, created_at) < %s FOR UPDATE SKIP LOCKED)"
                " RETURNING id, multipart_id",
                (cutoff,),
            ).fetchall()
        for upload_id, multipart_id in rows:
            self._remove_objects(upload_id, multipart_id)
            removed += 1
        # kept copies of packages never completed, work folders of a killed completion
        for entry in self.root.iterdir():
            with contextlib.suppress(FileNotFoundError):  # another process purging too
                if entry.lstat().st_mtime >= cutoff.timestamp():
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink()
        return removed
