"""Simulated scans: the truth (outline, skew, orientation) matches the pixels."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.synth.document import RenderedPage, render_page
from app.synth.scan import ScanOptions, simulate_scan

PAPER = (250, 205, 150)


@pytest.fixture(scope="module")
def page() -> RenderedPage:
    return render_page(np.random.default_rng(0), dpi=100, paper_rgb=PAPER)


def edge_samples(outline, offset: float) -> list[tuple[float, float]]:
    """Points along each side of the outline, moved `offset` px towards its inside."""
    quad = np.asarray(outline)
    centre = quad.mean(axis=0)
    points = []
    for k in range(4):
        p, q = quad[k], quad[(k + 1) % 4]
        d = (q - p) / np.linalg.norm(q - p)
        normal = np.array([-d[1], d[0]])
        if np.dot(centre - (p + q) / 2, normal) < 0:
            normal = -normal
        for t in np.linspace(0.05, 0.95, 15):
            points.append(tuple(p + t * (q - p) + offset * normal))
    return points


def pixel(image: np.ndarray, point: tuple[float, float]) -> np.ndarray:
    x, y = point  # edge convention: the pixel holding (x, y) is (floor x, floor y)
    return image[math.floor(y), math.floor(x)].astype(int)


CASES = [
    ScanOptions(noise_sigma=0),
    ScanOptions(skew_deg=3.0, noise_sigma=0),
    ScanOptions(skew_deg=-11.5, orientation=90, noise_sigma=0),
    ScanOptions(skew_deg=1.2, orientation=180, perspective_px=8, noise_sigma=0),
    ScanOptions(skew_deg=-4, orientation=270, bed="light", perspective_px=5, noise_sigma=0),
    ScanOptions(skew_deg=2, bed="light", noise_sigma=3, blur_sigma=0.8, shadow=False),
]


@pytest.mark.parametrize("opts", CASES)
def test_outline_matches_pixels(page: RenderedPage, opts: ScanOptions) -> None:
    scan, truth = simulate_scan(page, opts, np.random.default_rng(1))
    assert scan.dtype == np.uint8 and scan.ndim == 3
    assert truth.skew_deg == opts.skew_deg and truth.orientation == opts.orientation
    assert truth.dpi == 100 and truth.text == page.text and not truth.blank
    for point in edge_samples(truth.outline, 2.0):  # just inside: paper
        assert np.abs(pixel(scan, point) - PAPER).max() < 25, point
    for point in edge_samples(truth.outline, -2.0):  # just outside: the bed
        value = pixel(scan, point)
        if opts.bed == "dark":
            assert value.max() < 60, point
        else:
            assert np.abs(value - PAPER).max() > 25 and value.max() <= 245, point
    margin = opts.bed_margin_mm / 25.4 * 100
    xs, ys = zip(*truth.outline, strict=True)
    assert min(xs) == pytest.approx(margin) and min(ys) == pytest.approx(margin)
    assert scan.shape[1] == math.ceil(max(xs) + margin)
    assert scan.shape[0] == math.ceil(max(ys) + margin)


def test_sheet_keeps_its_scale(page: RenderedPage) -> None:
    h, w = page.image.shape[:2]
    _, truth = simulate_scan(
        page, ScanOptions(skew_deg=7.3, orientation=90), np.random.default_rng(2)
    )
    tl, tr, br, bl = (np.asarray(p) for p in truth.outline)
    assert np.linalg.norm(tr - tl) == pytest.approx(w)
    assert np.linalg.norm(bl - tl) == pytest.approx(h)
    assert np.linalg.norm(br - bl) == pytest.approx(w)


def test_positive_skew_raises_the_top_edge_to_the_right(page: RenderedPage) -> None:
    _, truth = simulate_scan(page, ScanOptions(skew_deg=3.0), np.random.default_rng(0))
    (x0, y0), (x1, y1) = truth.outline[0], truth.outline[1]
    assert y1 < y0  # y grows downwards: the top-right corner is higher
    assert math.degrees(math.atan2(y0 - y1, x1 - x0)) == pytest.approx(3.0)


@pytest.mark.parametrize("orientation", [90, 180, 270])
def test_orientation_is_the_clockwise_turn_back_to_upright(
    page: RenderedPage, orientation: int
) -> None:
    opts = ScanOptions(orientation=orientation, bed_margin_mm=0, noise_sigma=0)
    scan, truth = simulate_scan(page, opts, np.random.default_rng(0))
    upright = np.rot90(scan, -orientation // 90)  # np.rot90 with k < 0 turns clockwise
    assert np.array_equal(upright, page.image)
    h, w = page.image.shape[:2]
    expected = {
        90: ((0, w), (0, 0), (h, 0), (h, w)),  # TL of the sheet lies bottom-left
        180: ((w, h), (0, h), (0, 0), (w, 0)),
        270: ((h, 0), (h, w), (0, w), (0, 0)),
    }[orientation]
    assert np.allclose(truth.outline, expected, atol=1e-6)


def test_orientation_90_puts_the_header_at_the_left(page: RenderedPage) -> None:
    scan, _ = simulate_scan(
        page, ScanOptions(orientation=90, noise_sigma=0), np.random.default_rng(0)
    )
    ink = scan.max(axis=2) < 100
    cols = ink.sum(axis=0)
    third = scan.shape[1] // 3
    assert cols[:third].sum() > cols[-third:].sum()  # the header is dense, the page foot empty


def test_scan_is_deterministic_and_noise_varies(page: RenderedPage) -> None:
    opts = ScanOptions(skew_deg=2, perspective_px=6, shadow=True, blur_sigma=0.5)
    a, ta = simulate_scan(page, opts, np.random.default_rng(5))
    b, tb = simulate_scan(page, opts, np.random.default_rng(5))
    c, _ = simulate_scan(page, opts, np.random.default_rng(6))
    assert np.array_equal(a, b) and ta == tb
    assert not np.array_equal(a, c)


def test_blank_truth(page: RenderedPage) -> None:
    blank = render_page(np.random.default_rng(3), dpi=100, blank=True)
    _, truth = simulate_scan(blank, ScanOptions(), np.random.default_rng(0))
    assert truth.blank and truth.text == "" and truth.fields is None


def test_bad_options_are_refused(page: RenderedPage) -> None:
    with pytest.raises(ValueError, match="orientation"):
        simulate_scan(page, ScanOptions(orientation=45), np.random.default_rng(0))
    with pytest.raises(ValueError, match="bed"):
        simulate_scan(page, ScanOptions(bed="green"), np.random.default_rng(0))
