"""Whether a page was typed in a fixed-pitch (typewriter) face, from its words' boxes.

In a typewriter face every character takes the same width, so a word's box grows by one pitch
per character: across a page's words read sure, the width is a straight line of the count of
characters (a pitch, less the side bearings). In a book face "lí" and "mm" differ by half
their width. The words' spread about the best straight line, over the pitch, tells them apart:
0.03-0.14 on the typewritten tuning and dev bench pages (Liberation Mono, FreeMono, Noto Sans
Mono, TeX Gyre Cursor), 0.11-0.59 on those in book faces (DejaVu, Liberation Serif, TeX Gyre
Termes / Heros, FreeSerif / FreeSans), median 0.06 against 0.24.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.ocr.base import Word

SURE = 85.0  # words read at least this sure (0-100) are measured: a misread word's box is not
MIN_WORDS = 8  # fewer measured words tell nothing
SPREAD = 0.12  # median distance from the line, × the pitch, under which the face is fixed-pitch


def spread(words: Sequence[Word]) -> float | None:
    """The median distance of the widths of `words` (those read sure, of two letters or more,
    letters only) from the straight line that best fits them against their count of letters,
    over that line's slope (the pitch); None with fewer than MIN_WORDS such words."""
    measured = [(len(w.text), w.box[2] - w.box[0]) for w in words
                if w.conf >= SURE and len(w.text) >= 2 and w.text.isalpha()]
    if len(measured) < MIN_WORDS or len({n for n, _ in measured}) < 2:
        return None
    counts, widths = (np.array(v, dtype=float) for v in zip(*measured, strict=True))
    slope, offset = np.polyfit(counts, widths, 1)
    if slope <= 0:
        return None
    return float(np.median(np.abs(widths - (slope * counts + offset))) / slope)


def fixed_pitch(words: Sequence[Word]) -> bool:
    """True when the page's words were typed in a fixed-pitch face (see `spread`)."""
    found = spread(words)
    return found is not None and found < SPREAD
