"""Migration 1: organisation, users, hồ sơ, documents, files, pages, audit, FTS."""

from __future__ import annotations

from peewee import SqliteDatabase

STATEMENTS = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE organisation (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL,
        profile TEXT NOT NULL, created_at TEXT NOT NULL)""",
    """CREATE TABLE user (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL DEFAULT '', roles TEXT NOT NULL, password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
    """CREATE TABLE hoso (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        file_code TEXT NOT NULL UNIQUE, profile TEXT NOT NULL, title TEXT NOT NULL,
        metadata TEXT NOT NULL, secret INTEGER NOT NULL, next_number INTEGER NOT NULL,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE batch (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        clerk_id INTEGER NOT NULL REFERENCES user(id), device TEXT NOT NULL,
        settings TEXT NOT NULL, started_at TEXT NOT NULL)""",
    """CREATE TABLE blob (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL,
        created_at TEXT NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE document (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        hoso_id INTEGER NOT NULL REFERENCES hoso(id), number INTEGER NOT NULL,
        doc_code TEXT NOT NULL UNIQUE, metadata TEXT NOT NULL, type_name TEXT NOT NULL,
        issued_date TEXT NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL,
        secret INTEGER NOT NULL, clerk_id INTEGER NOT NULL REFERENCES user(id),
        batch_id INTEGER REFERENCES batch(id), page_count INTEGER NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (hoso_id, number))""",
    """CREATE TABLE file (id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES document(id), version INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blob(sha256), kind TEXT NOT NULL,
        created_at TEXT NOT NULL, UNIQUE (document_id, version))""",
    "CREATE INDEX file_sha256 ON file (sha256)",
    """CREATE TABLE page (document_id INTEGER NOT NULL REFERENCES document(id),
        number INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (document_id, number))
        WITHOUT ROWID""",
    """CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL,
        action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    # folded: diacritic-free copy for matching; exact: NFC text, weighted higher in bm25.
    """CREATE VIRTUAL TABLE doc_fts USING fts5(folded, exact, content='',
        tokenize='unicode61 remove_diacritics 0')""",
]


def apply(db: SqliteDatabase) -> None:
    """Create the first schema."""
    for statement in STATEMENTS:
        db.execute_sql(statement)
