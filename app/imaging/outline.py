"""Find the sheet's four edges against the scanner bed on the working copy."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.imaging.edges import DEEP, MAX_DEPTH, Fit, search
from app.imaging.lines import Line

LIGHT_BED = 120.0  # a bed (median of the image border) at least this bright is flattened
BAND_MM = 2.0  # a darker band's edge this far outside the paper's edge is the sheet's edge
FLAT_PX = 9  # window of the shading estimate, pixels of the halved copy (3-6 mm)
MIN_CONTRAST = 4.0  # grey levels between bed and paper for a bed to count as seen
SHADOW_MIN = 2.0  # grey levels of the least shadow that shows a sheet as bright as its lid
SHADOW_PX = 3.0  # widest shadow of a sheet's edge on the lid, pixels of the halved copy
SHADOW_DEPTH = 0.7  # a sheet's shadow on a light lid keeps this share of the light; ink does not
BARE_INK = 0.002  # share of dark pixels beyond a far edge that shows print, not bare bed
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


def find_side(grey: np.ndarray, flat: dict[int, np.ndarray], fine: np.ndarray, side: str,
              paper: float, band_px: float, light: float | None,
              depth: float = MAX_DEPTH) -> Side | None:
    """Return the straight sheet edge seen first from `side`, or None if there is none.

    The step from the bed (the outermost pixels) to a sheet of brightness `paper` must go the
    same way as their difference, so that a bed shadow or a frame rule does not count. On a
    `light` bed (its level; None for a dark one) the edge is sought on `flat[polarity]`, the
    copy with shading divided out, and the polarity follows the bed's level over the whole
    border, as a lid shadow darkens paper and bed alike. The sheet's edge casts a narrow
    shadow on the lid: a sheet as bright as the lid shows by the step up from it to the
    paper, and so does one darker than the lid but not than its shadow. A step down more than
    `band_px` further out than the paper's step up wins if a dark band lies inside it: a band
    printed at the sheet's edge. Only the outer `depth` of the image is searched.
    """
    a = _oriented(grey, side)
    bed = float(np.median(a[:, :2]))
    outer: Fit | None = None
    if light is None:
        if abs(paper - bed) < MIN_CONTRAST:
            return None  # no bed beyond this side: a cropped page or a sheet over the bed's edge
        polarity = 1 if paper > bed else -1
        found = search(a, polarity, depth)
        seen = True
    else:
        seen = abs(paper - light) >= MIN_CONTRAST
        polarity = -1 if seen and paper < light else 1
        found = search(_oriented(flat[polarity], side), polarity, depth)
        if polarity < 0:
            # dividing by the local minimum also lifts the paper beside print: a sheet darker
            # than the lid may show better on the grey copy itself
            raw = search(a, -1, depth)
            if raw is not None and _bed_outside(a, raw, paper) and (
                    found is None or _depth(raw, a.shape[0]) < _depth(found, a.shape[0])):
                found = raw
            up = search(_oriented(flat[1], side), 1, depth)
            if up is not None and found is not None and _shadow_between(a, found, up, paper):
                outer = found  # the bed is seen beyond the shadow, not just outside the edge
                found, polarity = up, 1
            elif up is not None and (found is None or not _bed_outside(a, found, paper)):
                found, polarity = up, 1
        else:
            other = search(a, -1, depth)
            rows = a.shape[0]
            if other is not None and _band_inside(a, other, min(paper, bed)) and (
                    found is None or _depth(other, rows) < _depth(found, rows) - band_px):
                found, polarity = other, -1
    if found is None or not (_bed_outside(a, outer or found, paper) if seen
                             else _shadow_outside(_oriented(fine, side), found)):
        return None
    h, w = grey.shape
    return Side(_to_image(side, found[0], found[1], float(w), float(h)), found[2], found[3],
                polarity)


def _along(a: np.ndarray, fit: Fit, offset: float) -> np.ndarray:
    """Return `a` along the fitted edge moved `offset` pixels inward, per row (nan outside `a`
    and beyond the rows where the edge was seen)."""
    s = np.arange(a.shape[0])
    t = np.floor(fit[0] + fit[1] * (s + 0.5) + offset).astype(int)
    ok = (t >= 0) & (t < a.shape[1]) & (s >= fit[4]) & (s <= fit[5])
    return np.where(ok, a[s, np.clip(t, 0, a.shape[1] - 1)], np.nan)


def _median_along(a: np.ndarray, fit: Fit, offset: float) -> float:
    """Return the median of `a` along the fitted edge moved `offset` pixels inward (nan if none)."""
    v = _along(a, fit, offset)
    v = v[~np.isnan(v)]
    return float(np.median(v)) if v.size else math.nan


def _band_inside(a: np.ndarray, fit: Fit, light: float) -> bool:
    """Return True if a dark band (not a shadow's narrow dip) lies just inside a fitted edge."""
    return _median_along(a, fit, 2.0) < SHADOW_DEPTH * light


def _shadow_between(a: np.ndarray, down: Fit, up: Fit, paper: float) -> bool:
    """Return True if a step down and a step up just inside it enclose a shadow, not ink."""
    rows = a.shape[0]
    if not 0.0 <= _depth(up, rows) - _depth(down, rows) <= SHADOW_PX:
        return False
    dip = min(_median_along(a, down, offset) for offset in (0.5, 1.0, 1.5))
    return bool(dip >= SHADOW_DEPTH * paper)


def _bed_outside(a: np.ndarray, fit: Fit, paper: float) -> bool:
    """Return True if the pixels just outside a fitted edge differ from the paper (are bed)."""
    outside = _median_along(a, fit, -2.5)
    return math.isnan(outside) or abs(outside - paper) >= MIN_CONTRAST


def _shadow_outside(fine: np.ndarray, fit: Fit) -> bool:
    """Return True if a sheet's shadow on a light lid, not ink, lies just outside a fitted edge.

    `fine` is the grey copy at twice the scale of the fit. On nearly every row the darkest
    pixel within SHADOW_PX (of the fit's scale) outside the edge must be darker than the paper
    just inside, but keep SHADOW_DEPTH of its light: a printed rule is darker, text has gaps.
    (Dividing out the shading by the local maximum puts the edge of a sheet a little darker
    than its backing up to half of FLAT_PX too far in: the shadow is sought that far out.)
    """
    edge = (2.0 * fit[0], fit[1], fit[2], fit[3], 2 * fit[4], 2 * fit[5] + 1)
    reach = np.arange(-2 * SHADOW_PX, 0.25, 0.5)
    dip = np.max([-_along(fine, edge, offset) for offset in reach], axis=0)
    inside = np.max([_along(fine, edge, offset) for offset in (2.0, 3.0, 4.0)], axis=0)
    ok = ~np.isnan(dip) & ~np.isnan(inside)
    if np.count_nonzero(ok) < 0.5 * (edge[5] - edge[4] + 1):
        return False
    ratio = -dip[ok] / np.maximum(inside[ok], 1.0)
    shadow = (ratio >= SHADOW_DEPTH) & (ratio <= 1.0 - SHADOW_MIN / np.maximum(inside[ok], 1.0))
    return float(np.mean(shadow)) >= 0.8


def _bare_beyond(grey: np.ndarray, side: str, found: Side) -> bool:
    """Return True if nothing is printed between the image's `side` and the edge found there.

    A sheet far from one side leaves bare bed there; a sheet cut off by that side shows ink.
    """
    h, w = grey.shape
    p, d = found.line
    ys, xs = np.mgrid[0:h, 0:w]
    # signed distance of each pixel centre from the edge, positive towards `side`
    dist = (xs + 0.5 - p[0]) * d[1] - (ys + 0.5 - p[1]) * d[0]
    probe = {"left": (0.0, h / 2), "right": (float(w), h / 2), "top": (w / 2, 0.0),
             "bottom": (w / 2, float(h))}[side]
    sign = np.sign((probe[0] - p[0]) * d[1] - (probe[1] - p[1]) * d[0])
    bare = grey[dist * sign > 3.0]
    if bare.size == 0:
        return True
    return float(np.mean(bare < SHADOW_DEPTH * float(np.median(bare)))) < BARE_INK


def _depth(fit: Fit, rows: int) -> float:
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


def _paper_level(centre: np.ndarray, bed: float) -> float:
    """Return the paper's level from the image's centre: its brightest common level (90th
    percentile, above the ink). On a light bed, where that is the bed's own level and lies
    well above the centre's commonest level, the bed shows in the centre beside a small
    tinted sheet (A5 on an A4 lid or white ADF backing): the sheet is the commonest level.
    """
    paper = float(np.percentile(centre, 90))
    if bed < LIGHT_BED or abs(paper - bed) >= MIN_CONTRAST:
        return paper
    commonest = float(np.argmax(np.bincount(np.clip(centre, 0, 255).astype(np.int64).ravel())))
    return commonest if paper - commonest >= 2 * MIN_CONTRAST else paper


def is_light_bed(grey: np.ndarray) -> bool:
    """Return True if the border of `grey` (the bed around the sheet) is a light lid or backing."""
    border = np.concatenate([_oriented(grey, k)[:, :2].ravel() for k in SIDES])
    return float(np.median(border)) >= LIGHT_BED


def find_sides(grey: np.ndarray, dpi: float) -> tuple[dict[str, Side], int]:
    """Return the sheet edges found on a halved, blurred copy of the working image, keyed by side.

    The lines are in pixels of that copy, whose scale (2) relative to `grey` is returned too.
    """
    h, w = grey.shape
    even = grey[: h - h % 2, : w - w % 2]
    small = cv2.resize(even, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    smooth = cv2.GaussianBlur(small, (3, 3), 0.7)
    sh, sw = smooth.shape
    light = float(np.median(np.concatenate([_oriented(smooth, k)[:, :2].ravel() for k in SIDES])))
    paper = _paper_level(smooth[sh // 4: sh - sh // 4: 2, sw // 4: sw - sw // 4: 2], light)
    flat = {p: _flatten(smooth, p) for p in (-1, 1)} if light >= LIGHT_BED else {}
    band_px = BAND_MM / 25.4 * dpi / 2
    bed = light if light >= LIGHT_BED else None
    found = {side: find_side(smooth, flat, even, side, paper, band_px, bed) for side in SIDES}
    for side, other in zip(SIDES, SIDES[2:] + SIDES[:2], strict=True):
        if found[side] is None and found[other] is not None:  # a small sheet far from this side
            deep = find_side(smooth, flat, even, side, paper, band_px, bed, DEEP)
            if deep is not None and _bare_beyond(smooth, side, deep):
                found[side] = deep
    return {k: v for k, v in found.items() if v is not None}, 2
