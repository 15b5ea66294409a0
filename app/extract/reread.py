"""A field's line cut from the page with a narrow margin, enlarged and read again as one line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from app.errors import InputError
from app.extract.layout import Segment
from app.ocr.base import Box, OcrEngine, Word

SCALES = (2.0, 3.0, 1.5)  # enlargements tried in turn, until two readings agree
MARGIN = 0.4  # page kept left and right of the line's box, × the line's height
MARGIN_Y = 0.1  # ... and above and below it: no more, or the next line's marks get read too
# a tone stacked over a circumflex ("ể", "ầ") stands up to this × the line's height over the box
# the page reading gave a word it read without it ("chuyên" for "chuyển": `Rereader.mark_over`)
MARGIN_TOP = 0.4
MARK_GAP = 0.15  # ... its foot within this × the line's height of the word's top
BORDER = 16  # pixels of white added around the cut, at its new scale
THIN = 0.3  # an upright stroke of a numeral is at most this × its height wide (`uprights`)
EDGE = ",.;:()\"'‘’“”-–—_"  # marks at a word's ends a cut's edge adds or loses


@dataclass
class Rereader:
    """Reads lines of one page again; `pixels` gives the page image the page OCR read (asked
    for only when a line is read again), `dpi` its resolution."""

    engine: OcrEngine
    pixels: Callable[[], np.ndarray]
    dpi: float
    lines_read: int = 0  # how many line readings were made (for the bench's cost)
    _image: np.ndarray | None = field(default=None, init=False, repr=False)
    _lost: bool = field(default=False, init=False, repr=False)
    # lines read by read_many, by box and how they were read: the number check, agree and the
    # second model ask for some of the same readings of a trích yếu's lines
    _read: dict[tuple[Box, float, bool, bool], Segment | None] = field(
        default_factory=dict, init=False, repr=False)

    def _page(self) -> np.ndarray | None:
        """The page image; None when it cannot be had (its saved file gone or unreadable):
        then nothing is read again and the first readings stand."""
        if self._image is None and not self._lost:
            try:
                self._image = self.pixels()
            except (InputError, OSError, ValueError):
                self._lost = True
        return self._image

    def image(self) -> np.ndarray | None:
        """The page image the page OCR read; None when it cannot be had (see `_page`)."""
        return self._page()

    def _cut(self, box: Box, scale: float, thick: bool = False, margin_x: float = MARGIN
             ) -> tuple[np.ndarray, int, int] | None:
        """The line in `box` cut from the page with its margins (with `thick`, its dark strokes
        a pixel wider: a 2 × 2 minimum filter at the page's scale; `margin_x` × its height of
        page kept left and right), enlarged by `scale` and set in a white border, and the
        cut's origin on the page; None when it lies off the page or the page image is lost."""
        image = self._page()
        if image is None:
            return None
        height, width = image.shape[:2]
        margin, margin_y = (round(m * (box[3] - box[1])) for m in (margin_x, MARGIN_Y))
        x0, y0 = max(0, box[0] - margin), max(0, box[1] - margin_y)
        x1, y1 = min(width, box[2] + margin), min(height, box[3] + margin_y)
        if x1 - x0 < 2 or y1 - y0 < 2:
            return None
        cut = image[y0:y1, x0:x1]
        grey = cut if cut.ndim == 2 else cv2.cvtColor(cut, cv2.COLOR_RGB2GRAY)
        if thick:
            grey = cv2.erode(grey, np.ones((2, 2), np.uint8))
        big = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        big = cv2.copyMakeBorder(big, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT,
                                 value=255)
        return big, x0, y0

    @staticmethod
    def _back(words: tuple[Word, ...], x0: int, y0: int, scale: float) -> Segment | None:
        """The words read from a cut made at (x0, y0) and `scale`, boxed in page pixels."""
        if not words:
            return None

        def back(v: int, origin: int) -> int:
            return origin + round((v - BORDER) / scale)

        return Segment(tuple(replace(w, box=(back(w.box[0], x0), back(w.box[1], y0),
                                             back(w.box[2], x0), back(w.box[3], y0)))
                             for w in words))

    def read(self, box: Box, scale: float) -> Segment | None:
        """The line in `box` (page pixels) read at `scale`, as a segment boxed in page pixels;
        None when nothing was read, the box lies off the page or the page image is lost."""
        made = self._cut(box, scale)
        if made is None:
            return None
        self.lines_read += 1
        return self._back(self.engine.read_line(made[0], self.dpi * scale).words, *made[1:],
                          scale)

    def read_word(self, box: Box, scale: float, chars: str) -> Segment | None:
        """The word in `box` (page pixels, its margins included: nothing more of the page is
        cut left and right of it) read at `scale` with only `chars` allowed
        (engine.read_word), as a segment boxed in page pixels; None as for `read`."""
        made = self._cut(box, scale, margin_x=0.0)
        if made is None:
            return None
        self.lines_read += 1
        return self._back(self.engine.read_word(made[0], self.dpi * scale, chars).words,
                          *made[1:], scale)

    def read_many(self, boxes: list[Box], scale: float, thick: bool = False,
                  second: bool = False) -> list[Segment | None] | None:
        """The lines in `boxes` read at `scale` in one run, re-ranked as the page was
        (engine.read_lines; with `second`, by the engine's second model:
        engine.read_lines_second), each as a segment boxed in page pixels (None where nothing
        was read); None when the page image is lost or a box lies off it. With `thick`, the
        lines' strokes are thickened first (see `_cut`). Lines read so before are not read
        again."""
        keys = [(box, scale, thick, second) for box in boxes]
        if keys and all(key in self._read for key in keys):
            return [self._read[key] for key in keys]
        made = [self._cut(box, scale, thick) for box in boxes]
        if not made or any(m is None for m in made):
            return None
        cuts = [m for m in made if m is not None]
        self.lines_read += len(cuts)
        reader = self.engine.read_lines_second if second else self.engine.read_lines
        read = reader([m[0] for m in cuts], self.dpi * scale)
        got = [self._back(r.words, x0, y0, scale) for r, (_, x0, y0) in zip(read, cuts,
                                                                             strict=True)]
        self._read.update(zip(keys, got, strict=True))
        return got

    def strokes(self, box: Box) -> int | None:
        """How many upright strokes stand in `box` of the page: runs of inked columns across
        the middle fifth of its height, where serifs do not reach; None without the page
        image or when the box holds nothing."""
        image = self._page()
        if image is None:
            return None
        height = box[3] - box[1]
        band = image[box[1] + 2 * height // 5:box[1] + 3 * height // 5 + 1,
                     max(0, box[0]):box[2]]
        if band.size == 0:
            return None
        grey = band if band.ndim == 2 else cv2.cvtColor(band, cv2.COLOR_RGB2GRAY)
        _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        inked = np.asarray((ink > 0).any(axis=0), dtype=bool)
        return int(inked[0]) + int(np.count_nonzero(inked[1:] & ~inked[:-1]))

    def uprights(self, box: Box) -> int | None:
        """How many thin upright strokes, and nothing else, stand across the middle of `box`
        of the page (the strokes of "III"): the runs of inked columns at 35, 50 and 65 % of
        its height, as many at each, each run at most THIN × the box's height wide and in the
        same place at each height (within a tenth of the height: a V's or an X's strokes
        slant, an H's bar joins its strokes); None when they are not so, the box holds no
        ink or the page image is lost."""
        image = self._page()
        if image is None:
            return None
        height = box[3] - box[1]
        piece = image[box[1]:box[3], max(0, box[0]):box[2]]
        if piece.size == 0 or height < 4:
            return None
        grey = piece if piece.ndim == 2 else cv2.cvtColor(piece, cv2.COLOR_RGB2GRAY)
        if int(grey.max()) - int(grey.min()) < 64:  # paper only
            return None
        _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        bands = [_runs(ink[round(f * height)] > 0) for f in (0.35, 0.5, 0.65)]
        shift = max(1.0, 0.1 * height)
        if not bands[0] or any(len(b) != len(bands[0]) for b in bands) or any(
                width > THIN * height for b in bands for _, width in b) or any(
                abs(a[0] + a[1] / 2 - b[0] - b[1] / 2) > shift
                for other in bands[1:] for a, b in zip(bands[0], other, strict=True)):
            return None
        return len(bands[0])

    def ink(self, box: Box) -> list[tuple[int, int, int, int, int]] | None:
        """The pieces of ink in `box` of the page, left to right: each run of dark pixels
        joined at edges or corners as (left, top, width, height, area), in page pixels; none
        for paper only; None without the page image or when the box lies off the page."""
        image = self._page()
        if image is None:
            return None
        x0, y0 = max(0, box[0]), max(0, box[1])
        piece = image[y0:box[3], x0:box[2]]
        if piece.size == 0:
            return None
        grey = piece if piece.ndim == 2 else cv2.cvtColor(piece, cv2.COLOR_RGB2GRAY)
        if int(grey.max()) - int(grey.min()) < 64:  # paper only
            return []
        _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        return sorted((int(stats[k, 0]) + x0, int(stats[k, 1]) + y0, int(stats[k, 2]),
                       int(stats[k, 3]), int(stats[k, 4])) for k in range(1, count))

    def mark_over(self, box: Box, height: int) -> int | None:
        """The page row where a mark over the word boxed `box` (page pixels), on a line
        `height` pixels tall, begins (`_mark_top`): a mark stacked over another that the page
        reading left out of the word ("chuyên" read, "chuyển" printed); None when the page
        shows none there, or without the page image."""
        image = self._page()
        if image is None:
            return None
        room = round(MARGIN_TOP * height)
        top = max(0, box[1] - room)
        band = image[top:max(0, box[1]), max(0, box[0]):box[2]]
        row = _mark_top(band if band.ndim == 2 else cv2.cvtColor(band, cv2.COLOR_RGB2GRAY),
                        height)
        return None if row is None else top + row

    def reads(self, box: Box) -> Iterator[Segment | None]:
        """The line in `box` read at each scale in turn."""
        for scale in SCALES:
            yield self.read(box, scale)


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True in a row of booleans, as (start, length)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
    return [(int(a), int(b - a)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _mark_top(band: np.ndarray, height: int) -> int | None:
    """The top row of the one mark in `band` (grey, the page over a word of a line `height`
    pixels tall): ink standing clear of the band's top edge (ink crossing it is the line
    above's) and bottom edge (ink crossing it is the word's own letter), reaching down to
    within MARK_GAP × `height` of the bottom (sitting on the letter under it, not a dot under
    the line above), of at least (height / 10)² pixels; None when there is none, or when more
    ink stands clear of the top edge there (letters of the line above, not one mark)."""
    if band.size == 0 or int(band.max()) - int(band.min()) < 64:  # paper only
        return None
    _, ink = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    low, least = band.shape[0] - MARK_GAP * height, (height / 10) ** 2
    clear = [k for k in range(1, count) if stats[k, cv2.CC_STAT_TOP] > 0
             and stats[k, cv2.CC_STAT_AREA] >= least / 4]
    if len(clear) != 1:
        return None
    top, tall = stats[clear[0], cv2.CC_STAT_TOP], stats[clear[0], cv2.CC_STAT_HEIGHT]
    fits = low <= top + tall < band.shape[0] and stats[clear[0], cv2.CC_STAT_AREA] >= least
    return int(top) if fits else None
