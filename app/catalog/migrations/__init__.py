"""Numbered schema migrations, stamped in PRAGMA user_version; the file is backed up first."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from app.catalog.errors import CatalogTooNew
from app.errors import InputError

from . import m0001_initial, m0002_pair_terms, m0003_outbox, m0004_user_state

Migration = Callable[[SqliteDatabase], None]
MIGRATIONS: tuple[Migration, ...] = (
    m0001_initial.apply,
    m0002_pair_terms.apply,
    m0003_outbox.apply,
    m0004_user_state.apply,
)
LATEST = len(MIGRATIONS)


def schema_version(db: SqliteDatabase) -> int:
    """The version stamped in the database file (0 for a new file)."""
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def stamped_version(db_path: Path) -> int:
    """The version stamped in the file, read without writing anything: no lock, no -wal/-shm.

    0 when the file is absent or empty; InputError when it is not an SQLite database.
    """
    if not db_path.is_file():
        return 0
    try:
        con = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            return int(con.execute("PRAGMA user_version").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        raise InputError(
            f"The catalog database {db_path} is damaged or is not a catalog ({err}).",
            hint="Leave the file as it is and run `scanstation doctor`: it says which backup "
            "to restore.",
            code="catalog.damaged", params={"path": str(db_path)},
        ) from err


def refuse_newer(found: int) -> None:
    """Raise CatalogTooNew when `found` is a schema version this program does not know."""
    if found > LATEST:
        raise CatalogTooNew(
            f"This catalog has schema version {found}; this program knows only up to {LATEST}: "
            "it was written by a newer version of the scanning station.",
            hint="Install that newer version (or a later one) to open it; "
            "the catalog was left untouched.",
            code="catalog.too_new", params={"found": found, "latest": LATEST},
        )


def migrate(db: SqliteDatabase, db_path: Path, backups: Path) -> int:
    """Bring the schema to LATEST; return the version found before.

    A catalog stamped with a newer version is refused untouched (CatalogTooNew). Before
    migrating a catalog that holds data, it is copied to `backups` with the SQLite backup API.
    Each migration and its stamp commit together, so a crash leaves the old or the new schema.
    """
    found = schema_version(db)
    refuse_newer(found)
    if found == LATEST:
        return found
    if found > 0:
        backup(db_path, backups, found)
    for number in range(found + 1, LATEST + 1):
        with db.atomic():  # BEGIN IMMEDIATE: another process may have migrated meanwhile
            if schema_version(db) >= number:
                continue
            MIGRATIONS[number - 1](db)
            db.execute_sql(f"PRAGMA user_version = {number}")
    return found


def backup(db_path: Path, backups: Path, version: int) -> Path:
    """Copy the database (consistently, WAL included) to backups/; return the copy's path."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"catalog-v{version}-{stamp}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
