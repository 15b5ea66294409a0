"""Migration 4: users can be disabled, and must change a password an admin reset."""

from __future__ import annotations

from peewee import SqliteDatabase

# Two columns on `user` (both 0 for existing users, who keep signing in as before).
STATEMENTS = [
    "ALTER TABLE user ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
]


def apply(db: SqliteDatabase) -> None:
    """Add the two columns."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(user)").fetchall()}
    for statement in STATEMENTS:
        if statement.split()[5] not in columns:
            db.execute_sql(statement)
