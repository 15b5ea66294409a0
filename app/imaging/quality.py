"""Scan-quality flags: resolution, colour, focus, exposure and pages not wholly on the bed."""

from __future__ import annotations

import numpy as np

from app.imaging.work import luma
from app.page import Flag

MIN_DPI = 200.0
MAX_BLUR_MM = 0.15  # edge spread (Gaussian sigma) of text strokes...
MAX_BLUR_PX = 1.6  # ...or, at low resolution, in pixels: whichever is larger
MIN_PAPER_LUMA = 90.0
MIN_CONTRAST = 80.0
PATCH_MM = 11.0


def format_flags(image: np.ndarray, dpi: float) -> set[Flag]:
    """Return LOW_DPI and NOT_COLOR as they apply to the scan's format."""
    flags: set[Flag] = set()
    if dpi < MIN_DPI:
        flags.add(Flag.LOW_DPI)
    if not (image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.uint8):
        flags.add(Flag.NOT_COLOR)
    return flags


def exposure_flags(paper_luma: float, contrast: float, blank: bool) -> set[Flag]:
    """Return TOO_DARK for dim paper, TOO_LIGHT for washed-out text on a page that has text."""
    flags: set[Flag] = set()
    if paper_luma < MIN_PAPER_LUMA:
        flags.add(Flag.TOO_DARK)
    elif not blank and contrast < MIN_CONTRAST:
        flags.add(Flag.TOO_LIGHT)
    return flags


def is_blurry(blur: float, dpi: float) -> bool:
    """Return True when the measured edge spread (mm) is beyond what the resolution explains."""
    return blur > max(MAX_BLUR_MM, MAX_BLUR_PX * 25.4 / dpi)


def _patch_blur(patch: np.ndarray) -> float:
    """Return the edge spread (Gaussian sigma, pixels) of the strongest edges in a grey patch."""
    g = patch.astype(np.float32)
    gx = np.abs(g[1:-1, 2:] - g[1:-1, :-2]) / 2
    gy = np.abs(g[2:, 1:-1] - g[:-2, 1:-1]) / 2
    slope = float(np.percentile(np.hypot(gx, gy), 99.5))
    contrast = float(np.percentile(g, 98) - np.percentile(g, 2))
    return contrast / max(slope, 1e-3) / np.sqrt(2 * np.pi)


def blur_mm(image: np.ndarray, ys: np.ndarray, xs: np.ndarray, factor: int, dpi: float) -> float:
    """Return the edge spread in mm on full-resolution patches where the ink is densest.

    `ys`, `xs` are ink pixels of the working copy (`factor` raw pixels each).
    """
    k = max(3, round(PATCH_MM / 25.4 * dpi / factor))
    if ys.size == 0:
        return 0.0
    nx = int(xs.max()) // k + 1
    cells = np.bincount((ys // k) * nx + xs // k)
    spreads = []
    for cell in np.argpartition(cells, -2)[-2:] if cells.size > 2 else range(cells.size):
        if cells[cell] < 4:
            continue
        y0, x0 = (cell // nx) * k * factor, (cell % nx) * k * factor
        patch = luma(image[y0:y0 + k * factor, x0:x0 + k * factor])
        spreads.append(_patch_blur(patch))
    return float(np.median(spreads)) * 25.4 / dpi if spreads else 0.0


def touches_border(ink: np.ndarray) -> bool:
    """Return True when ink runs into the image's outermost pixels on some side."""
    ring = (ink[0], ink[-1], ink[:, 0], ink[:, -1])
    return any(r.mean() > 0.01 for r in ring)
