"""The web catalog's reading side: filtered search, one document, a hồ sơ's packages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import psycopg

from app.catalog.text import fold
from server.db import Pool

PAGE = 20
CAP = 1000  # matches counted at most ("hơn 1.000 kết quả" beyond)
WALK = 2000  # newest rows looked at in order before the words' index is asked instead
EXTEND = 4  # a word the walk found a few times: walk on up to this many times as far
NARROW_ORGS = 16  # up to this many organisations are each walked newest-first and merged
STATES = {"first": "Chỉ có bản đầu", "updated": "Đã cập nhật (nhiều phiên bản)"}
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_US = datetime.timedelta(microseconds=1)
_KEY = "v.received_at DESC, v.document_uuid DESC"


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the last hit's reception time and document (keyset paging)."""

    at: datetime.datetime
    uuid: str

    def token(self) -> str:
        return f"{(self.at - _EPOCH) // _US}~{self.uuid}"

    @classmethod
    def parse(cls, token: str) -> Cursor | None:
        """The cursor of `token`, or None when it is not one."""
        micros, _, uuid = token.partition("~")
        if not micros.isdigit() or not uuid or len(micros) > 18:
            return None
        return cls(_EPOCH + int(micros) * _US, uuid)


@dataclass(frozen=True)
class Filters:
    """What the search form asks; empty strings are "any"."""

    q: str = ""
    hoso: str = ""
    type_name: str = ""
    date_from: datetime.datetime | None = None  # received on or after (Vietnam time)
    date_to: datetime.datetime | None = None  # received before
    state: str = ""
    after: Cursor | None = None  # the page after this hit


@dataclass(frozen=True)
class Hit:
    """One search result: the newest version of a document."""

    uuid: str
    org: str
    doc_code: str
    hoso_code: str
    version: int
    subject: str
    received_at: datetime.datetime
    type_name: str
    issued_date: str


@dataclass(frozen=True)
class Page:
    """One page of hits, newest first."""

    hits: list[Hit]
    next: Cursor | None  # where the next page starts; None on the last page
    total: int  # how many documents match, counted up to CAP
    capped: bool  # more than CAP match


