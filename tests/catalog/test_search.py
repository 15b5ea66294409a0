"""Search: diacritic-insensitive, exact diacritics first, hostile queries, filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso, SearchFilters, State
from app.catalog.search import FTS_TABLE, match_expressions, words
from app.catalog.text import fold
from testkit.catalog import doc_meta, make_pdf


@pytest.fixture
def filled(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> dict[str, str]:
    rows = {
        "exact": ("14", "12/03/2023", "Báo cáo công tác số hóa", ["Đề án số hóa tài liệu"]),
        "folded": ("10", "05/01/2024", "Kế hoạch sơ kết", ["sổ hòa giải ở cơ sở"]),
        "none": ("10", "20/06/2024", "Kế hoạch tuyên truyền", ["Đại đoàn kết toàn dân tộc"]),
    }
    codes = {}
    for index, (key, (kind, issued, subject, pages)) in enumerate(rows.items()):
        doc = catalog.add_document(
            make_pdf(tmp_path / f"{index}.pdf", key),
            doc_meta(typeName=kind, issuedDate=issued, subject=subject),
            "lan",
            hoso=hoso.file_code,
            page_texts=pages,
        )
        codes[key] = doc.doc_code
    return codes


def test_fold_handles_vietnamese_and_d() -> None:
    assert fold("Số Hóa ĐẢNG đoàn Ưu") == "so hoa dang doan uu"


def test_without_diacritics_finds_both_and_exact_ranks_first(
    catalog: Catalog, filled: dict[str, str]
) -> None:
    hits = [h.doc_code for h in catalog.search("so hoa")]
    assert set(hits) == {filled["exact"], filled["folded"]}
    exact_first = [h.doc_code for h in catalog.search("số hóa")]
    assert exact_first[0] == filled["exact"]
    folded_first = [h.doc_code for h in catalog.search("sổ hòa")]
    assert folded_first[0] == filled["folded"]
    assert [h.doc_code for h in catalog.search("dai doan ket")] == [filled["none"]]
    assert [h.doc_code for h in catalog.search("ĐẠI ĐOÀN")] == [filled["none"]]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'so"hoa',
        "*",
        "so*",
        "NEAR(so hoa)",
        "so AND",
        "OR",
        "NOT hoa",
        "(so",
        "hoa)",
        "subject:so",
        "folded:so",
        "exact:hoa",
        "^so",
        "so + hoa",
        "'",
        "\\",
        "{folded}: x",
        "-",
        "",
    ],
)
def test_hostile_queries_are_never_fts_syntax(
    catalog: Catalog, filled: dict[str, str], query: str
) -> None:
    catalog.search(query)  # never raises
    assert catalog.search(query, SearchFilters(state=State.SIGNED)) == []


def test_operators_are_plain_words(catalog: Catalog, filled: dict[str, str]) -> None:
    assert catalog.search("so OR tuyen truyen") == []  # "or" is a word no document holds
    assert match_expressions("title:x") == [('"title_x"', 2.0)]
    assert match_expressions('a"b') == match_expressions("a b")
    assert match_expressions("Số hóa tài") == [
        ('"số_hóa" AND "tài"', 2.0),
        ('("so_hoa" AND "tai") NOT ("số_hóa" AND "tài")', 1.0),
    ]
    assert match_expressions("* ( )") == []
    assert match_expressions("so_hoa") == match_expressions("so hoa")


def test_filters(catalog: Catalog, filled: dict[str, str], hoso: Hoso) -> None:
    def codes(query: str, **kw: object) -> set[str]:
        return {h.doc_code for h in catalog.search(query, SearchFilters(**kw))}  # type: ignore[arg-type]

    assert codes("so", type_name="14") == {filled["exact"]}
    assert codes("so", date_from="2024-01-01") == {filled["folded"]}
    assert codes("so", date_to="2023-12-31") == {filled["exact"]}
    assert codes("so", hoso=hoso.file_code) == {filled["exact"], filled["folded"]}
    assert codes("so", hoso="000.00.00.G09.2024.999") == set()
    assert codes("so", clerk="lan") == {filled["exact"], filled["folded"]}
    assert codes("so", clerk="hung") == set()
    catalog.set_state(filled["exact"], State.INDEXED, "lan")
    assert codes("so", state=State.INDEXED) == {filled["exact"]}
    assert codes("", type_name="10") == {filled["folded"], filled["none"]}


def test_search_follows_edits(catalog: Catalog, filled: dict[str, str]) -> None:
    catalog.update_metadata(filled["none"], {"subject": "Chương trình chuyển đổi số"}, "lan")
    assert [h.doc_code for h in catalog.search("chuyen doi")] == [filled["none"]]
    assert catalog.search("tuyen truyen") == []


def test_every_word_character_stays_one_term() -> None:
    """A term our tokenizer builds is one FTS5 token, never a phrase (detail=column)."""
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.execute(FTS_TABLE)
    con.execute("INSERT INTO doc_fts(rowid, terms) VALUES (1, 'a')")
    for cp in range(0x20, 0x110000):
        if 0xD800 <= cp <= 0xDFFF or not words(chr(cp)):
            continue
        tiers = match_expressions(f"a{chr(cp)}b ć")
        assert len(tiers) == 2
        for expression, _ in tiers:
            con.execute("SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?", (expression,))
    con.close()


def test_single_words_and_newest_first(catalog: Catalog, filled: dict[str, str]) -> None:
    assert [h.doc_code for h in catalog.search("tài")] == [filled["exact"]]
    assert [h.doc_code for h in catalog.search("ke hoach")] == [filled["none"], filled["folded"]]
    hits = catalog.search("số hóa")
    assert [h.doc_code for h in hits] == [filled["exact"], filled["folded"]]
    assert hits[0].score > hits[1].score
    assert [h.doc_code for h in catalog.search("so hoa", limit=1)] == [filled["folded"]]
    # pairs never span two fields: "tuyên truyền" (subject) + "Đại" (page)
    assert catalog.search("truyen dai") == []


@pytest.mark.parametrize("scan", [10_000, 4, 1])
def test_filters_stop_only_after_enough_hits(
    catalog: Catalog, hoso: Hoso, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan: int
) -> None:
    from app.catalog import search

    monkeypatch.setattr(search, "SCAN", scan)  # small: the filters' indexes drive the rest
    for index in range(30):
        catalog.add_document(
            make_pdf(tmp_path / f"{index}.pdf", f"n{index}"),
            doc_meta(typeName="14" if index % 3 == 0 else "10", subject=f"Công tác {index}"),
            "lan",
            hoso=hoso.file_code,
            page_texts=[],
        )
    hits = catalog.search("cong tac", SearchFilters(type_name="14"), limit=5)
    assert [h.subject for h in hits] == [f"Công tác {i}" for i in (27, 24, 21, 18, 15)]
    assert len(catalog.search("công tác", SearchFilters(type_name="14"), limit=50)) == 10
    assert [h.subject for h in catalog.search("công", SearchFilters(type_name="14"))] == [
        f"Công tác {i}" for i in range(27, -1, -3)
    ]
    assert catalog.search("cong tac", SearchFilters(type_name="99")) == []
    hits = catalog.search("tac", SearchFilters(hoso=hoso.file_code, date_from="2024-01-01"))
    assert len(hits) == 20
    assert [h.subject for h in hits[:2]] == ["Công tác 29", "Công tác 28"]
