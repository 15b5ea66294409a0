"""Sheet outline and skew on a scanner bed, against the synthetic truth."""

from __future__ import annotations

import numpy as np
import pytest

from app.imaging import analyse
from app.page import Flag
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan
from tests.imaging.fakes import iou


def _scan(seed: int, dpi: int = 150, paper=(255, 255, 255), edge=False, **opts):
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=dpi, first_page=False, paper_rgb=paper, content_to_edge=edge)
    return simulate_scan(page, ScanOptions(**opts), rng)


@pytest.mark.parametrize("bed", ["dark", "light"])
@pytest.mark.parametrize("skew", [0.0, 0.3, -0.3, 7.0, -7.0, 14.5, -14.5])
def test_outline_and_skew_on_beds(bed, skew):
    image, truth = _scan(1, bed=bed, skew_deg=skew, noise_sigma=3.0)
    _, found = analyse(image, truth.dpi)
    assert found.outline is not None
    assert iou(found.outline, truth.outline) >= 0.99
    assert abs(found.skew_deg - skew) <= 0.1
    assert Flag.NO_OUTLINE not in found.flags and Flag.CUT_OFF not in found.flags


@pytest.mark.parametrize(("paper", "bed"), [
    ((245, 238, 220), "light"),  # cream
    ((222, 234, 246), "dark"),  # blue
    ((170, 160, 140), "dark"),  # old brown
    ((185, 184, 178), "light"),  # dark grey recycled
])
def test_outline_on_tinted_paper(paper, bed):
    image, truth = _scan(2, paper=paper, bed=bed, skew_deg=-2.5)
    _, found = analyse(image, truth.dpi)
    assert found.outline is not None
    assert iou(found.outline, truth.outline) >= 0.99
    assert abs(found.skew_deg + 2.5) <= 0.1


@pytest.mark.parametrize("seed", [3, 4, 5, 6])
@pytest.mark.parametrize("bed", ["dark", "light"])
def test_content_to_the_edge_does_not_pull_the_outline_in(seed, bed):
    image, truth = _scan(seed, edge=True, bed=bed, skew_deg=1.5)
    _, found = analyse(image, truth.dpi)
    assert found.outline is not None
    assert iou(found.outline, truth.outline) >= 0.99


@pytest.mark.parametrize("bed", ["dark", "light"])
def test_perspective_outline(bed):
    image, truth = _scan(8, bed=bed, skew_deg=3.0, perspective_px=6.0)
    _, found = analyse(image, truth.dpi)
    assert found.outline is not None
    assert iou(found.outline, truth.outline) >= 0.99
    got = np.asarray(found.outline)
    assert np.abs(got - np.asarray(truth.outline)).max() < 2.0  # every corner, not just the area


def test_outline_at_300_dpi_with_noise_and_blur():
    image, truth = _scan(9, dpi=300, bed="light", skew_deg=-4.2, noise_sigma=4.0,
                         blur_sigma=1.0)
    _, found = analyse(image, 300)
    assert iou(found.outline, truth.outline) >= 0.995
    assert abs(found.skew_deg + 4.2) <= 0.1
