"""Find the sheet's four edges against the scanner bed on the working copy."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.lines import Line, ransac_line, robust_fit

MAX_SLOPE = math.tan(math.radians(20))
RAMP = 3  # a step must exceed the change this many pixels before and after it
MAX_DEPTH = 0.4  # share of the image searched for an edge from each side
LIGHT_BED = 120.0  # a bed at least this bright is flattened before the search
BAND_MM = 2.0  # a darker band's edge this far outside the paper's edge is the sheet's edge
FLAT_PX = 9  # window (pixels of the halved copy, ~6 mm at 300 dpi) of the shading estimate
MIN_CONTRAST = 4.0  # grey levels between bed and paper for a bed to count as seen
SIDES = ("top", "right", "bottom", "left")


@dataclass(frozen=True)
class Side:
    """One sheet edge found on the halved working copy, in its pixel-edge coordinates."""

    line: Line
    coverage: float  # share of the edge's visible extent that has an edge point on the line
    span: float  # the edge's found extent as a share of the image side
    polarity: int  # +1: the sheet is brighter than the bed beyond this edge, -1 darker


def _oriented(grey: np.ndarray, side: str) -> np.ndarray:
    """View `grey` so that scanning rows from column 0 moves inward from `side`."""
    return {"left": grey, "right": grey[:, ::-1], "top": grey.T, "bottom": grey.T[:, ::-1]}[side]


def _first_hits(a: np.ndarray, polarity: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (row centres, sub-pixel edge positions) of the first strong step along each row.

    With `polarity` +1 (-1) only steps to brighter (darker) count; only the outer MAX_DEPTH of
    each row is searched, as a sheet edge lies near the image border.
    """
    a = a[:, : max(8, int(MAX_DEPTH * a.shape[1]))]
    step = a[:, 2:] - a[:, :-2]  # step[:, k] is the change across column k + 1
    noise = 1.4826 * float(np.median(np.abs(step[::3, ::3]))) + 0.3
    sign = np.float32(polarity)
    padded = np.pad(step, ((0, 0), (RAMP, RAMP)), mode="edge")
    # a shadow is a long ramp, a sheet edge a short step: drop the change that continues the
    # same way a few pixels before or after
    ramp = np.maximum(padded[:, : -2 * RAMP] * sign, padded[:, 2 * RAMP:] * sign)
    d = step * sign - np.maximum(ramp, 0.0)
    strong = d > max(6.0 * noise, 3.0)
    strong[:, :2] = False  # ignore the image's own border
    rows = np.flatnonzero(strong.any(axis=1))
    first = np.argmax(strong[rows], axis=1)
    # climb to the first local maximum of the step (not to a stronger one further in)
    width = d.shape[1]
    peak = np.clip(first, 1, width - 2)
    for _ in range(3):
        peak += (d[rows, np.minimum(peak + 1, width - 2)] > d[rows, peak]) & (peak < width - 2)
    y0, y1, y2 = d[rows, peak - 1], d[rows, peak], d[rows, peak + 1]
    den = y0 - 2 * y1 + y2
    delta = np.where(den < -1e-6, 0.5 * (y0 - y2) / np.where(den < -1e-6, den, -1.0), 0.0)
    pos = peak + 1 + np.clip(delta, -0.5, 0.5) + 0.5  # pixel-edge coordinate of the step
    return rows.astype(np.float64) + 0.5, pos.astype(np.float64)


def _to_image(side: str, a: float, b: float, w: float, h: float) -> Line:
    """Turn t = a + b*s, measured inward from `side`, into a line in image coordinates."""
    if side == "left":
        p, d = (a, 0.0), (b, 1.0)
    elif side == "right":
        p, d = (w - a, 0.0), (-b, 1.0)
    elif side == "top":
        p, d = (0.0, a), (1.0, b)
    else:
        p, d = (0.0, h - a), (1.0, -b)
    v = np.asarray(d, dtype=float)
    return np.asarray(p, dtype=float), v / np.hypot(*v)


