"""The reading side: search across districts, per-district daily counts, documents."""

from __future__ import annotations

import datetime
from typing import Any

from app.catalog.text import fold

from .auth import Principal
from .db import Pool
from .errors import ApiError

TZ = "Asia/Ho_Chi_Minh"
RANKED = 1000  # newest matches ranked by relevance for /v1/search


def _orgs(principal: Principal, org: str | None) -> list[str] | None:
    """The organisations to look in (None = all), refusing ones the caller may not read."""
    if org:
        if not principal.may_read(org):
            raise ApiError(403, "forbidden_org", f"You may not read organisation {org}.")
        return [org]
    return None if "*" in principal.orgs else sorted(principal.orgs)


def search(
    pool: Pool, principal: Principal, text: str, org: str | None, limit: int
) -> list[dict[str, Any]]:
    """Newest versions matching every word of `text`, diacritics optional: the most relevant
    first (ts_rank_cd: the words close together, in a short text, score higher; then the
    newest) among the RANKED newest matches, or newest first when no words are given.

    Ranking reads each match's words: ranking all 100,000 matches of a common word over 1M
    documents took 1-2.4 s; the RANKED newest are found by the planner's choice of a
    newest-first walk (common words) or the words' index (rare ones)."""
    orgs = _orgs(principal, org)
    words = fold(text).strip()
    where = ["v.current"]
    args: dict[str, Any] = {"q": words, "limit": limit}
    if orgs is not None:
        where.append("v.org = ANY(%(orgs)s)")
        args["orgs"] = orgs
    rank = "0.0::real"
    if words:
        where.append("v.search @@ plainto_tsquery('simple', %(q)s)")
        rank = "ts_rank_cd(m.search, plainto_tsquery('simple', %(q)s), 1)"
    with pool.connection() as conn:
        # the plan for the words asked (psycopg prepares a statement run five times, and a
        # generic plan cannot tell a rare word from a common one)
        conn.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        rows = conn.execute(
            "WITH m AS MATERIALIZED (SELECT v.document_uuid, v.version, v.subject,"
            " v.received_at, v.search FROM version v"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY v.received_at DESC, v.document_uuid DESC LIMIT %(ranked)s)"
            " SELECT d.uuid, d.org, d.doc_code, d.hoso_code, m.version, m.subject,"
            f" m.received_at, {rank} AS rank FROM m JOIN document d ON d.uuid = m.document_uuid"
            " ORDER BY rank DESC, m.received_at DESC, m.document_uuid DESC LIMIT %(limit)s",
            args | {"ranked": RANKED},
        ).fetchall()
    return [
        {
            "uuid": r[0],
            "org": r[1],
            "doc_code": r[2],
            "hoso_code": r[3],
            "version": r[4],
            "subject": r[5],
            "received_at": r[6].isoformat(),
            "score": float(r[7]),
        }
        for r in rows
    ]


def daily_counts(
    pool: Pool, principal: Principal, start: datetime.date, end: datetime.date
) -> list[dict[str, Any]]:
    """Per district and day (Vietnam time): documents received and versions received."""
    orgs = _orgs(principal, None)
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT org, (received_at AT TIME ZONE %(tz)s)::date AS day,"
            " count(DISTINCT document_uuid), count(*)"
            " FROM version WHERE (received_at AT TIME ZONE %(tz)s)::date BETWEEN %(s)s AND %(e)s"
            " AND (%(orgs)s::text[] IS NULL OR org = ANY(%(orgs)s::text[]))"
            " GROUP BY org, day ORDER BY day, org",
            {"tz": TZ, "s": start, "e": end, "orgs": orgs},
        ).fetchall()
    return [
        {"org": r[0], "day": r[1].isoformat(), "documents": r[2], "versions": r[3]} for r in rows
    ]


def document(pool: Pool, principal: Principal, doc_uuid: str) -> dict[str, Any]:
    """A document and every version the server keeps (404 for other organisations)."""
    with pool.connection() as conn:
        head = conn.execute(
            "SELECT org, doc_code, hoso_code, latest FROM document WHERE uuid = %s", (doc_uuid,)
        ).fetchone()
        if head is None or not principal.may_read(head[0]):
            raise ApiError(404, "no_document", f"No document {doc_uuid}.")
        versions = conn.execute(
            "SELECT v.version, v.pdf_sha256, v.metadata, v.received_at, p.server_id, p.sha256"
            " FROM version v JOIN package p ON p.server_id = v.package_id"
            " WHERE v.document_uuid = %s ORDER BY v.version",
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
                "received_at": v[3].isoformat(),
                "package": {"server_id": v[4], "sha256": v[5]},
            }
            for v in versions
        ],
    }
