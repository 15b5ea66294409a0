"""/v1/search's order on real PostgreSQL: most relevant first, or newest first without words."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from app.catalog.text import fold
from server import query
from server.auth import Principal
from server.db import Pool, create_schema
from server.errors import ApiError
from server.query import search
from testkit.postgres import new_database

ORG_A, ORG_B = "000.00.01.H01", "000.00.02.H01"
START = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
# (document, organisation, subject, days after START); a newer document is not a better one
DOCS = [
    ("phrase-old", ORG_A, "Kế hoạch tổ chức Đại hội", 1),
    ("apart-new", ORG_A, "Kế toán trưởng báo cáo về việc thu hoạch lúa vụ mùa năm nay", 9),
    ("phrase-long", ORG_A, "Báo cáo tổng kết năm và kế hoạch năm sau của ủy ban phường", 5),
    ("other-org", ORG_B, "Kế hoạch giám sát năm nay", 3),
    ("unrelated", ORG_A, "Quyết định khen thưởng", 10),
]
EVERYONE = Principal("supervisor", "tw", frozenset({"*"}))


@pytest.fixture(scope="module")
def pool() -> Iterator[Pool]:
    made = Pool(new_database(), 2)
    create_schema(made)
    with made.connection() as conn:
        for org in (ORG_A, ORG_B):
            conn.execute(
                "INSERT INTO station (id, org, name, secret_hash, created_at, expires_at)"
                " VALUES (%s, %s, 't', 'x', now(), now())",
                ("st" + org, org),
            )
        for uuid, org, subject, days in DOCS:
            at = START + datetime.timedelta(days=days)
            conn.execute(
                "INSERT INTO package (server_id, sha256, size, org, station_id, received_at,"
                " hoso_code, receipt) VALUES (%s, %s, 1, %s, %s, %s, 'h', '{}')",
                ("p" + uuid, "s" + uuid, org, "st" + org, at),
            )
            conn.execute(
                "INSERT INTO document (uuid, org, doc_code, hoso_code, latest)"
                " VALUES (%s, %s, %s, 'h', 1)",
                (uuid, org, "c" + uuid),
            )
            conn.execute(
                "INSERT INTO version (document_uuid, version, package_id, org, pdf_sha256,"
                " metadata, subject, search, received_at) VALUES (%s, 1, %s, %s, 'x', '{}',"
                " %s, to_tsvector('simple', %s), %s)",
                (uuid, "p" + uuid, org, subject, fold(subject), at),
            )
        # a newer version of "unrelated" that now says "kế hoạch": found; its first version
        # (which never did) is not searched
        at = START + datetime.timedelta(days=12)
        conn.execute(
            "INSERT INTO package VALUES ('punrelated2', 's2', 1, %s, %s, %s, 'h', '{}')",
            (ORG_A, "st" + ORG_A, at),
        )
        conn.execute("UPDATE document SET latest = 2 WHERE uuid = 'unrelated'")
        subject = "Quyết định ban hành kế hoạch khen thưởng"
        conn.execute(
            "INSERT INTO version (document_uuid, version, package_id, org, pdf_sha256,"
            " metadata, subject, search, received_at) VALUES ('unrelated', 2, 'punrelated2',"
            " %s, 'y', '{}', %s, to_tsvector('simple', %s), %s)",
            (ORG_A, subject, fold(subject), at),
        )
    yield made
    made.close()


def _uuids(hits: list[dict[str, object]]) -> list[object]:
    return [h["uuid"] for h in hits]


def test_words_most_relevant_first(pool: Pool) -> None:
    """The words together in a short text before the same words apart, whatever their dates."""
    hits = search(pool, EVERYONE, "ke hoach", None, 20)
    # the words side by side in a short subject first, however old; apart and in a long text
    # last, however new
    assert _uuids(hits)[0] in {"phrase-old", "other-org"}
    assert _uuids(hits)[-1] == "apart-new"
    assert set(_uuids(hits)) == {
        "phrase-old",
        "other-org",
        "phrase-long",
        "unrelated",
        "apart-new",
    }
    scores = [float(h["score"]) for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1] > 0
    # not the date order
    by_date = sorted(hits, key=lambda h: str(h["received_at"]), reverse=True)
    assert _uuids(hits) != _uuids(by_date)
    # the newest version is the one shown
    assert [h["version"] for h in hits if h["uuid"] == "unrelated"] == [2]


def test_diacritics_optional_and_equal_ranks(pool: Pool) -> None:
    plain = search(pool, EVERYONE, "ke hoach", None, 20)
    marked = search(pool, EVERYONE, "Kế Hoạch", None, 20)
    assert _uuids(plain) == _uuids(marked)
    # the two short subjects of the same length tie on relevance: the newer first
    ties = [h for h in plain if h["uuid"] in {"phrase-old", "other-org"}]
    assert _uuids(ties) == ["other-org", "phrase-old"]
    assert ties[0]["score"] == ties[1]["score"]


def test_no_words_newest_first(pool: Pool) -> None:
    hits = search(pool, EVERYONE, "", None, 20)
    assert _uuids(hits) == ["unrelated", "apart-new", "phrase-long", "other-org", "phrase-old"]
    assert {h["score"] for h in hits} == {0.0}
    assert _uuids(search(pool, EVERYONE, "  ", None, 2)) == ["unrelated", "apart-new"]


def test_scope_and_limit(pool: Pool) -> None:
    district = Principal("supervisor", "quan", frozenset({ORG_B}))
    assert _uuids(search(pool, district, "ke hoach", None, 20)) == ["other-org"]
    with pytest.raises(ApiError) as refused:
        search(pool, district, "ke hoach", ORG_A, 20)
    assert refused.value.status == 403
    assert ORG_B not in {h["org"] for h in search(pool, EVERYONE, "ke hoach", ORG_A, 20)}
    assert len(search(pool, EVERYONE, "ke hoach", None, 2)) == 2
    assert search(pool, EVERYONE, "khong co tu nay", None, 20) == []


def test_ranked_among_the_newest_matches(pool: Pool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query, "RANKED", 2)  # the two newest matches only, then by rank
    hits = search(pool, EVERYONE, "ke hoach", None, 20)
    assert _uuids(hits) == ["unrelated", "apart-new"]
    assert hits[0]["score"] > hits[1]["score"]
