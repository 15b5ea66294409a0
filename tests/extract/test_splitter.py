"""Splitting a stack: separators and Patch-T sheets cut and are left out; numbering carries on."""

from __future__ import annotations

from app.extract.separator import Separator
from app.extract.splitter import PageInfo, split

SEP = Separator("H49.64.33.2001.160", 12)


def test_separators_cut_and_are_left_out() -> None:
    pages = [PageInfo(0), PageInfo(1, separator=SEP), PageInfo(2), PageInfo(3),
             PageInfo(4, patch=True), PageInfo(5), PageInfo(6, blank=True), PageInfo(7)]
    spans = split(pages)
    assert [s.pages for s in spans] == [(0,), (2, 3), (5, 6, 7)]
    assert [s.reason for s in spans] == ["start", "separator", "patch"]
    assert [s.doc_code for s in spans] == [None, "H49.64.33.2001.160.0000012",
                                           "H49.64.33.2001.160.0000013"]


def test_blank_pages_split_only_when_asked() -> None:
    pages = [PageInfo(0), PageInfo(1, blank=True), PageInfo(2)]
    assert [s.pages for s in split(pages, on_blank=True)] == [(0,), (2,)]
    assert [s.pages for s in split(pages)] == [(0, 1, 2)]


def test_first_pages_are_proposed_not_cut() -> None:
    pages = [PageInfo(0, first_page=True), PageInfo(1), PageInfo(2, first_page=True)]
    spans = split(pages)
    assert len(spans) == 1 and spans[0].proposed == (2,)
    assert [s.pages for s in split(pages, on_first_page=True)] == [(0, 1), (2,)]


def test_leading_and_double_separators_make_no_empty_document() -> None:
    pages = [PageInfo(0, separator=SEP), PageInfo(1, separator=Separator("H1", 3)),
             PageInfo(2)]
    spans = split(pages)
    assert len(spans) == 1 and spans[0].doc_code == "H1.0000003"
    assert split([]) == []
