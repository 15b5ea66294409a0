"""Migration 3: the sync outbox, one row per document version to send up, with its receipt."""

from __future__ import annotations

from peewee import SqliteDatabase

# It depends on nothing but the `document` table of migration 1 (IF NOT EXISTS keeps it safe to run
# on a catalog where another branch created the table already).
STATEMENTS = [
    """CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES document(id), version_key TEXT NOT NULL,
        state TEXT NOT NULL, package_sha256 TEXT NOT NULL DEFAULT '',
        package_size INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT '', receipt TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        UNIQUE (document_id, version_key))""",
    "CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, id)",
]


def apply(db: SqliteDatabase) -> None:
    """Create the outbox table."""
    for statement in STATEMENTS:
        db.execute_sql(statement)
