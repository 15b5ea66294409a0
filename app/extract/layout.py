"""Page layout from OCR words: visual line segments, the two header columns and the header zone."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from app.extract.text import letters, squash
from app.ocr.base import Box, OcrResult, Word

GAP_FACTOR = 0.8  # a gap wider than this × the line's word height splits a line into segments
WIDE_GAP = 2.5  # ... and wider than this × the page's median gap between words
NATIONAL_ANCHORS = ("cong hoa xa hoi", "doc lap tu do", "dang cong san viet nam")


@dataclass(frozen=True)
class Segment:
    """A run of words on one visual line with no wide gap between them."""

    words: tuple[Word, ...]

    @cached_property
    def text(self) -> str:
        return squash(" ".join(w.text for w in self.words))

    @cached_property
    def box(self) -> Box:
        return (
            min(w.box[0] for w in self.words),
            min(w.box[1] for w in self.words),
            max(w.box[2] for w in self.words),
            max(w.box[3] for w in self.words),
        )

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2

    @property
    def cy(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]

    @cached_property
    def height(self) -> float:
        return float(statistics.median(w.box[3] - w.box[1] for w in self.words))

    @cached_property
    def letters(self) -> str:
        return letters(self.text)


def _split(words: list[Word], word_gap: float) -> list[Segment]:
    """Cut one line's words (sorted by x) where the gap is wide for the line's height and for
    the page's usual gap between words (a typewriter face spaces its words widely)."""
    out: list[list[Word]] = [[words[0]]]
    height = statistics.median(w.box[3] - w.box[1] for w in words)
    for prev, word in pairwise(words):
        if word.box[0] - prev.box[2] > max(GAP_FACTOR * height, WIDE_GAP * word_gap):
            out.append([word])
        else:
            out[-1].append(word)
    return [Segment(tuple(ws)) for ws in out]


def _anchor_start(words: tuple[Word, ...]) -> int:
    """The index of the word where a national anchor starts inside a segment of header capitals
    (0 when none, when it opens the segment, or when body text runs before it)."""
    folded = [letters(w.text) for w in words]
    for i in range(1, len(words)):
        if any(c.islower() for c in words[i - 1].text):
            return 0
        rest = " ".join(f for f in folded[i:i + 8] if f)
        if folded[i] and rest.startswith(NATIONAL_ANCHORS):
            return i
    return 0


def _national_apart(segment: Segment) -> list[Segment]:
    """A header line whose columns OCR debris has bridged ("QUẬN _ CỘNG HÒA"), cut before the
    national anchor; any other segment as it is."""
    cut = _anchor_start(segment.words)
    if not cut:
        return [segment]
    return [Segment(segment.words[:cut]), Segment(segment.words[cut:])]


@dataclass(frozen=True)
class Layout:
    """The segments of a page, top to bottom, and where its header columns lie."""

    width: int
    height: int
    segments: tuple[Segment, ...]

    @classmethod
    def of(cls, ocr: OcrResult, size: tuple[int, int]) -> Layout:
        """Rebuild visual segments from Tesseract's lines (which may join the two columns)."""
        lines: dict[tuple[int, int, int], list[Word]] = {}
        for word in ocr.words:
            if word.text.strip():
                lines.setdefault(word.line, []).append(word)
        rows = [sorted(words, key=lambda w: w.box[0]) for words in lines.values()]
        gaps = [b.box[0] - a.box[2] for row in rows for a, b in pairwise(row)]
        word_gap = float(statistics.median(gaps)) if gaps else 0.0
        segments: list[Segment] = []
        for row in rows:
            for segment in _split(row, word_gap):
                segments += _national_apart(segment)
        segments.sort(key=lambda s: (s.box[1], s.box[0]))
        return cls(size[0], size[1], tuple(segments))

    @cached_property
    def national(self) -> tuple[Segment, ...]:
        """The national name / motto (or the Party's name) segments at the top right."""
        return tuple(
            s for s in self.segments
            if s.cy < self.height * 0.3 and s.cx > self.width * 0.4
            and any(a in s.letters for a in NATIONAL_ANCHORS)
        )

    @cached_property
    def column_split(self) -> float:
        """The x between the left (issuer) and right (national) header columns."""
        if self.national:
            return min(s.box[0] for s in self.national) - self.width * 0.01
        return self.width * 0.48

    def left(self, top: float, bottom: float) -> list[Segment]:
        """Segments of the left column whose centre lies between `top` and `bottom`."""
        return [s for s in self.segments
                if top <= s.cy < bottom and s.cx < self.column_split]

    def right(self, top: float, bottom: float) -> list[Segment]:
        """Segments of the right column whose centre lies between `top` and `bottom`."""
        return [s for s in self.segments
                if top <= s.cy < bottom and s.cx >= self.column_split]

    def below(self, y: float) -> list[Segment]:
        """Segments whose centre lies below `y`, top to bottom."""
        return [s for s in self.segments if s.cy > y]