def _search(a: np.ndarray, polarity: int) -> tuple[float, float, float, float] | None:
    """Fit the first steps of `polarity` along the rows of `a` to one straight edge.

    Returns (a, b, coverage, span) of t = a + b*s, or None if no long, unbroken edge is found.
    """
    s, t = _first_hits(a, polarity)
    length = a.shape[0]
    if len(s) < 0.15 * length:
        return None
    inl = ransac_line(s, t, tol=1.5, max_slope=MAX_SLOPE)
    if inl.sum() < 0.15 * length:
        return None
    ia, ib, keep = robust_fit(s[inl], t[inl], tol=1.0)
    si = s[inl][keep]
    extent = float(si.max() - si.min()) + 1.0
    # rows whose first step lies outside the line (bed dirt, shadow) hide the edge: not gaps
    within = (s >= si.min()) & (s <= si.max())
    hidden = np.count_nonzero(within & (t < ia + ib * s - 1.5))
    coverage = len(si) / max(1.0, extent - hidden)
    span = extent / length
    depth = ia + ib * float(np.median(si))
    if coverage < 0.8 or span < 0.2 or depth > (MAX_DEPTH - 0.05) * a.shape[1]:
        return None
    return ia, ib, coverage, span


def find_side(grey: np.ndarray, flat: dict[int, np.ndarray], side: str, paper: float,
              band_px: float) -> Side | None:
    """Return the straight sheet edge seen first from `side`, or None if there is none.

    The step from the bed (the outermost pixels) to a sheet of brightness `paper` must go the
    same way as their difference, so that a bed shadow or a frame rule does not count. On a
    light bed it is sought on `flat[polarity]`, the copy with shading divided out, and a step
    the other way more than `band_px` further out wins: a dark band printed at the sheet's edge.
    """
    bed = float(np.median(_oriented(grey, side)[:, :2]))
    if abs(paper - bed) < MIN_CONTRAST:
        return None  # no bed beyond this side: a cropped page or a sheet over the bed's edge
    polarity = 1 if paper > bed else -1
    found = _search(_oriented(flat[polarity] if bed >= LIGHT_BED else grey, side), polarity)
    if bed >= LIGHT_BED:
        rows = _oriented(grey, side).shape[0]
        other = _search(_oriented(grey, side), -polarity)
        if other is not None and (
                found is None or _depth(other, rows) < _depth(found, rows) - band_px):
            found, polarity = other, -polarity
    if found is None or not _bed_outside(_oriented(grey, side), found, paper):
        return None
    h, w = grey.shape
    return Side(_to_image(side, found[0], found[1], float(w), float(h)), found[2], found[3],
                polarity)


def _bed_outside(a: np.ndarray, fit: tuple[float, float, float, float], paper: float) -> bool:
    """Return True if the pixels just outside a fitted edge differ from the paper (are bed)."""
    s = np.arange(a.shape[0])
    t = np.round(fit[0] + fit[1] * (s + 0.5) - 2.5).astype(int)
    ok = t >= 0
    if not ok.any():
        return True  # the edge hugs the image border: nothing outside to compare
    outside = float(np.median(a[s[ok], t[ok]]))
    return abs(outside - paper) >= MIN_CONTRAST


def _depth(fit: tuple[float, float, float, float], rows: int) -> float:
    """Return how far in from the border a fitted edge lies at the middle row."""
    return fit[0] + fit[1] * rows / 2


def _flatten(grey: np.ndarray, polarity: int) -> np.ndarray:
    """Divide out smooth shading: by the local maximum (polarity +1) or minimum (-1).

    Within FLAT_PX of a sheet edge this also makes a step the other way, outside the sheet,
    which the polarity test then ignores.
    """
    kernel = np.ones((FLAT_PX, FLAT_PX), np.uint8)
    level = cv2.dilate(grey, kernel) if polarity > 0 else cv2.erode(grey, kernel)
    return np.asarray(grey / np.maximum(level, 1.0) * 255.0, dtype=np.float32)


def find_sides(grey: np.ndarray, dpi: float) -> tuple[dict[str, Side], int]:
    """Return the sheet edges found on a halved, blurred copy of the working image, keyed by side.

    The lines are in pixels of that copy, whose scale (2) relative to `grey` is returned too.
    """
    h, w = grey.shape
    small = cv2.resize(grey[: h - h % 2, : w - w % 2], (w // 2, h // 2),
                       interpolation=cv2.INTER_AREA)
    smooth = cv2.GaussianBlur(small, (3, 3), 0.7)
    sh, sw = smooth.shape
    paper = float(np.percentile(smooth[sh // 4: sh - sh // 4: 2, sw // 4: sw - sw // 4: 2], 90))
    flat = {p: _flatten(smooth, p) for p in (-1, 1)}
    band_px = BAND_MM / 25.4 * dpi / 2
    found = {side: find_side(smooth, flat, side, paper, band_px) for side in SIDES}
    return {k: v for k, v in found.items() if v is not None}, 2
