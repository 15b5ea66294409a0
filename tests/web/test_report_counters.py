"""Report counters (migration 101) on real PostgreSQL, equal to counting the rows."""

from __future__ import annotations

import datetime
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from app.reports.model import Counts, zero
from app.reports.period import VN, Period, parse
from server.db import SCHEMA, Pool, create_schema
from server.migrations import MIGRATIONS, REPORTS, migrate
from server.reports import facts
from server.reports.build import _counts
from server.web import create_schema as web_schema
from testkit.postgres import new_database

ORGS = ["000.00.01.H01", "000.00.02.H01", "000.00.03.H01"]
REASONS = ["Ảnh mờ", "Thiếu trang", ""]


def _when(rng: random.Random) -> datetime.datetime:
    """A time in 2025–2026, often just before or after midnight at a month's turn (Vietnam)."""
    month = rng.randrange(24)
    first = datetime.datetime(2025 + month // 12, month % 12 + 1, 1, tzinfo=VN)
    if rng.random() < 0.4:
        return first + datetime.timedelta(minutes=rng.choice([-1, 0, 1]))
    return first + datetime.timedelta(hours=rng.randrange(24 * 28))


def _rows(rng: random.Random) -> tuple[list[tuple], list[tuple]]:
    docs: list[tuple] = []
    events: list[tuple] = []
    for n in range(300):
        org = rng.choice(ORGS)
        at = _when(rng)
        docs.append((f"d{n}", org, f"{org}.h{rng.randrange(25)}", f"c{rng.randrange(3)}", at))
        for k in range(rng.randrange(4)):
            events.append((f"e{n}s{k}", f"d{n}", org, "sign", _when(rng), {}))
        if rng.random() < 0.3:
            reason = {"to": "rejected", "reason": rng.choice(REASONS)}
            events.append((f"e{n}r", f"d{n}", org, "state", _when(rng), reason))
        if rng.random() < 0.1:
            events.append((f"e{n}a", f"d{n}", org, "state", _when(rng), {"to": "approved"}))
        if rng.random() < 0.2:
            events.append((f"e{n}q", f"d{n}", org, "rescan", _when(rng), {}))
    return docs, events


def _add(pool: Pool, rng: random.Random, docs: list[tuple], events: list[tuple]) -> None:
    """The rows in batches of any size, as the indexer writes them (upserts of documents)."""
    while docs or events:
        cut = rng.randrange(1, 30)
        batch_docs, docs = docs[:cut], docs[cut:]
        cut = rng.randrange(1, 30)
        batch_events, events = events[:cut], events[cut:]
        with pool.connection() as conn:
            for uuid, org, hoso, clerk, at in batch_docs:
                conn.execute(
                    "INSERT INTO rpt_document VALUES (%s, %s, %s, %s, %s, %s, 'signed', '')"
                    " ON CONFLICT (document_uuid) DO UPDATE SET clerk = EXCLUDED.clerk,"
                    " pages = EXCLUDED.pages",
                    (uuid, org, hoso, clerk, at, rng.randrange(1, 6)),
                )
            if batch_events:
                with conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO rpt_event VALUES (%s, %s, %s, %s, %s, 'u', %s)"
                        " ON CONFLICT (event_id) DO NOTHING",
                        [(*e[:5], json.dumps(e[5], ensure_ascii=False)) for e in batch_events],
                    )


def _reference(
    pool: Pool, period: Period, before: Period
) -> tuple[dict[str, Counts], dict[str, Counts], list[tuple], list[tuple]]:
    """The report's figures counted from the rows themselves."""
    now: dict[str, Counts] = defaultdict(zero)
    old: dict[str, Counts] = defaultdict(zero)
    args = {"s": period.start, "e": period.end, "ps": before.start}
    with pool.connection() as conn:
        for org, cur, docs, pages, hoso in conn.execute(
            "SELECT org, created_at >= %(s)s, count(*), sum(pages), count(DISTINCT hoso_code)"
            " FROM rpt_document WHERE created_at >= %(ps)s AND created_at < %(e)s GROUP BY 1, 2",
            args,
        ):
            (now if cur else old)[org].update(documents=docs, pages=pages, hoso=hoso)
        for org, cur, signed, rejected, rescanned in conn.execute(
            "SELECT org, at >= %(s)s, count(DISTINCT document_uuid) FILTER (WHERE kind = 'sign'),"
            " count(*) FILTER (WHERE kind = 'state' AND detail->>'to' = 'rejected'),"
            " count(*) FILTER (WHERE kind = 'rescan') FROM rpt_event"
            " WHERE at >= %(ps)s AND at < %(e)s GROUP BY 1, 2",
            args,
        ):
            (now if cur else old)[org].update(signed=signed, rejected=rejected, rescanned=rescanned)
        reasons = conn.execute(
            "SELECT org, coalesce(nullif(detail->>'reason', ''), '(không ghi lý do)'), count(*)"
            " FROM rpt_event WHERE kind = 'state' AND detail->>'to' = 'rejected'"
            " AND at >= %(s)s AND at < %(e)s GROUP BY 1, 2",
            args,
        ).fetchall()
        clerks = conn.execute(
            "SELECT org, clerk, count(*), sum(pages) FROM rpt_document"
            " WHERE created_at >= %(s)s AND created_at < %(e)s GROUP BY 1, 2",
            args,
        ).fetchall()
    return now, old, reasons, clerks


