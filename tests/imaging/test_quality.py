"""Quality flags on images with known faults."""

from __future__ import annotations

import cv2
import numpy as np

from app.imaging import analyse
from app.page import Flag
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan


def _scan(dpi=200, seed=1, **opts):
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=dpi, first_page=False)
    return simulate_scan(page, ScanOptions(**opts), rng)[0]


def test_good_scan_has_no_quality_flags():
    _, found = analyse(_scan(blur_sigma=0.8), 200)
    assert found.flags == frozenset()


def test_low_dpi():
    _, found = analyse(_scan(dpi=150), 150)
    assert Flag.LOW_DPI in found.flags


def test_not_color_for_grey_and_16_bit():
    image = _scan()
    _, grey = analyse(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), 200)
    _, deep = analyse(image.astype(np.uint16) * 257, 200)
    assert Flag.NOT_COLOR in grey.flags and Flag.NOT_COLOR in deep.flags
    assert Flag.BLANK not in grey.flags and Flag.BLANK not in deep.flags


def test_blurry():
    _, found = analyse(_scan(blur_sigma=3.5), 200)
    assert Flag.BLURRY in found.flags


def test_too_dark():
    image = (_scan().astype(np.float32) * 0.3).astype(np.uint8)
    _, found = analyse(image, 200)
    assert Flag.TOO_DARK in found.flags and Flag.TOO_LIGHT not in found.flags


def test_too_light():
    image = (255 - (255 - _scan().astype(np.float32)) * 0.3).astype(np.uint8)
    _, found = analyse(image, 200)
    assert Flag.TOO_LIGHT in found.flags and Flag.BLANK not in found.flags


def test_cut_off_sheet_overhanging_the_bed():
    image = _scan(skew_deg=2.0)
    h = image.shape[0]
    _, found = analyse(image[: int(h * 0.8), :], 200)  # the sheet's bottom is off the bed
    assert Flag.CUT_OFF in found.flags


def test_cut_off_cropped_page_with_text_through_the_border():
    rng = np.random.default_rng(2)
    page = render_page(rng, dpi=200, first_page=False).image
    h, w = page.shape[:2]
    _, found = analyse(page[: h // 2, : w // 2], 200)  # text runs out of the right border
    assert Flag.CUT_OFF in found.flags


def test_whole_cropped_page_is_not_cut_off():
    rng = np.random.default_rng(2)
    page = render_page(rng, dpi=200, first_page=False).image
    _, found = analyse(page, 200)
    assert found.outline is None and Flag.NO_OUTLINE in found.flags
    assert Flag.CUT_OFF not in found.flags
