"""Which way is up: ink above vs below the x-height band of each text line."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.imaging.skew import project

FLIP_MARGIN = 0.08  # turn 180° only when the evidence is clearly negative


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Return the [start, end) index ranges where `mask` is True."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def asymmetry(t: np.ndarray) -> tuple[float, int]:
    """Return the mean of (above − below) / (above + below) over text lines (weight √ink), and
    how many lines voted.

    `t` runs across the text lines, increasing towards the bottom of upright text. Each line is
    a run of the profile between gaps; its band is where the profile is at least half its peak,
    and above / below are its ink before / after the band. A positive value means more ink
    before the bands (ascenders, capitals, diacritics): the text is upright. A run whose band
    is broken (the profile falls under half its peak inside it) is several lines run together
    (tight leading at the work resolution): it has no band of its own and does not vote.
    """
    if t.size < 50:
        return 0.0, 0
    p = np.bincount(np.round(t - t.min()).astype(np.int64)).astype(float)
    gap = 0.04 * float(np.percentile(p[p > 0], 90))
    votes = weights = 0.0
    lines = 0
    for s, e in _runs(p > gap):
        line = p[s:e]
        band = np.flatnonzero(line >= 0.5 * line.max())
        if band[-1] - band[0] + 1 > band.size:
            continue
        above = float(line[: band[0]].sum())
        below = float(line[band[-1] + 1:].sum())
        if above + below > 0:
            weight = float(np.sqrt(line.sum()))
            votes += weight * (above - below) / (above + below)
            weights += weight
            lines += 1
    return (votes / weights if weights > 0 else 0.0), lines


@dataclass(frozen=True)
class Vote:
    """The layout's vote on which way is up."""

    turn: int  # clockwise turn making the text upright
    score: float  # the asymmetry: > 0 for text upright as the turn leaves it
    lines: int  # text lines that voted


def orientation(x: np.ndarray, y: np.ndarray, skew_deg: float, vertical: bool) -> Vote:
    """Return the layout's vote for ink points (x, y) of lines at `skew_deg`."""
    score, lines = asymmetry(project(x, y, skew_deg, vertical))
    if vertical:  # the text's top on the left: a 90° clockwise turn makes it upright
        return Vote(90, score, lines) if score >= 0 else Vote(270, -score, lines)
    return Vote(0, score, lines) if score >= -FLIP_MARGIN else Vote(180, -score, lines)
