"""The trích yếu: the centred lines under the type title, or the "V/v" lines of a công văn."""

from __future__ import annotations

import re

from app.extract.layout import Layout, Segment
from app.extract.model import EMPTY, THIN_STROKES, FieldValue, found
from app.extract.text import fold
from app.ocr.base import Word

_VV = re.compile(r"^\s*v\s*[/|il1]\s*v\b\.?\s*")
# a word made only of thin upright strokes ("TT" read for "II") that is no Roman numeral
_THIN = re.compile(r"[IlT|]{2,4}")
_ROMAN = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")
MAX_STEP = 1.35  # a line further below the previous one than this × the line step ends the block


def _subject(text: str, words: tuple[Word, ...], factor: float = 1.0) -> FieldValue:
    """The trích yếu as a field; a suggestion when a word of thin strokes reads as no numeral
    (the model loses and merges such strokes: "quý TT" for "quý II", "II" for "III")."""
    thin = any(_THIN.fullmatch(w.text.strip(",.;:")) and not _ROMAN.fullmatch(w.text.strip(",.;:"))
               for w in words)
    return found(text, words, factor, THIN_STROKES if thin else "")


def _lines(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into visual lines (same height on the page), left to right."""
    lines: list[list[Segment]] = []
    for segment in segments:
        if lines and abs(segment.cy - lines[-1][0].cy) < 0.5 * segment.height:
            lines[-1].append(segment)
        else:
            lines.append([segment])
    return [sorted(line, key=lambda s: s.box[0]) for line in lines]


def _block(first: Segment, candidates: list[Segment], step: float, cx: float,
           tolerance: float) -> list[Segment]:
    """Lines following `first` at about `step` apart, centred on `cx`."""
    taken = [first]
    y = first.cy
    for line in _lines([s for s in candidates if s.cy > first.cy + 0.5 * first.height]):
        left, right = min(s.box[0] for s in line), max(s.box[2] for s in line)
        if line[0].cy - y > MAX_STEP * step or abs((left + right) / 2 - cx) > tolerance:
            break
        taken += line
        y = line[0].cy
    return taken


def under_title(layout: Layout, title: Segment) -> FieldValue:
    """The title's trích yếu: centred lines under it, one line step apart."""
    below = [s for s in layout.below(title.cy + 0.5 * title.height) if any(
        c.isalnum() for c in s.text)]
    lines = _lines(below)
    if not lines:
        return EMPTY
    first = lines[0]
    step = first[0].cy - title.cy
    if step > 3.0 * title.height:
        return EMPTY
    head = sorted(first, key=lambda s: s.box[0])
    left, right = head[0].box[0], head[-1].box[2]
    if abs((left + right) / 2 - title.cx) > 0.05 * layout.width:
        return EMPTY
    merged = Segment(tuple(w for s in head for w in s.words))
    block = _block(merged, below, step, title.cx, 0.05 * layout.width)
    words = tuple(w for s in block for w in s.words)
    return _subject(" ".join(s.text for s in block), words)


def vv_line(layout: Layout, top: float, bottom: float) -> Segment | None:
    """The "V/v …" segment of a công văn's left column between `top` and `bottom`."""
    for segment in layout.left(top, bottom):
        if _VV.match(fold(segment.text)):
            return segment
    return None


def after_vv(layout: Layout, vv: Segment, bottom: float) -> FieldValue:
    """A công văn's trích yếu: the "V/v" line and the centred lines that continue it."""
    step = 1.6 * vv.height
    block = _block(vv, layout.left(vv.cy, bottom), step, vv.cx, 0.06 * layout.width)
    text = " ".join(s.text for s in block)
    m = _VV.match(fold(text))
    assert m is not None
    words = tuple(w for s in block for w in s.words)
    return _subject(text[m.end():].strip(), words, 0.95)
