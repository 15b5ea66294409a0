"""What every concern of the catalog works on: the folder, its database and its file store."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from app.catalog.store import ContentStore


class CatalogBase:
    """One catalog folder: `catalog.sqlite3`, `store/` (files by SHA-256) and `backups/`."""

    def __init__(self, folder: Path, db: SqliteDatabase) -> None:
        self.folder = folder
        self.db = db
        self.store = ContentStore(folder / "store")
