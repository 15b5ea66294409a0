"""Find the sheet's four edges against the scanner bed on the working copy."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.lines import Line, ransac_line, robust_fit

MAX_SLOPE = math.tan(math.radians(20))
MAX_DEPTH = 0.4  # share of the image width searched for an edge from each side
SIDES = ("top", "right", "bottom", "left")


@dataclass(frozen=True)
class Side:
    """One sheet edge found on the working copy, in working-copy pixel-edge coordinates."""

    line: Line
    coverage: float  # share of the edge's extent that has an edge point on the line
    span: float  # the edge's found extent as a share of the image side


def _oriented(grey: np.ndarray, side: str) -> np.ndarray:
    """View `grey` so that scanning rows from column 0 moves inward from `side`."""
    return {"left": grey, "right": grey[:, ::-1], "top": grey.T, "bottom": grey.T[:, ::-1]}[side]


def _first_hits(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (row centres, sub-pixel edge positions) of the first strong step along each row.

    Only the outer MAX_DEPTH of each row is searched: a sheet edge lies near the image border.
    """
    a = a[:, : max(8, int(MAX_DEPTH * a.shape[1]))]
    d = np.abs(a[:, 2:] - a[:, :-2])  # d[:, k] is the step at column k + 1
    noise = 1.4826 * float(np.median(d[::3, ::3])) + 0.3
    strong = d > max(6.0 * noise, 3.0)
    strong[:, :2] = False  # ignore the image's own border
    has = strong.any(axis=1)
    rows = np.flatnonzero(has)
    first = np.argmax(strong[rows], axis=1)
    # walk to the local maximum of the step just after the first crossing
    width = d.shape[1]
    offs = np.arange(4)
    cols = np.minimum(first[:, None] + offs[None, :], width - 1)
    vals = d[rows[:, None], cols]
    peak = np.minimum(first + np.argmax(vals, axis=1), width - 2)
    peak = np.maximum(peak, 1)
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


def find_side(grey: np.ndarray, side: str) -> Side | None:
    """Return the straight sheet edge seen first from `side`, or None if there is none."""
    a = _oriented(grey, side)
    s, t = _first_hits(a)
    length = a.shape[0]
    if len(s) < 0.15 * length:
        return None
    inl = ransac_line(s, t, tol=1.5, max_slope=MAX_SLOPE)
    if inl.sum() < 0.15 * length:
        return None
    ia, ib, keep = robust_fit(s[inl], t[inl], tol=1.0)
    si = s[inl][keep]
    extent = float(si.max() - si.min()) + 1.0
    coverage = len(si) / extent
    span = extent / length
    depth = ia + ib * float(np.median(si))
    if coverage < 0.8 or span < 0.2 or depth > (MAX_DEPTH - 0.05) * a.shape[1]:
        return None
    h, w = grey.shape
    return Side(_to_image(side, ia, ib, float(w), float(h)), coverage, span)


def find_sides(grey: np.ndarray) -> tuple[dict[str, Side], int]:
    """Return the sheet edges found on a halved, blurred copy of the working image, keyed by side.

    The lines are in pixels of that copy, whose scale (2) relative to `grey` is returned too.
    """
    h, w = grey.shape
    small = cv2.resize(grey[: h - h % 2, : w - w % 2], (w // 2, h // 2),
                       interpolation=cv2.INTER_AREA)
    smooth = cv2.GaussianBlur(small, (3, 3), 0.7)
    found = {side: find_side(smooth, side) for side in SIDES}
    return {k: v for k, v in found.items() if v is not None}, 2
