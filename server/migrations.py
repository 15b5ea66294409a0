"""Numbered schema changes after the base schema, each applied once (in order, under the
schema lock of db.create_schema) and recorded in `schema_migration`."""

from __future__ import annotations

import psycopg

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        # partial uploads in object storage: the acknowledged offset, the multipart upload and
        # its parts, the tail shorter than a part (an object of its own), the last byte's time
        """
        ALTER TABLE upload
            ADD COLUMN IF NOT EXISTS received bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS multipart_id text,
            ADD COLUMN IF NOT EXISTS parts jsonb NOT NULL DEFAULT '[]',
            ADD COLUMN IF NOT EXISTS piece bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS touched_at timestamptz;
        """,
    ),
)


def migrate(conn: psycopg.Connection) -> list[int]:
    """Apply the migrations `conn`'s database has not had yet; return their numbers."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " number integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migration").fetchall()}
    applied = []
    for number, statement in MIGRATIONS:
        if number not in done:
            conn.execute(statement)
            conn.execute("INSERT INTO schema_migration (number) VALUES (%s)", (number,))
            applied.append(number)
    return applied
