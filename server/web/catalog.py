"""The web catalog's reading side: filtered search, one document, a hồ sơ's packages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from app.catalog.text import fold
from server.db import Pool

PAGE = 20
STATES = {"first": "Chỉ có bản đầu", "updated": "Đã cập nhật (nhiều phiên bản)"}

SCHEMA = """
CREATE INDEX IF NOT EXISTS web_version_received ON version (received_at DESC);
CREATE INDEX IF NOT EXISTS web_document_hoso ON document (hoso_code);
"""


@dataclass(frozen=True)
class Filters:
    """What the search form asks; empty strings are "any"."""

    q: str = ""
    hoso: str = ""
    type_name: str = ""
    date_from: datetime.datetime | None = None  # received on or after (Vietnam time)
    date_to: datetime.datetime | None = None  # received before
    state: str = ""
    page: int = 1


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


def search(pool: Pool, readable: set[str] | None, f: Filters) -> tuple[list[Hit], bool]:
    """One page of hits in the organisations of `readable` (None = all), newest first, and
    whether another page follows."""
    where = ["true"]
    args: dict[str, Any] = {"limit": PAGE + 1, "offset": (max(f.page, 1) - 1) * PAGE}
    words = fold(f.q).strip()
    if words:
        where.append("v.search @@ plainto_tsquery('simple', %(q)s)")
        args["q"] = words
    if readable is not None:
        where.append("v.org = ANY(%(orgs)s)")
        args["orgs"] = sorted(readable)
    if f.hoso:
        where.append("d.hoso_code = %(hoso)s")
        args["hoso"] = f.hoso
    if f.type_name:
        where.append("v.metadata->>'typeName' = %(type)s")
        args["type"] = f.type_name
    if f.date_from:
        where.append("v.received_at >= %(from)s")
        args["from"] = f.date_from
    if f.date_to:
        where.append("v.received_at < %(to)s")
        args["to"] = f.date_to
    if f.state == "first":
        where.append("d.latest = 1")
    elif f.state == "updated":
        where.append("d.latest > 1")
    narrowed = readable is not None or f.hoso or f.type_name
    with pool.connection() as conn:
        if words and narrowed and not (f.date_from or f.date_to):
            # Words and a narrowing filter (organisations, type, hồ sơ): walking the
            # newest-first index while both filters reject most rows can visit the whole table
            # when their combination is rare; bitmap scans intersect the two instead.
            conn.execute("SET LOCAL enable_indexscan = off")
        rows = conn.execute(
            "SELECT d.uuid, d.org, d.doc_code, d.hoso_code, v.version, v.subject, v.received_at,"
            " coalesce(v.metadata->>'typeName', ''), coalesce(v.metadata->>'issuedDate', '')"
            " FROM version v JOIN document d ON d.uuid = v.document_uuid AND d.latest = v.version"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY v.received_at DESC LIMIT %(limit)s OFFSET %(offset)s",
            args,
        ).fetchall()
    return [Hit(*r) for r in rows[:PAGE]], len(rows) > PAGE


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