def _conditions(
    readable: set[str] | None, f: Filters, args: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """The conditions an index walks (newest versions, organisations, type, dates) and the
    ones checked on each row walked (words, hồ sơ, state); fills `args`."""
    walk = ["v.current"]
    if readable is not None:
        walk.append("v.org = ANY(%(orgs)s)")
        args["orgs"] = sorted(readable)
    if f.type_name:
        walk.append("v.metadata->>'typeName' = %(type)s")
        args["type"] = f.type_name
    if f.date_from:
        walk.append("v.received_at >= %(from)s")
        args["from"] = f.date_from
    if f.date_to:
        walk.append("v.received_at < %(to)s")
        args["to"] = f.date_to
    match = []
    words = fold(f.q).strip()
    if words:
        match.append("v.search @@ plainto_tsquery('simple', %(q)s)")
        args["q"] = words
    if f.hoso:
        match.append("v.document_uuid IN (SELECT uuid FROM document WHERE hoso_code = %(hoso)s)")
        args["hoso"] = f.hoso
    if f.state == "first":
        match.append("v.version = 1")
    elif f.state == "updated":
        match.append("v.version > 1")
    return walk, match


def _before(args: dict[str, Any], cursor: Cursor | None, name: str) -> list[str]:
    if cursor is None:
        return []
    args[f"{name}_at"], args[f"{name}_id"] = cursor.at, cursor.uuid
    return [f"(v.received_at, v.document_uuid) < (%({name}_at)s, %({name}_id)s)"]


def _walk(
    conn: psycopg.Connection,
    readable: set[str] | None,
    walk: list[str],
    match: list[str],
    args: dict[str, Any],
    size: int,
) -> tuple[list[tuple[datetime.datetime, str]], Cursor | None, int]:
    """The first hits among the `size` newest rows the walk conditions keep (each
    organisation of a small scope walked on its own index, merged), where the walk stopped
    (None when it saw every row) and how many of the rows it saw match."""
    hit = " AND ".join(match) or "true"
    if readable is not None and len(readable) <= NARROW_ORGS:
        rest = " AND ".join(c for c in walk if not c.startswith("v.org "))
        branches = []
        for n, org in enumerate(sorted(readable)):
            args[f"o{n}"] = org
            branches.append(
                f"(SELECT v.received_at, v.document_uuid, {hit} AS hit FROM version v"
                f" WHERE {rest} AND v.org = %(o{n})s ORDER BY {_KEY} LIMIT %(walk)s)"
            )
        source = f"SELECT * FROM ({' UNION ALL '.join(branches)}) v"
    else:
        source = (
            f"SELECT v.received_at, v.document_uuid, {hit} AS hit FROM version v"
            f" WHERE {' AND '.join(walk)}"
        )
    # An ordered index walk, stopped after `size` rows, even where the planner would rather
    # fetch everything the filters keep and sort it (it cannot know how soon the words match).
    # (jit off: the planner's penalty for a disabled sort would make it compile the query)
    conn.execute(
        "SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off; SET LOCAL jit = off;"
        " SET LOCAL enable_indexscan = on"
    )
    found = conn.execute(
        f"WITH w AS MATERIALIZED ({source} ORDER BY {_KEY} LIMIT %(walk)s)"
        " (SELECT received_at, document_uuid, 0, 0 FROM w WHERE hit"
        " ORDER BY received_at DESC, document_uuid DESC LIMIT %(want)s)"
        " UNION ALL (SELECT received_at, document_uuid, (SELECT count(*) FROM w),"
        " (SELECT count(*) FROM w WHERE hit) FROM w"
        " ORDER BY received_at, document_uuid LIMIT 1)",
        args | {"walk": size},
    ).fetchall()
    tail = found.pop() if found and found[-1][2] else None
    hits = [(r[0], r[1]) for r in found]
    if tail is None:
        return hits, None, 0
    return hits, (Cursor(tail[0], tail[1]) if tail[2] == size else None), int(tail[3])


def _in_words_index(args: dict[str, Any]) -> list[str]:
    """The organisations again, as the words' GIN index takes them in the same scan (it
    cannot take `= ANY`; migration 5)."""
    return ["ARRAY[v.org] && %(orgs)s::text[]"] if "orgs" in args else []


def _older(
    conn: psycopg.Connection, cond: list[str], args: dict[str, Any], left: int
) -> list[tuple[datetime.datetime, str]]:
    """The `left` newest rows meeting `cond` through bitmap scans of the indexes (the words'
    index for a word absent from the newest rows, whose matches are few)."""
    conn.execute(
        "SET LOCAL enable_indexscan = off; SET LOCAL enable_sort = on;"
        " SET LOCAL enable_bitmapscan = on"
    )
    return conn.execute(
        "SELECT v.received_at, v.document_uuid FROM version v"
        f" WHERE {' AND '.join(cond + _in_words_index(args))}"
        f" ORDER BY {_KEY} LIMIT %(left)s",
        args | {"left": left},
    ).fetchall()


def _count(
    conn: psycopg.Connection,
    readable: set[str] | None,
    walk: list[str],
    match: list[str],
    args: dict[str, Any],
    top: tuple[int, int, Cursor | None] | None,
    budget: int,
) -> int:
    """How many rows match, counted up to CAP + 1. `top`: the rows a walk from the newest
    saw, how many of them matched, where it stopped. A walk that saw every row counted them;
    one that found the words often enough walks on (up to `budget` rows) until CAP is
    passed: both without the words' index, whose bitmap of a common word (100,000 rows) is
    built whole and, with a date range, has every matching row read to test its date.
    Otherwise (rarer words, hồ sơ and "updated" filters) the bitmap of their few matches."""
    if top is not None:
        seen, found, rest = top
        if rest is None or found > CAP:
            return found
        need = int((CAP + 1 - found) * seen / found * 1.5) if found else budget + 1
        if need <= budget:
            cond = walk + _before(args, rest, "count")
            _, end, more = _walk(conn, readable, cond, match, args, need)
            if found + more > CAP or end is None:
                return found + more
    conn.execute("RESET enable_sort; RESET enable_bitmapscan; RESET enable_indexscan")
    total = conn.execute(
        "SELECT count(*) FROM (SELECT FROM version v"
        f" WHERE {' AND '.join(walk + match + _in_words_index(args))} LIMIT %(cap)s) c",
        args | {"cap": CAP + 1},
    ).fetchone()
    return int(total[0]) if total else 0


def search(pool: Pool, readable: set[str] | None, f: Filters) -> Page:
    """One page of the newest versions in the organisations of `readable` (None = all) that
    match `f`, newest first, with the number of matches (up to CAP).

    Words common in the newest documents are found by walking the newest-first index, as far
    as their frequency there says a page needs; rarer ones (none in the WALK newest rows)
    through the words' index, whose matches are few then. A hồ sơ or "updated" filter, both
    narrow, always goes through their indexes.
    """
    if readable is not None and not readable:
        return Page([], None, 0, False)
    args: dict[str, Any] = {"want": PAGE + 1}
    walk, match = _conditions(readable, f, args)
    here = walk + _before(args, f.after, "after")
    spread = readable is not None or bool(f.type_name)  # one row a heap page, about
    size = WALK // 4 if spread else WALK
    with pool.connection() as conn:
        # Plans for the values asked: psycopg prepares a statement run five times, and
        # PostgreSQL's generic plan for it (blind to how common the words and dates are) took
        # 3 s where the plan for the values takes 0.3 s.
        conn.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        keys: list[tuple[datetime.datetime, str]] = []
        rest: Cursor | None = f.after
        narrow = f.hoso or f.state == "updated"
        top: tuple[int, int, Cursor | None] | None = None
        if not narrow:
            keys, rest, found = _walk(conn, readable, here, match, args, size)
            seen = size
            if 0 < len(keys) <= PAGE and rest is not None:
                # found a few times: on as far as that frequency says the page needs
                extra = min(size * EXTEND, size * (PAGE + 1 - len(keys)) * 2 // len(keys))
                cond = here + _before(args, rest, "more")
                more, rest, more_found = _walk(conn, readable, cond, match, args, extra)
                keys, seen, found = keys + more, seen + extra, found + more_found
            if f.after is None:
                top = (seen, found, rest)
        counted = -1
        if len(keys) <= PAGE and (narrow or rest is not None):
            cond = walk + match + _before(args, rest, "rest")
            left = PAGE + 1 - len(keys)
            older = _older(conn, cond, args, left)
            keys += older
            if len(older) < left and f.after is None:  # every match is in hand
                counted = len(keys)
        if counted < 0 and top is None and not narrow:  # a later page: counted from the top
            _, first, found = _walk(conn, readable, walk, match, args, size)
            top = (size, found, first)
        if counted < 0:
            counted = _count(conn, readable, walk, match, args, top, size * 10)
        conn.execute("RESET enable_sort; RESET enable_bitmapscan; RESET enable_indexscan")
        rows = conn.execute(
            "SELECT d.uuid, d.org, d.doc_code, d.hoso_code, v.version, v.subject, v.received_at,"
            " coalesce(v.metadata->>'typeName', ''), coalesce(v.metadata->>'issuedDate', '')"
            " FROM version v JOIN document d ON d.uuid = v.document_uuid"
            f" WHERE v.current AND v.document_uuid = ANY(%(ids)s) ORDER BY {_KEY}",
            {"ids": [k[1] for k in keys[:PAGE]]},
        ).fetchall()
    hits = [Hit(*r) for r in rows]
    after = Cursor(hits[-1].received_at, hits[-1].uuid) if len(keys) > PAGE and hits else None
    return Page(hits, after, min(counted, CAP), counted > CAP)


def document(pool: Pool, readable: set[str] | None, doc_uuid: str) -> dict[str, Any] | None:
    """A document and its versions; None when absent or outside `readable` (same answer)."""
    with pool.connection(autocommit=True) as conn:
        head = conn.execute(
            "SELECT org, doc_code, hoso_code, latest FROM document WHERE uuid = %s", (doc_uuid,)
        ).fetchone()
        if head is None or (readable is not None and head[0] not in readable):
            return None
        versions = conn.execute(
            "SELECT version, pdf_sha256, metadata, received_at, package_id FROM version"
            " WHERE document_uuid = %s ORDER BY version",
            (doc_uuid,),
        ).fetchall()
    return {
        "uuid": doc_uuid,
        "org": head[0],
        "doc_code": head[1],
        "hoso_code": head[2],
        "latest": head[3],
        "versions": [
            {
                "version": v[0],
                "pdf_sha256": v[1],
                "metadata": v[2],
                "received_at": v[3],
                "package_id": v[4],
            }
            for v in versions
        ],
    }


def hoso_packages(
    pool: Pool, readable: set[str] | None, hoso_code: str
) -> tuple[str, list[tuple[str, str]]] | None:
    """The organisation of a hồ sơ and the newest package (doc_code, package SHA-256) of each
    of its documents; None when absent or outside `readable`."""
    with pool.connection(autocommit=True) as conn:
        rows = conn.execute(
            "SELECT d.org, d.doc_code, p.sha256 FROM document d"
            " JOIN version v ON v.document_uuid = d.uuid AND v.version = d.latest"
            " JOIN package p ON p.server_id = v.package_id"
            " WHERE d.hoso_code = %s ORDER BY d.doc_code",
            (hoso_code,),
        ).fetchall()
    if not rows or any(readable is not None and r[0] not in readable for r in rows):
        return None
    return rows[0][0], [(r[1], r[2]) for r in rows]
