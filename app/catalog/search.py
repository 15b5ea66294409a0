"""Full-text search: FTS5 over words and adjacent word pairs, folded and exact."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from peewee import SqliteDatabase

from app.catalog.models import SearchFilters, SearchHit, State
from app.catalog.text import fold, nfc

INDEXED_FIELDS = ("docCode", "subject", "organName", "codeNumber", "codeNotation", "keyword")
EXACT_SCORE, FOLDED_SCORE = 2.0, 1.0  # SearchHit.score of each tier
SCAN = 10_000  # with filters, the newest matches read before the filters' indexes take over
# Indexes for the filters (migration 2), used when a filter matches few documents.
FILTER_INDEXES = (
    "CREATE INDEX document_state ON document (state)",
    "CREATE INDEX document_type ON document (type_name)",
    "CREATE INDEX document_issued ON document (issued_date)",
    "CREATE INDEX document_clerk ON document (clerk_id)",
)
# The tokenizer takes every character our words can hold (marks too: SQLite's Unicode tables
# are older than Python's and call a few letters marks), so a term is never split into a
# phrase, which detail=none refuses. "_" joins the words of a pair.
FTS_TABLE = """CREATE VIRTUAL TABLE doc_fts USING fts5(terms, content='', detail=none, columnsize=0,
    tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '_'")"""
_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" joins the two words of a pair


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


def words(text: str) -> list[str]:
    """The lower-case words of `text` (NFC), in order: runs of letters and digits."""
    return _WORD.findall(nfc(text).lower())


def _with_pairs(part: list[str]) -> list[str]:
    return [*part, *(f"{a}_{b}" for a, b in itertools.pairwise(part))]


def index_texts(metadata: Mapping[str, Any], pages: Iterable[str]) -> str:
    """The FTS text indexed for a document: each word and adjacent pair (pairs never span two
    fields or two pages) of its main fields and OCR text, folded, then the exact form of
    those that have diacritics; each term once.

    Contentless FTS needs the same text again to delete a row, so this must stay
    deterministic; a change here needs a migration that rebuilds the index.

    Every word (a run of letters and digits) is a term, and so is every pair of adjacent words
    joined by "_" ("cong_tac"): most Vietnamese words are two syllables, so a two-syllable query is
    one posting-list lookup instead of a phrase query. Folded is without diacritics, đ → d, lower
    case; exact is lower-case NFC ("so_hoa" and "số_hóa"). A folded term never has a diacritic, so
    the two kinds cannot collide and share one column of a contentless `detail=none` FTS5 table
    (rowids only: no positions, columns or sizes are needed).
    """
    parts = [str(metadata[tag]) for tag in INDEXED_FIELDS if metadata.get(tag)]
    exact = [_with_pairs(words(part)) for part in [*parts, *pages]]
    terms = dict.fromkeys(_fold_word(t) for t in itertools.chain.from_iterable(exact))
    terms.update(dict.fromkeys(itertools.chain.from_iterable(exact)))  # adds those with marks
    return " ".join(terms)


def index(db: SqliteDatabase, rowid: int, text: str) -> None:
    db.execute_sql("INSERT INTO doc_fts(rowid, terms) VALUES (?, ?)", (rowid, text))


def unindex(db: SqliteDatabase, rowid: int, text: str) -> None:
    db.execute_sql(
        "INSERT INTO doc_fts(doc_fts, rowid, terms) VALUES ('delete', ?, ?)", (rowid, text)
    )


def quote(token: str) -> str:
    """An FTS5 string: the token in double quotes, inner quotes doubled; never syntax."""
    return '"' + token.replace('"', '""') + '"'


def query_terms(query: str) -> list[str]:
    """The exact (lower-case) terms of a query: its words paired two by two ("số hóa tài liệu"
    → "số_hóa", "tài_liệu"); a lone last word stays a single-word term."""
    found = words(query)
    return ["_".join(found[i : i + 2]) for i in range(0, len(found), 2)]


def match_expressions(query: str) -> list[tuple[str, float]]:
    """The FTS5 MATCH texts of a query's tiers with their scores, best first: the exact tier,
    then folded-only matches (one tier when the query has no diacritics); [] when the
    query holds no word at all.

    Only letters and digits survive (joined by "_") and each term is quoted, so `*`, `"`,
    `NEAR`, `AND`, `title:x` and parentheses are never FTS5 syntax.
    """
    exact_terms = query_terms(query)
    if not exact_terms:
        return []
    folded_terms = [_fold_word(t) for t in exact_terms]
    folded = " AND ".join(quote(t) for t in folded_terms)
    if folded_terms == exact_terms:
        return [(folded, EXACT_SCORE)]
    exact = " AND ".join(quote(t) for t in exact_terms)
    return [(exact, EXACT_SCORE), (f"({folded}) NOT ({exact})", FOLDED_SCORE)]


_SELECT = """SELECT d.doc_code, d.uuid, h.file_code, json_extract(d.metadata, '$.subject'),
    d.type_name, d.issued_date, d.state, d.secret, {score}
    FROM {source} CROSS JOIN hoso h ON h.id = d.hoso_id"""


def _tier(
    db: SqliteDatabase, expression: str, score: float, where: str, params: list[Any], limit: int
) -> list[tuple[Any, ...]]:
    """The newest `limit` documents matching `expression` and the filters.

    First the index drives: CROSS JOIN keeps doc_fts outermost, yielding rowids newest first
    with the filters checked row by row, so SQLite stops as soon as LIMIT is reached. With
    filters, that loop is bounded to the newest SCAN matches; when they hold too few hits
    (a filter that matches few documents), the filter's index drives the rest instead, older
    documents newest first, each tested against the set of matching rowids.
    """
    floor = None
    if where:
        found = db.execute_sql(
            "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (expression, SCAN - 1),
        ).fetchone()
        floor = found[0] if found else None
    source = "doc_fts CROSS JOIN document d ON d.id = doc_fts.rowid"
    sql = _SELECT.format(score=str(score), source=source) + " WHERE doc_fts MATCH ?"
    sql += "" if floor is None else f" AND doc_fts.rowid >= {int(floor)}"
    sql += f" {where} ORDER BY doc_fts.rowid DESC LIMIT ?"
    rows: list[tuple[Any, ...]] = db.execute_sql(sql, [expression, *params, limit]).fetchall()
    if floor is not None and len(rows) < limit:
        sql = _SELECT.format(score=str(score), source="document d")
        sql += f" WHERE d.id < {int(floor)} {where}"
        sql += " AND +d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)"
        sql += " ORDER BY d.id DESC LIMIT ?"
        rows += db.execute_sql(sql, [*params, expression, limit - len(rows)]).fetchall()
    return rows


def search(
    db: SqliteDatabase, query: str, filters: SearchFilters, limit: int = 20
) -> list[SearchHit]:
    """Hits for `query`, best first: exact diacritics before folded matches, newest first in
    each; an empty query lists the newest documents.

    User text is always quoted. Ranking is by tier, newest first inside a tier: documents holding
    every query term with the diacritics typed first (a term typed with no diacritic at all matches
    either way: "so hoa" is one tier), then documents matching only without diacritics. Each tier is
    read from the index in rowid (= document id) order, newest first, with the filters checked in
    the same loop, so SQLite stops after `limit` hits instead of counting and ranking every match.
    """
    where, params = _filters(filters)
    tiers = match_expressions(query)
    rows: list[tuple[Any, ...]] = []
    if not tiers:
        if query.strip():
            return []
        sql = _SELECT.format(score="0.0", source="document d")
        sql += f" WHERE 1 {where} ORDER BY d.id DESC LIMIT ?"
        rows = db.execute_sql(sql, [*params, limit]).fetchall()
    for expression, score in tiers:
        if len(rows) >= limit:
            break
        rows += _tier(db, expression, score, where, params, limit - len(rows))
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
            score=float(r[8]),
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
        clauses.append("d.hoso_id = (SELECT id FROM hoso WHERE file_code = ?)")
        params.append(nfc(filters.hoso))
    if filters.state:
        clauses.append("d.state = ?")
        params.append(str(filters.state))
    if filters.clerk:
        clauses.append("d.clerk_id = (SELECT id FROM user WHERE name = ?)")
        params.append(nfc(filters.clerk))
    return "".join(f" AND {c}" for c in clauses), params
