"""The desk's split plan cuts only where the clerk ticked, by the `convert --split` rules."""

from __future__ import annotations

from app.extract.separator import Separator
from app.extract.splitter import PageInfo
from app.pipeline.separation import Cut, SplitPlan

SHEET = Separator("000.00.00.G09.2025.1", 4)


def test_cuts_list_sheets_and_first_pages_after_the_first():
    plan = SplitPlan((PageInfo(0, first_page=True), PageInfo(1), PageInfo(2, separator=SHEET),
                      PageInfo(3), PageInfo(4, patch=True), PageInfo(5, first_page=True)))
    assert plan.cuts() == [Cut(2, "separator"), Cut(4, "patch"), Cut(5, "first-page")]
    assert [c.sheet for c in plan.cuts()] == [True, True, False]
    assert plan.documents({2, 4, 5}) == [[0, 1], [3], [5]]
    assert plan.documents({2}) == [[0, 1], [3, 4, 5]]  # an unticked sheet stays a page
    assert plan.documents(set()) == [[0, 1, 2, 3, 4, 5]]


def test_no_empty_document_and_sheets_only_leave_nothing():
    plan = SplitPlan((PageInfo(0, separator=SHEET), PageInfo(1, patch=True), PageInfo(2)))
    assert plan.documents({0, 1}) == [[2]]
    only = SplitPlan((PageInfo(0, separator=SHEET), PageInfo(1, patch=True)))
    assert only.documents({0, 1}) == []
