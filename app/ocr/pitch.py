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


def _measured(words: Sequence[Word]) -> dict[tuple[int, int, int], list[tuple[int, int]]]:
    """Per OCR line of MIN_LINE or more such words, the letters and width of each of its words
    read sure, of two letters or more, letters only."""
    lines: defaultdict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
    for w in words:
        if w.conf >= SURE and len(w.text) >= 2 and w.text.isalpha():
            lines[w.line].append((len(w.text), w.box[2] - w.box[0]))
    return {line: measured for line, measured in lines.items() if len(measured) >= MIN_LINE}


def _pitch(measured: list[tuple[int, int]]) -> float:
    """A line's pitch (pixels a character): the median of its measured words' width per letter
    (their letters less BEARINGS)."""
    return float(np.median([width / (letters - BEARINGS) for letters, width in measured]))


def line_pitches(words: Sequence[Word]) -> dict[tuple[int, int, int], float]:
    """The pitch of each OCR line of `words` with enough words read sure to measure it."""
    return {line: _pitch(measured) for line, measured in _measured(words).items()}


def spread(words: Sequence[Word]) -> float | None:
    """The upper quartile of the distances, in letters, of the widths of `words` (those
    `_measured`) from their line's pitch times their count of letters (less BEARINGS); None
    with fewer than MIN_WORDS such words."""
    distances: list[float] = []
    for measured in _measured(words).values():
        pitch = _pitch(measured)
        if pitch > 0:
            distances.extend(abs(width / pitch - (letters - BEARINGS))
                             for letters, width in measured)
    if len(distances) < MIN_WORDS:
        return None
    return float(np.quantile(distances, QUANTILE))


def fixed_pitch(words: Sequence[Word]) -> bool:
    """True when the page's words were typed in a fixed-pitch face (see `spread`)."""
    found = spread(words)
    return found is not None and found < SPREAD
