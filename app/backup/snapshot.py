"""A consistent copy of the catalog database taken with SQLite's online backup API."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.catalog.audit import HEAD_KEY
from app.catalog.backup_state import FINGERPRINT_SQL, fingerprints
from app.errors import InputError

BUSY_MS = 30000


@dataclass(frozen=True)
class Facts:
    """What the snapshot holds, read from it (never from the live database)."""

    organisation: dict[str, str]
    schema: int
    audit_head: str
    documents: int
    blobs: tuple[tuple[str, int], ...]  # (sha256, size) of every stored file
    hoso: dict[str, str]


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=BUSY_MS / 1000)
    try:
        yield conn
    finally:
        conn.close()


def take(database: Path, out: Path) -> None:
    """Copy the live `database` to `out` (a self-contained file, not in WAL mode).

    The copy is made in one step under a read transaction: in WAL mode the desk keeps writing
    meanwhile, and the copy holds exactly the commits made before it began. Every blob row in it
    names a file already in the store (the store is written before the row is committed).
    """
    if not database.is_file():
        raise InputError(
            f"No catalog database at {database}.",
            hint="Give the catalog folder with --catalog (the folder holding catalog.sqlite3).",
        )
    with _connect(database) as source, _connect(out) as copy:
        source.backup(copy)  # pages=-1: the whole database in one step, one read transaction
        copy.execute("PRAGMA journal_mode=DELETE")
        problems = [r[0] for r in copy.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise InputError(
            f"The catalog database is damaged: {'; '.join(problems[:3])}",
            hint="Run scanstation fsck; restore the last backup if it cannot be repaired.",
            code="catalog.damaged", params={"path": str(database)},
        )


def read(snapshot: Path) -> Facts:
    """The organisation, schema, audit head, documents, stored files and hồ sơ of a snapshot."""
    with _connect(snapshot) as conn:
        org = conn.execute("SELECT name, code, profile FROM organisation").fetchone()
        if org is None:
            raise InputError(
                "The catalog has no organisation yet: there is nothing to back up.",
                hint="Set up the station first (scanstation catalog init).",
                code="catalog.not_initialised",
            )
        head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
        return Facts(
            organisation={"name": org[0], "code": org[1], "profile": org[2]},
            schema=int(conn.execute("PRAGMA user_version").fetchone()[0]),
            audit_head=head[0] if head else "",
            documents=int(conn.execute("SELECT COUNT(*) FROM document").fetchone()[0]),
            blobs=tuple(conn.execute("SELECT sha256, size FROM blob ORDER BY sha256").fetchall()),
            hoso=fingerprints(conn.execute(FINGERPRINT_SQL).fetchall()),
        )
