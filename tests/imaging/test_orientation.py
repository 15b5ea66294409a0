"""Which way is up, on text pages laid on the bed in every orientation."""

from __future__ import annotations

import numpy as np
import pytest

from app.imaging import analyse
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan
from tests.imaging.fakes import iou


@pytest.mark.parametrize("orientation", [0, 90, 180, 270])
@pytest.mark.parametrize("seed", [21, 22, 23])
def test_orientation_on_text_pages(orientation, seed):
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=150, first_page=seed % 2 == 1)
    image, truth = simulate_scan(page, ScanOptions(skew_deg=1.2, orientation=orientation), rng)
    _, found = analyse(image, 150)
    assert found.orientation == orientation
    assert iou(found.outline, truth.outline) >= 0.99  # corners in upright order


def test_upright_pages_are_not_turned():
    for seed in range(30, 40):
        rng = np.random.default_rng(seed)
        page = render_page(rng, dpi=150, first_page=seed % 3 == 0)
        _, found = analyse(page.image, 150)
        assert found.orientation == 0, seed
