"""The catalog search's paths at scale, on real PostgreSQL, against a plain reference query."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from app.catalog.text import fold
from server.db import Pool, create_schema
from server.web import catalog
from server.web import create_schema as web_schema
from testkit.postgres import new_database

ORGS = ["000.00.01.H01", "000.00.02.H01", "000.00.03.H01"]
DOCS = 1300
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
SUBJECTS = ["Bầu cử tổ trưởng", "Đại hội đại biểu", "Kế hoạch công tác"]


@pytest.fixture(scope="module")
def pool() -> Iterator[Pool]:
    """DOCS documents: most say "Kế hoạch", every 7th "Đại hội", one in 400 "Bầu cử" (none
    of them among the newest); document 5 has a second version that drops its words."""
    made = Pool(new_database(), 2)
    create_schema(made)
    web_schema(made)
    with made.connection() as conn:
        conn.execute(
            "INSERT INTO station (id, org, name, secret_hash, created_at, expires_at)"
            " SELECT 'st' || o, o, 't', 'x', now(), now() FROM unnest(%s::text[]) o",
            (ORGS,),
        )
        conn.execute(
            "CREATE TEMP TABLE g AS SELECT i, (%(orgs)s::text[])[1 + i %% 3] AS org,"
            " CASE WHEN i %% 400 = 0 AND i < 1000 THEN 1 WHEN i %% 7 = 0 THEN 2 ELSE 3 END AS s,"
            " %(start)s + i * interval '1 hour' AS at FROM generate_series(1, %(n)s) i",
            {"orgs": ORGS, "start": START, "n": DOCS},
        )
        conn.execute(
            "INSERT INTO package (server_id, sha256, size, org, station_id, received_at,"
            " hoso_code, receipt) SELECT 'p' || i, md5(i::text), 1, org, 'st' || org, at,"
            " org || '.h' || (i / 100), '{}' FROM g"
        )
        conn.execute(
            "INSERT INTO document (uuid, org, doc_code, hoso_code, latest) SELECT"
            " 'd' || lpad(i::text, 5, '0'), org, 'c' || i, org || '.h' || (i / 100), 1 FROM g"
        )
        conn.execute(
            "INSERT INTO version (document_uuid, version, package_id, org, pdf_sha256, metadata,"
            " subject, search, received_at) SELECT 'd' || lpad(i::text, 5, '0'), 1, 'p' || i,"
            " org, 'x', jsonb_build_object('typeName', lpad((1 + i %% 4)::text, 2, '0')),"
            " (%(subjects)s::text[])[s], to_tsvector('simple', (%(folded)s::text[])[s]), at"
            " FROM g",
            {"subjects": SUBJECTS, "folded": [fold(s) for s in SUBJECTS]},
        )
        conn.execute(
            "INSERT INTO package VALUES ('p5b', 'p5b', 1, %s, %s, %s, %s, '{}')",
            (ORGS[2], "st" + ORGS[2], START + datetime.timedelta(days=400), ORGS[2] + ".h0"),
        )
        conn.execute("UPDATE document SET latest = 2 WHERE uuid = 'd00005'")
        conn.execute(
            "INSERT INTO version SELECT document_uuid, 2, 'p5b', org, 'y', metadata,"
            " 'Tờ trình', to_tsvector('simple', 'to trinh'), %s FROM version"
            " WHERE document_uuid = 'd00005'",
            (START + datetime.timedelta(days=400),),
        )
    with made.connection(autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    yield made
    made.close()


def _reference(pool: Pool, words: str, where: str = "true", args: tuple = ()) -> list[str]:
    """Every match, newest first, by the plain query over each document's newest version."""
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT d.uuid FROM version v JOIN document d"
            " ON d.uuid = v.document_uuid AND d.latest = v.version"
            f" WHERE (%s = '' OR v.search @@ plainto_tsquery('simple', %s)) AND {where}"
            " ORDER BY v.received_at DESC, d.uuid DESC",
            (fold(words), fold(words), *args),
        ).fetchall()
    return [r[0] for r in rows]


