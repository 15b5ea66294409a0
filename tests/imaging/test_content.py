"""Pages without a visible sheet edge: deskew from the text lines, blank pages, render."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.imaging import analyse, clean, render, turn
from app.page import Flag, Geometry
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan
from tests.imaging.fakes import text_page


def _rotated(image: np.ndarray, angle: float) -> np.ndarray:
    """The page turned counter-clockwise by `angle` inside its own frame (no edge visible)."""
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2 - 0.5, h / 2 - 0.5), angle, 1.0)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REPLICATE)


@pytest.mark.parametrize("angle", [0.0, 0.3, -0.3, 2.0, -7.0, 7.0, 14.5, -14.5])
def test_content_deskew_without_outline(text_page_150, angle):
    _, found = analyse(_rotated(text_page_150, angle), 150)
    assert found.outline is None
    assert Flag.NO_OUTLINE in found.flags
    assert abs(found.skew_deg - angle) <= 0.1
    assert found.orientation == 0


def test_content_deskew_and_turn_of_a_sideways_page(first_page_150):
    image = np.rot90(_rotated(first_page_150, -3.0), 1).copy()  # turned 90° counter-clockwise
    geometry, found = analyse(image, 150)
    assert abs(found.skew_deg + 3.0) <= 0.1
    assert found.orientation == 90
    h, w = first_page_150.shape[:2]
    assert geometry.size == (w, h)


@pytest.mark.parametrize("seed", range(40, 46))
def test_blank_sheets_with_bleed_through_or_holes_are_blank(seed):
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=150, blank=True, paper_rgb=(250, 249, 245))
    image, _ = simulate_scan(page, ScanOptions(bed="dark" if seed % 2 else "light",
                                               skew_deg=1.0, noise_sigma=4.0), rng)
    _, found = analyse(image, 150)
    assert found.blank


def test_bleed_through_and_punch_holes_drawn_explicitly():
    rng = np.random.default_rng(5)
    back = text_page(rng, dpi=150)
    page = np.full_like(back, 250)
    ghost = back[:, ::-1].astype(np.float32)
    page = (page - (250 - ghost) * 0.08).astype(np.uint8)  # 8 % mirrored text
    r = round(3 / 25.4 * 150)
    for cy in (page.shape[0] // 2 - 236, page.shape[0] // 2 + 236):
        cv2.circle(page, (round(12 / 25.4 * 150), cy), r, (25, 25, 25), -1)
    _, found = analyse(page, 150)
    assert found.blank
    assert found.metrics["ink_ratio"] < 0.0003


def test_sparse_page_is_not_blank():
    rng = np.random.default_rng(6)
    page = text_page(rng, dpi=150, lines=3)
    _, found = analyse(page, 150)
    assert not found.blank
    assert found.metrics["ink_ratio"] > 0


def test_render_keeps_scale_and_colour():
    rng = np.random.default_rng(3)
    page = render_page(rng, dpi=150, first_page=True, paper_rgb=(245, 238, 220))
    image, truth = simulate_scan(page, ScanOptions(skew_deg=5.0, orientation=180), rng)
    out, geometry, found = clean(image, 150)
    h, w = page.image.shape[:2]
    assert out.shape == (geometry.size[1], geometry.size[0], 3)
    assert abs(geometry.size[0] - w) <= 0.01 * w and abs(geometry.size[1] - h) <= 0.01 * h
    inner = (slice(40, -40), slice(40, -40))
    diff = np.abs(out[inner].astype(int) - page.image[inner].astype(int))
    assert np.median(diff) <= 3  # the same pixels, upright, in colour
    paper = np.median(out[inner].reshape(-1, 3), axis=0)
    assert paper[0] - paper[2] > 15  # cream stays cream
    assert found.orientation == truth.orientation


def test_render_grey_in_grey_out():
    grey = np.full((100, 80), 200, np.uint8)
    out = render(grey, Geometry(quad=((0, 0), (80, 0), (80, 100), (0, 100)), size=(80, 100)))
    assert out.shape == (100, 80)
    assert np.array_equal(out, grey)  # the identity quad reproduces the pixels exactly


def test_turn_four_times_is_identity_and_turns_the_render():
    image = np.zeros((60, 40, 3), np.uint8)
    image[:10, :10] = (255, 0, 0)  # a red top-left corner
    g = Geometry(quad=((0.0, 0.0), (40.0, 0.0), (40.0, 60.0), (0.0, 60.0)), size=(40, 60))
    assert turn(turn(turn(turn(g, 1), 1), 1), 1) == g
    assert turn(g, 4) == g and turn(g, -1) == turn(g, 3)
    once = turn(g, 1)
    assert once.size == (60, 40)
    out = render(image, once)
    assert np.array_equal(out, np.rot90(image, -1))  # clockwise
    assert tuple(out[0, -1]) == (255, 0, 0)
