"""Sheet outlines on white ADF backing and light lids, on pages of the bench's tuning split."""

from __future__ import annotations

import pytest

from app.imaging import analyse
from app.page import Flag
from app.synth.splits import SPLITS, split_sample
from tests.imaging.fakes import iou


@pytest.mark.parametrize(("index", "case"), [
    (48, "an A5 sheet on ADF backing as bright as the paper: its shadow is all there is"),
    (51, "a landscape table on ADF backing, one corner 3 mm from the image border"),
    (68, "a grey photocopy on ADF backing: dividing out the shading lifts the paper by print"),
    (113, "paper darker than the backing with a wide shadow: the fall into it is not the edge"),
    (27, "a grey lid with a lid shadow along the sheet's left side"),
])
def test_sheet_outline_on_white_backing_or_light_lid(index, case):
    page = split_sample(index, SPLITS["tuning"])
    _, found = analyse(page.image, page.truth.dpi)
    assert found.outline is not None, case
    assert iou(found.outline, page.truth.outline) >= 0.99, case
    assert not found.flags & {Flag.NO_OUTLINE, Flag.CUT_OFF}, case