def _all_pages(pool: Pool, scope: set[str] | None, **filters: object) -> list[str]:
    found: list[str] = []
    after = None
    for _ in range(200):
        page = catalog.search(pool, scope, catalog.Filters(after=after, **filters))  # type: ignore[arg-type]
        assert len(page.hits) <= catalog.PAGE
        found += [h.uuid for h in page.hits]
        if page.next is None:
            return found
        after = catalog.Cursor.parse(page.next.token())
    raise AssertionError("paging did not end")


@pytest.mark.parametrize("walk", [50, 2000])
def test_pages_match_the_reference(pool: Pool, walk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Newest-first walk and words' index, keyset paging, filters, scope: the reference's pages."""
    monkeypatch.setattr(catalog, "WALK", walk)  # both paths: walk alone, and walk then index
    for words in ("dai hoi", "Bầu cử", "ke hoach", ""):
        assert _all_pages(pool, None, q=words) == _reference(pool, words)
    assert _all_pages(pool, {ORGS[1]}, q="Đại hội") == _reference(
        pool, "dai hoi", "d.org = %s", (ORGS[1],)
    )
    assert _all_pages(pool, set(ORGS[:2]), q="bau cu") == _reference(
        pool, "bau cu", "d.org = ANY(%s)", (ORGS[:2],)
    )
    assert _all_pages(pool, None, q="dai hoi", type_name="02") == _reference(
        pool, "dai hoi", "v.metadata->>'typeName' = '02'"
    )
    since, until = START + datetime.timedelta(days=20), START + datetime.timedelta(days=30)
    assert _all_pages(pool, None, q="ke hoach", date_from=since, date_to=until) == _reference(
        pool, "ke hoach", "v.received_at >= %s AND v.received_at < %s", (since, until)
    )
    assert _all_pages(pool, None, hoso=ORGS[0] + ".h3") == _reference(
        pool, "", "d.hoso_code = %s", (ORGS[0] + ".h3",)
    )
    assert _all_pages(pool, None, state="updated") == ["d00005"]
    assert "d00005" not in _all_pages(pool, None, q="bau cu", state="first")


def test_only_the_newest_version_is_found(pool: Pool) -> None:
    assert "d00005" not in _all_pages(pool, None, q="ke hoach")
    assert _all_pages(pool, None, q="to trinh") == ["d00005"]


def test_count_is_exact_up_to_the_cap(pool: Pool, monkeypatch: pytest.MonkeyPatch) -> None:
    rare = catalog.search(pool, None, catalog.Filters(q="bau cu"))
    assert (rare.total, rare.capped) == (len(_reference(pool, "bau cu")), False)
    some = catalog.search(pool, {ORGS[0]}, catalog.Filters(q="dai hoi"))
    expected = len(_reference(pool, "dai hoi", "d.org = %s", (ORGS[0],)))
    assert (some.total, some.capped) == (expected, False)
    monkeypatch.setattr(catalog, "CAP", 1000)
    many = catalog.search(pool, None, catalog.Filters(q="ke hoach"))
    assert len(_reference(pool, "ke hoach")) > 1000
    assert (many.total, many.capped) == (1000, True)
    none = catalog.search(pool, None, catalog.Filters(q="khong co tu nay"))
    assert (none.hits, none.next, none.total, none.capped) == ([], None, 0, False)


def test_no_organisation_reads_nothing(pool: Pool) -> None:
    assert catalog.search(pool, set(), catalog.Filters(q="ke hoach")).hits == []
    for uuid in _all_pages(pool, {ORGS[2]}, q="dai hoi"):
        assert int(uuid[1:]) % 3 == 2  # ORGS[2] holds the documents i with i % 3 == 2


def test_cursor_tokens() -> None:
    at = datetime.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=datetime.UTC)
    token = catalog.Cursor(at, "d00042").token()
    assert catalog.Cursor.parse(token) == catalog.Cursor(at, "d00042")
    for bad in ("", "abc", "12", "~d1", "-5~d1", "1" * 30 + "~d"):
        assert catalog.Cursor.parse(bad) is None