def _nonzero(table: dict[str, Counts]) -> dict[str, Counts]:
    return {org: dict(c) for org, c in table.items() if any(c.values())}


@dataclass
class Migrated:
    pool: Pool
    rng: random.Random
    docs: list[tuple]
    events: list[tuple]


@pytest.fixture(scope="module")
def migrated() -> Iterator[Migrated]:
    """A database made before migrations 2 and 101, holding rows, then migrated.

    The counters are made from the rows of a database that had none; the tests then check they are
    kept by triggers as rows arrive in any order.
    """
    pool = Pool(new_database(), 2)
    with pool.connection() as conn:
        conn.execute(SCHEMA)
        migrate(conn, MIGRATIONS[:1])
        conn.execute(facts.SCHEMA)
        conn.execute(
            "INSERT INTO station VALUES ('s', %s, 's', 'x', now(), now(), NULL)", (ORGS[0],)
        )
        conn.execute(
            "INSERT INTO package SELECT 'p' || i, 'h' || i, 1, %s, 's', now(), 'h', '{}'"
            " FROM generate_series(1, 3) i",
            (ORGS[0],),
        )
        conn.execute("INSERT INTO rpt_package VALUES ('p1', now(), '')")
        conn.execute("INSERT INTO document VALUES ('x', %s, 'x', 'h', 2)", (ORGS[0],))
        conn.execute(
            "INSERT INTO version SELECT 'x', i, 'p' || i, %s, 's', '{}', 's', '', now()"
            " FROM generate_series(1, 2) i",
            (ORGS[0],),
        )
    rng = random.Random(18)
    docs, events = _rows(rng)
    _add(pool, rng, docs[:100], events[:150])
    create_schema(pool)
    web_schema(pool)
    yield Migrated(pool, rng, docs, events)
    pool.close()


def test_counters_equal_counting_the_rows(migrated: Migrated) -> None:
    pool, rng, docs, events = migrated.pool, migrated.rng, migrated.docs, migrated.events
    rng.shuffle(docs)
    rng.shuffle(events)
    _add(pool, rng, docs, events)  # out of order; 100 documents again, upserted
    for code in ("2025-12", "2026-01", "2026-03", "2025-Q4", "2026-Q1", "2026-H1", "2026"):
        period = parse(code)
        now, old, reasons, clerks = _counts(pool, None, period, period.previous())
        ref_now, ref_old, ref_reasons, ref_clerks = _reference(pool, period, period.previous())
        assert _nonzero(now) == _nonzero(ref_now), code
        assert _nonzero(old) == _nonzero(ref_old), code
        assert sorted(reasons) == sorted(ref_reasons), code
        assert sorted(clerks) == sorted(ref_clerks), code
        assert sum(c["signed"] for c in now.values()) > 0
    scoped = _counts(pool, [ORGS[1]], parse("2026"), parse("2025"))
    assert set(scoped[0]) == {ORGS[1]}


def test_existing_rows_after_the_migration(migrated: Migrated) -> None:
    with migrated.pool.connection() as conn:
        done = conn.execute("SELECT number FROM schema_migration ORDER BY 1").fetchall()
        assert [d[0] for d in done] == sorted(n for n, _ in MIGRATIONS + REPORTS)
        current = conn.execute("SELECT version, current FROM version ORDER BY 1").fetchall()
        assert current == [(1, False), (2, True)]  # only the newest version is searched
        queued = conn.execute("SELECT package_id FROM rpt_pending ORDER BY 1").fetchall()
        assert [q[0] for q in queued] == ["p2", "p3"]  # p1 was indexed before
        conn.execute(
            "INSERT INTO package VALUES ('p4', 'h4', 1, %s, 's', now(), 'h', '{}')", (ORGS[0],)
        )
        conn.execute("INSERT INTO rpt_package VALUES ('p2', now(), '')")
        queued = conn.execute("SELECT package_id FROM rpt_pending ORDER BY 1").fetchall()
    assert [q[0] for q in queued] == ["p3", "p4"]
