"""The catalog facade: the one writer of the database and the file store, made of its concerns."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from app.catalog.accounts import Accounts
from app.catalog.db import DB_NAME, open_database
from app.catalog.exchange import Exchange
from app.catalog.integrity import Integrity
from app.catalog.migrations import migrate
from app.catalog.rows import ROWS


class Catalog(Accounts, Exchange, Integrity):
    """One catalog folder: `catalog.sqlite3`, `store/` (files by SHA-256) and `backups/`.

    Open it with `with Catalog.open(folder) as catalog:`; every method returns frozen
    dataclasses. Methods may be called from worker threads (one connection per thread).
    Its methods come from its concerns: accounts (organisation, users), records (hồ sơ,
    batches, documents, workflow, search; in `Exchange`), exchange (export, import, outbox)
    and integrity (fsck, audit chain).
    """

    @classmethod
    def open(cls, folder: Path) -> Catalog:
        """Open (creating or migrating as needed) the catalog in `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        db = open_database(folder / DB_NAME)
        try:
            migrate(db, folder / DB_NAME, folder / "backups")
        except BaseException:
            db.close()
            raise
        db.bind(ROWS)
        return cls(folder, db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
