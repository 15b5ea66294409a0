"""Which way is up: ink above vs below the x-height band of each text line."""

from __future__ import annotations

import numpy as np

from app.imaging.skew import project

FLIP_MARGIN = 0.08  # turn 180° only when the evidence is clearly negative


def _cores(p: np.ndarray) -> list[tuple[int, int]]:
    """Return the [start, end) bins of dense runs (the x-height bands of text lines)."""
    nz = p[p > 0]
    if nz.size == 0:
        return []
    high = p >= 0.35 * float(np.percentile(nz, 90))
    edges = np.flatnonzero(np.diff(np.concatenate(([0], high.astype(np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def asymmetry(t: np.ndarray) -> float:
    """Return (above − below) / (above + below) for ink beside the line cores along `t`.

    `t` runs across the text lines, increasing towards the bottom of upright text; a positive
    value means more ink before the cores (ascenders, capitals, diacritics): the text is upright.
    """
    if t.size < 50:
        return 0.0
    t = t - t.min()
    p = np.bincount(np.round(t).astype(np.int64)).astype(float)
    cores = _cores(p)
    if not cores:
        return 0.0
    cut = [0] + [a_end + int(np.argmin(p[a_end:b_start])) if b_start > a_end else a_end
                 for (_, a_end), (b_start, _) in zip(cores[:-1], cores[1:], strict=True)]
    cut.append(len(p))
    above = below = 0.0
    for i, (a, b) in enumerate(cores):
        reach = 2 * (b - a) + 2
        above += float(p[max(cut[i], a - reach):a].sum())
        below += float(p[b:min(cut[i + 1], b + reach)].sum())
    total = above + below
    return (above - below) / total if total > 0 else 0.0


def orientation(x: np.ndarray, y: np.ndarray, skew_deg: float, vertical: bool) -> tuple[int, float]:
    """Return (clockwise turn making the text upright, asymmetry score) for ink points."""
    t = project(x, y, skew_deg, vertical)
    if vertical:
        score = asymmetry(t)  # the text's top on the left: a 90° clockwise turn makes it upright
        return (90 if score >= 0 else 270), score
    score = asymmetry(t)
    return (0 if score >= -FLIP_MARGIN else 180), score
