"""Sheet outlines on light lids that the first outline search missed, from the corpus."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from app.imaging import analyse
from app.imaging.lines import quad_skew
from app.page import Flag
from app.synth.corpus import sample
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan
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


def _a5_on_a4_bed(seed: int, bed: str, orientation: int, margin_mm: float,
                  paper: tuple[int, int, int] = (255, 255, 255)) -> None:
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=round(150 / math.sqrt(2)), first_page=True,  # A4 set at 71 %
                       paper_rgb=paper)
    page = replace(page, dpi=150)
    image, truth = simulate_scan(page, ScanOptions(skew_deg=0.8, orientation=orientation, bed=bed,
                                                   bed_margin_mm=margin_mm,
                                                   bed_mm=(216.0, 297.0)), rng)
    _, found = analyse(image, 150)
    assert found.outline is not None
    assert iou(found.outline, truth.outline) >= 0.99
    assert not found.flags & {Flag.NO_OUTLINE, Flag.CUT_OFF}


@pytest.mark.parametrize("orientation", [90, 270])
def test_a5_sheet_across_an_a4_lid_ends_past_the_middle(orientation):
    # the far side lies over 40 % of the image away from its border: it is searched deeper
    _a5_on_a4_bed(61, "light", orientation, 6.0)


@pytest.mark.parametrize("seed", [62, 63])
def test_a5_sheet_on_white_adf_backing_shows_by_its_shadow(seed):
    # paper as bright as the backing; the sheet's shadow runs along part of each image side only
    _a5_on_a4_bed(seed, "adf", 0, 2.0)


@pytest.mark.parametrize(("seed", "paper"), [
    (64, (185, 184, 178)),  # dark grey recycled paper: no outline at all before
    (69, (222, 234, 246)),  # blue
    (69, (246, 226, 230)),  # pink
])
def test_a5_tinted_sheet_on_white_adf_backing(seed, paper):
    # the backing shows in the image's centre beside the small sheet and is its brightest
    # common level: the sheet's paper is the centre's commonest level, darker than the backing
    _a5_on_a4_bed(seed, "adf", 0, 2.0, paper)
