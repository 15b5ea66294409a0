"""Full-text search: FTS5 over a diacritic-folded and an exact copy, user text always quoted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from peewee import SqliteDatabase

from app.catalog.models import SearchFilters, SearchHit, State
from app.catalog.text import fold, nfc

INDEXED_FIELDS = ("docCode", "subject", "organName", "codeNumber", "codeNotation", "keyword")
FOLDED_WEIGHT, EXACT_WEIGHT = 1.0, 50.0  # an exact-diacritic match outranks folded matches
_WORD = re.compile(r"\w")


def index_texts(metadata: Mapping[str, Any], pages: Iterable[str]) -> tuple[str, str]:
    """The (folded, exact) texts indexed for a document: its main fields then its OCR text.

    Contentless FTS needs the same texts again to delete a row, so this must stay
    deterministic; a change here needs a migration that rebuilds the index.
    """
    parts = [str(metadata[tag]) for tag in INDEXED_FIELDS if metadata.get(tag)]
    exact = nfc("\n".join([*parts, *pages]))
    return fold(exact), exact


def index(db: SqliteDatabase, rowid: int, texts: tuple[str, str]) -> None:
    db.execute_sql("INSERT INTO doc_fts(rowid, folded, exact) VALUES (?, ?, ?)", (rowid, *texts))


def unindex(db: SqliteDatabase, rowid: int, texts: tuple[str, str]) -> None:
    db.execute_sql(
        "INSERT INTO doc_fts(doc_fts, rowid, folded, exact) VALUES ('delete', ?, ?, ?)",
        (rowid, *texts),
    )


def quote(token: str) -> str:
    """An FTS5 string: the token in double quotes, inner quotes doubled; never syntax."""
    return '"' + token.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a user's query, or None when it holds no word at all.

    Whitespace-separated pieces become quoted phrases (so `*`, `"`, `NEAR`, `AND`,
    `title:x` and parentheses are plain text); all phrases must match the folded column,
    and the same phrases with their diacritics are OR-ed on the exact column for ranking.
    """
    pieces = [p for p in nfc(query).split() if _WORD.search(p)]
    if not pieces:
        return None
    # Most Vietnamese words are two syllables: "số hóa tài liệu" is the words "số hóa" and
    # "tài liệu", so adjacent pieces are paired into phrases (a lone last piece stays alone).
    words = [" ".join(pieces[i : i + 2]) for i in range(0, len(pieces), 2)]
    folded = " AND ".join(f"folded:{quote(fold(w))}" for w in words)
    exact = " AND ".join(f"exact:{quote(w.lower())}" for w in words)
    return f"({folded}) OR ({exact})"


_SELECT = """SELECT d.doc_code, d.uuid, h.file_code, json_extract(d.metadata, '$.subject'),
    d.type_name, d.issued_date, d.state, d.secret, {score}
    FROM {source} JOIN hoso h ON h.id = d.hoso_id"""


def search(
    db: SqliteDatabase, query: str, filters: SearchFilters, limit: int = 20
) -> list[SearchHit]:
    """Ranked hits for `query` (best first); an empty query lists the newest documents."""
    where, params = _filters(filters)
    expression = match_expression(query)
    if expression is None:
        if query.strip():
            return []
        sql = _SELECT.format(score="0.0", source="document d")
        sql += f" WHERE 1 {where} ORDER BY d.id DESC LIMIT ?"
        rows = db.execute_sql(sql, [*params, limit]).fetchall()
    else:
        score = f"bm25(doc_fts, {FOLDED_WEIGHT}, {EXACT_WEIGHT})"
        sql = _SELECT.format(score=score, source="doc_fts JOIN document d ON d.id = doc_fts.rowid")
        sql += f" WHERE doc_fts MATCH ? {where} ORDER BY {score} LIMIT ?"
        rows = db.execute_sql(sql, [expression, *params, limit]).fetchall()
    return [
        SearchHit(
            doc_code=r[0],
            uuid=r[1],
            hoso_code=r[2],
            subject=r[3] or "",
            type_name=r[4],
            issued_date=r[5],
            state=State(r[6]),
            secret=bool(r[7]),
            score=-float(r[8]),
        )
        for r in rows
    ]


def _filters(filters: SearchFilters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.type_name:
        clauses.append("d.type_name = ?")
        params.append(filters.type_name)
    if filters.date_from:
        clauses.append("d.issued_date >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("d.issued_date <= ?")
        params.append(filters.date_to)
    if filters.hoso:
        clauses.append("h.file_code = ?")
        params.append(nfc(filters.hoso))
    if filters.state:
        clauses.append("d.state = ?")
        params.append(str(filters.state))
    if filters.clerk:
        clauses.append("d.clerk_id = (SELECT id FROM user WHERE name = ?)")
        params.append(nfc(filters.clerk))
    return "".join(f" AND {c}" for c in clauses), params
