"""Whether a page was typed in a fixed-pitch (typewriter) face, from its words' boxes.

In a typewriter face every character takes the same width, so a word's box is a pitch per
letter, less the side bearings of its first and last letters. In a book face "lí" and "mm"
differ by half their width. A page's lines differ in size (a smaller header, a bold title, a
small "Nơi nhận"), so each line's pitch is found from its own words and each word's width is
measured against it, in letters; the upper quartile of these distances tells the faces apart.
On the tuning and dev bench pages (those of `bench.extract` and the geometry bench's cached
dev pages, not held-out) it is 0.04-0.15 letter on the 616 pages in monospace faces (FreeMono,
Noto Sans Mono, TeX Gyre Cursor, JetBrains Mono, League Mono), 0.25-1.01 on the 571 in book
faces with enough words (Liberation Serif / Sans, DejaVu Serif / Sans, TeX Gyre Termes, Charis
SIL, Noto Serif, TeX Gyre Schola / Bonum), median 0.06 against 0.37; under 0.2 is fixed-pitch.
"""

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
