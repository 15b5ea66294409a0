"""Straight edges across the rows of an image: the first strong step per row, fitted to a line."""

from __future__ import annotations

import math

import numpy as np

from app.imaging.lines import ransac_line, robust_fit

Fit = tuple[float, float, float, float, int, int]  # t = a + b*s; coverage, span, first/last row

MAX_SLOPE = math.tan(math.radians(20))
STRONG = 4.5  # noise levels of a step that may start an edge...
WEAK = 3.0  # ...and of one that continues it
RAMP = 3  # a step must exceed the change this many pixels before and after it
END_PX = 2.0  # a line parallel to the border (within PARALLEL) reaching this near both...
PARALLEL = 0.002  # ...ends of the image side is the scanner's, not a sheet's
GAP = 0.04  # share of the image side an edge may be unseen over and still be one edge
MAX_DEPTH = 0.4  # share of the image searched for an edge from each side...
DEEP = 0.6  # ...and searched again where none was found (an A5 sheet across an A4 bed)


def _steps(a: np.ndarray, polarity: int, depth: float) -> tuple[np.ndarray, float]:
    """Return the short steps of `polarity` along the rows of `a`'s outer part, and their noise.

    With `polarity` +1 (-1) only steps to brighter (darker) count; only the outer `depth` of
    each row is searched, as a sheet edge lies near the image border. Column k of the result is
    the change across column k + 1 of `a`.
    """
    a = a[:, : max(8, int(depth * a.shape[1]))]
    step = a[:, 2:] - a[:, :-2]
    noise = 1.4826 * float(np.median(np.abs(step[::3, ::3]))) + 0.3
    sign = np.float32(polarity)
    padded = np.pad(step, ((0, 0), (RAMP, RAMP)), mode="edge")
    # a shadow is a long ramp, a sheet edge a short step: drop the change that continues the
    # same way a few pixels before or after
    ramp = np.maximum(padded[:, : -2 * RAMP] * sign, padded[:, 2 * RAMP:] * sign)
    return step * sign - np.maximum(ramp, 0.0), noise


def _first_hits(d: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Return (row centres, sub-pixel edge positions) of the first step over `threshold` in `d`."""
    strong = d > threshold
    strong[:, :RAMP] = False  # the ramp test needs RAMP steps on either side
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


def _seen_along(d: np.ndarray, a: float, b: float, rows: np.ndarray, threshold: float) -> int:
    """Return how many of `rows` have a step over `threshold` within a pixel of t = a + b*s."""
    k = np.round(a + b * (rows + 0.5) - 1.5).astype(int)  # the step column of that edge
    near = np.stack([d[rows, np.clip(k + j, 0, d.shape[1] - 1)] for j in (-1, 0, 1)])
    return int(np.count_nonzero(near.max(axis=0) > threshold))


def search(a: np.ndarray, polarity: int, depth: float = MAX_DEPTH) -> Fit | None:
    """Fit the first steps of `polarity` along the rows of `a` to one straight edge.

    Returns (a, b, coverage, span, first row, last row) of t = a + b*s, or None if no long,
    unbroken edge is found.
    A step parallel to the image side all along it is the scanner's (a lid shadow's or the bed
    frame's edge), as a sheet on the bed ends before the border: the search goes on beyond it,
    once.
    """
    d, noise = _steps(a, polarity, depth)
    for _ in range(2):
        found = _fit(d, noise, a.shape[1], depth)
        if found is None or not found[1]:
            break
        fit = found[0]
        cut = fit[0] + fit[1] * (np.arange(d.shape[0]) + 0.5) + 0.5  # the step column past it
        d = np.where(np.arange(d.shape[1])[None, :] < cut[:, None], 0.0, d)
    if found is None or found[1] or found[0][2] < 0.8 or found[0][3] < 0.2:
        return None
    return found[0]


def _fit(d: np.ndarray, noise: float, width: int, depth: float) -> tuple[Fit, bool] | None:
    """Fit the first strong steps in `d` to a line: (a, b, coverage, span, rows), None if few.

    An edge deeper than `depth` of the row `width` (less a margin) does not count. Also
    returns whether the line is the scanner's: parallel to the border, from end to end.
    """
    s, t = _first_hits(d, max(STRONG * noise, 3.0))
    length = d.shape[0]
    if len(s) < 0.15 * length:
        return None
    inl = ransac_line(s, t, tol=1.5, max_slope=MAX_SLOPE)
    if inl.sum() < 0.15 * length:
        return None
    ia, ib, keep = robust_fit(s[inl], t[inl], tol=1.0)
    si = s[inl][keep]
    if ia + ib * float(np.median(si)) > (depth - 0.05) * width:
        return None
    # rows whose first step lies outside the line (bed dirt, shadow) hide the edge: not gaps;
    # on the others a weaker step on the line still shows it
    hidden = np.zeros(length, dtype=bool)
    hidden[(s[t < ia + ib * s - 1.5] - 0.5).astype(int)] = True
    lo, hi = _extent((si - 0.5).astype(int), hidden)
    rows = np.flatnonzero(~hidden[lo:hi + 1]) + lo
    coverage = _seen_along(d, ia, ib, rows, max(WEAK * noise, 2.0)) / max(1, rows.size)
    scanner = abs(ib) < PARALLEL and si.min() < END_PX and si.max() > length - END_PX
    return (ia, ib, coverage, (hi - lo + 1.0) / length, lo, hi), bool(scanner)


def _extent(on: np.ndarray, hidden: np.ndarray) -> tuple[int, int]:
    """Return the first and last row of the run of edge rows `on` (sorted) with most of them.

    Rows `hidden` (a mask over all rows) join a run; other gaps over GAP of the rows end it, so
    that stray steps on the line's extension over the bed beyond a corner do not lengthen it.
    """
    gap = max(3, round(GAP * hidden.size))
    # unhidden rows since the start, at each edge row: a run breaks where they jump by > gap
    open_rows = np.cumsum(~hidden)[on]
    breaks = np.flatnonzero(np.diff(open_rows) > gap) + 1
    runs = np.split(np.arange(on.size), breaks)
    best = max(runs, key=len)
    return int(on[best[0]]), int(on[best[-1]])
