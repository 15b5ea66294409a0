"""Migration 2: the search index holds words and adjacent word pairs, rowids only."""

from __future__ import annotations

import json

from peewee import SqliteDatabase

from app.catalog import search

BATCH = 2000


def apply(db: SqliteDatabase) -> None:
    """Replace doc_fts, index every document again, add the filter indexes (one transaction).

    Version 1 indexed the folded and exact texts with positions and searched phrases ranked by bm25
    over every match (too slow on a million documents). The new `doc_fts` (see `search.FTS_TABLE`)
    is rebuilt from the documents' metadata and page texts; the old table is contentless, so it is
    dropped rather than read. Indexes on the filtered columns (state, type, issued date, clerk) let
    a filter that matches few documents drive the search.
    """
    db.execute_sql("DROP TABLE IF EXISTS doc_fts")
    db.execute_sql(search.FTS_TABLE)
    for statement in search.FILTER_INDEXES:
        db.execute_sql(statement)
    last = 0
    while True:
        docs = db.execute_sql(
            "SELECT id, metadata FROM document WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)
        ).fetchall()
        if not docs:
            break
        first, last = docs[0][0], docs[-1][0]
        pages: dict[int, list[str]] = {}
        for doc_id, text in db.execute_sql(
            "SELECT document_id, text FROM page WHERE document_id BETWEEN ? AND ? "
            "ORDER BY document_id, number",
            (first, last),
        ):
            pages.setdefault(doc_id, []).append(text)
        db.cursor().executemany(
            "INSERT INTO doc_fts(rowid, terms) VALUES (?, ?)",
            [
                (doc_id, search.index_texts(json.loads(meta), pages.get(doc_id, [])))
                for doc_id, meta in docs
            ],
        )
    db.execute_sql("INSERT INTO doc_fts(doc_fts) VALUES ('optimize')")
