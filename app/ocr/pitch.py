"""Whether a page was typed in a fixed-pitch (typewriter) face, from its words' boxes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from app.ocr.base import Word

SURE = 85.0  # words read at least this sure (0-100) are measured: a misread word's box is not
MIN_LINE = 3  # a line's pitch is found from at least this many of its measured words
MIN_WORDS = 8  # fewer measured words (in such lines) tell nothing
BEARINGS = 0.15  # a word's box lacks this much of a letter: its first and last side bearings
QUANTILE = 0.75  # the distances' upper quartile is measured (book faces spread wide)
SPREAD = 0.2  # that distance, in letters, under which the face is fixed-pitch


def spread(words: Sequence[Word]) -> float | None:
    """The upper quartile of the distances, in letters, of the widths of `words` (those read
    sure, of two letters or more, letters only, in a line of MIN_LINE such words or more) from
    their line's pitch times their count of letters (less BEARINGS); None with fewer than
    MIN_WORDS such words."""
    lines: defaultdict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
    for w in words:
        if w.conf >= SURE and len(w.text) >= 2 and w.text.isalpha():
            lines[w.line].append((len(w.text), w.box[2] - w.box[0]))
    distances: list[float] = []
    for measured in lines.values():
        if len(measured) >= MIN_LINE:
            letters, widths = (np.array(v, dtype=float) for v in zip(*measured, strict=True))
            letters -= BEARINGS
            pitch = float(np.median(widths / letters))
            if pitch > 0:
                distances.extend(np.abs(widths / pitch - letters))
    if len(distances) < MIN_WORDS:
        return None
    return float(np.quantile(distances, QUANTILE))


def fixed_pitch(words: Sequence[Word]) -> bool:
    """True when the page's words were typed in a fixed-pitch face (see `spread`)."""
    found = spread(words)
    return found is not None and found < SPREAD
