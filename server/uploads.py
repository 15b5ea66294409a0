"""Resumable uploads (tus-like): declare, append at the acknowledged offset, complete."""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.atomic import fsync_path

from .auth import Principal, now
from .db import Pool
from .errors import ApiError


@dataclass(frozen=True)
class Upload:
    """An upload in progress: whose, which package hash and how many bytes in all."""

    id: str
    station_id: str
    sha256: str
    size: int


class Spool:
    """Partial uploads on local disk (`<storage>/uploads/<id>.part`); the file is the offset."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, upload_id: str) -> Path:
        return self.root / f"{upload_id}.part"

    def offset(self, upload_id: str) -> int:
        try:
            return self.path(upload_id).stat().st_size
        except FileNotFoundError:
            return 0

    def discard_leftover(self, pool: Pool, principal: Principal, sha256: str) -> None:
        """Drop the station's open upload of a package already stored.

        It is what remains when the server stopped between storing a package and removing its
        upload; the station then asks again and gets the receipt.
        """
        with pool.connection() as conn:
            rows = conn.execute(
                "DELETE FROM upload WHERE station_id = %s AND sha256 = %s RETURNING id",
                (principal.name, sha256),
            ).fetchall()
        for (upload_id,) in rows:
            with contextlib.suppress(FileNotFoundError):
                self.path(upload_id).unlink()

    def discard(self, pool: Pool, upload: Upload) -> None:
        with pool.connection() as conn:
            conn.execute("DELETE FROM upload WHERE id = %s", (upload.id,))
        with contextlib.suppress(FileNotFoundError):
            self.path(upload.id).unlink()


def existing_receipt(pool: Pool, sha256: str, principal: Principal) -> dict[str, Any] | None:
    """The receipt of an already stored package with this hash (idempotency), if any."""
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT org, receipt FROM package WHERE sha256 = %s", (sha256,)
        ).fetchone()
    if row is None:
        return None
    if row[0] != principal.org:
        raise ApiError(403, "wrong_org", "This package belongs to another organisation.")
    receipt: dict[str, Any] = row[1]
    return receipt


def start(pool: Pool, principal: Principal, sha256: str, size: int) -> Upload:
    """The station's open upload for this package, or a new one."""
    with pool.connection() as conn:
        conn.execute(
            "INSERT INTO upload (id, station_id, sha256, size, created_at) VALUES (%s,%s,%s,%s,%s)"
            " ON CONFLICT (station_id, sha256) DO NOTHING",
            (uuid.uuid4().hex, principal.name, sha256, size, now()),
        )
        row = conn.execute(
            "SELECT id, size FROM upload WHERE station_id = %s AND sha256 = %s",
            (principal.name, sha256),
        ).fetchone()
    assert row is not None
    if row[1] != size:
        raise ApiError(409, "size_changed", "An upload of this hash with another size is open.")
    return Upload(row[0], principal.name, sha256, size)


def find(pool: Pool, principal: Principal, upload_id: str) -> Upload:
    """The station's own upload `upload_id` (404 for anyone else's)."""
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT station_id, sha256, size FROM upload WHERE id = %s", (upload_id,)
        ).fetchone()
    if row is None or row[0] != principal.name:
        raise ApiError(404, "no_upload", f"No upload {upload_id} for this station.")
    return Upload(upload_id, row[0], row[1], row[2])


def sync_file(path: Path) -> None:
    """fsync an appended part file (before its offset is acknowledged)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_path(path.parent)
