"""Sheet outlines on light lids that the first outline search missed, from the corpus."""

from __future__ import annotations

import pytest

from app.imaging import analyse
from app.imaging.lines import quad_skew
from app.page import Flag
from app.synth.corpus import sample
from tests.imaging.fakes import iou


def _check(index: int, seed: int, dpi: int) -> None:
    scan = sample(index, seed, dpi)
    _, found = analyse(scan.image, dpi)
    assert found.outline is not None, scan.name
    assert iou(found.outline, scan.truth.outline) >= 0.99, scan.name
    error = abs(found.skew_deg - quad_skew(scan.truth.outline)) % 90  # turned sheets: mod 90°
    assert min(error, 90 - error) <= 0.1, scan.name
    assert not found.flags & {Flag.NO_OUTLINE, Flag.CUT_OFF}, scan.name


@pytest.mark.parametrize(("index", "seed", "dpi"), [
    (31, 7, 150),  # paper 2 levels darker than the lid
    (18, 7, 300),  # grey paper 3 levels brighter than the lid
    (45, 7, 300),  # paper 4 levels brighter than the lid
])
def test_sheet_as_bright_as_the_lid_shows_by_its_shadow(index, seed, dpi):
    _check(index, seed, dpi)


@pytest.mark.parametrize(("index", "seed", "dpi"), [
    (27, 7, 300),  # skewed 7.9°, a thin bed margin above: a weak, broken step
    (31, 7, 300),  # cream paper 6 levels above the lid
    (11, 1, 300),  # skewed -7.9°: stray steps on the line's extension beyond the corners
])
def test_weak_step_from_the_shadow_to_the_paper(index, seed, dpi):
    _check(index, seed, dpi)


@pytest.mark.parametrize(("index", "seed", "dpi"), [
    (1, 1, 150),  # the lid shadow darkens the bottom border to 100
    (45, 0, 150),  # ... the left border, and the paper is darker than the lid
    (25, 0, 150),  # ... the top border, ending in a step across the whole image
    (35, 7, 300),  # ... the bottom border
])
def test_lid_shadow_along_a_border(index, seed, dpi):
    _check(index, seed, dpi)


def test_frame_rule_inside_a_low_contrast_edge():
    _check(10, 0, 150)  # the step down into the edge's shadow must not send refine to the rule


@pytest.mark.parametrize(("index", "seed"), [(10, 0), (19, 0), (2, 1), (6, 1)])
def test_cropped_sheet_with_a_frame_rule_has_no_outline(index, seed):
    sheet = sample(index, seed, 150).sheet
    _, found = analyse(sheet.image, 150)
    assert found.outline is None
    assert Flag.NO_OUTLINE in found.flags
