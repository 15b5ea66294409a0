"""Open the catalog's SQLite file: WAL, full sync, foreign keys, every write BEGIN IMMEDIATE."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from app.catalog.migrations import refuse_newer, stamped_version

DB_NAME = "catalog.sqlite3"
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",  # a commit survives a power cut, not only a crash
    "foreign_keys": 1,
    "busy_timeout": 30000,
}


def open_database(path: Path) -> SqliteDatabase:
    """Connect to the catalog database at `path` (created when absent).

    A file stamped by a newer program is refused before the connection's pragmas (WAL) could
    change a byte of it; a file that is not a database is refused with a clear message.
    """
    refuse_newer(stamped_version(path))
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE", check_same_thread=False)
    db.connect()
    return db
