"""Lines the page OCR read with little confidence, read again alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

import cv2
import numpy as np

from app.errors import DependencyError
from app.ocr.base import Box
from app.ocr.hocr import ChoiceWord, read_hocr_pages

WEAK = 80.0  # mean word confidence (0-100) under which a piece of a line is read again
GAP = 3.0  # a gap wider than this × the words' height cuts a line into pieces
# (page segmentation mode, page kept around the piece × its words' median height), in turn
READINGS = ((7, 0.3), (13, 0.15))
EDGE_MARKS = "_-~'\"“”‘’`"  # marks a cut's edge adds before a line (a rule, a descender)
BORDER = 20  # pixels of the cut's own edge repeated around it (Tesseract wants some room)
THIN = 0.07  # strokes narrower than this × the words' median height are thin ...
THIN_PT = 0.6  # ... and than this many points (2.5 pixels at 300 dpi)


class Cut(NamedTuple):
    """A part of the page to read as one line: its box, and whether its strokes are thickened."""

    box: Box
    thick: bool = False


def _height(word: ChoiceWord) -> int:
    return word.box[3] - word.box[1]


def pieces(words: Sequence[ChoiceWord]) -> list[list[int]]:
    """The indices of the page's words, line by line, cut at wide gaps (two columns joined)."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(words):
        lines.setdefault(word.line, []).append(i)
    out = []
    for indices in lines.values():
        piece = [indices[0]]
        for a, b in pairwise(indices):
            height = max(_height(words[a]), _height(words[b]), 1)
            if words[b].box[0] - words[a].box[2] > GAP * height:
                out.append(piece)
                piece = []
            piece.append(b)
        out.append(piece)
    return out


def _mean(words: Sequence[ChoiceWord]) -> float:
    return sum(w.conf for w in words) / len(words)


def stroke_width(image: np.ndarray, box: Box) -> float:
    """The mean width in pixels of the ink strokes in `box` of a grey page: twice the ink's
    area over its edge (Otsu's threshold); 0 without ink."""
    part = np.ascontiguousarray(image[box[1]:box[3], box[0]:box[2]])
    if part.size == 0:
        return 0.0
    _, ink = cv2.threshold(part, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    area = int(np.count_nonzero(ink))
    edge = area - int(np.count_nonzero(cv2.erode(ink, np.ones((3, 3), np.uint8))))
    return 2 * area / edge if edge else 0.0


def thin(image: np.ndarray, words: Sequence[ChoiceWord], dpi: float) -> bool:
    """True when the words' strokes on the grey page (at `dpi`) are thin for their size and
    thin outright (see THIN, THIN_PT): a number line in a book face ("Số: 165/MTTQ-BTT", tall
    digits and slashes) is thin for its height but not outright."""
    heights = sorted(_height(w) for w in words)
    box = (min(w.box[0] for w in words), min(w.box[1] for w in words),
           max(w.box[2] for w in words), max(w.box[3] for w in words))
    width = stroke_width(image, box)
    return 0 < width < min(THIN * heights[len(heights) // 2], THIN_PT * dpi / 72)


def cut_box(words: Sequence[ChoiceWord], size: tuple[int, int], margin: float) -> Box:
    """The part of the page (width, height) to read a piece from: its words' box and `margin`
    × their median height around."""
    heights = sorted(_height(w) for w in words)
    pad = max(4, round(margin * heights[len(heights) // 2]))
    return (max(0, min(w.box[0] for w in words) - pad),
            max(0, min(w.box[1] for w in words) - pad),
            min(size[0], max(w.box[2] for w in words) + pad),
            min(size[1], max(w.box[3] for w in words) + pad))


def _trimmed(first: list[ChoiceWord], again: list[ChoiceWord]) -> list[ChoiceWord]:
    """The new reading without the marks a cut's edge adds: a quote, dash or rule before its
    first word, a full stop after its last, that the first reading did not have there."""
    out = list(again)
    head, tail = out[0], out[-1]
    lead = len(head.text) - len(head.text.lstrip(EDGE_MARKS))
    if 0 < lead < len(head.text) and not first[0].text.startswith(head.text[:lead]):
        out[0] = ChoiceWord(head.text[lead:], head.box, head.conf, head.line,
                            head.choices[lead:] if head.choices else ())
    tail = out[-1]
    if len(tail.text) > 1 and tail.text.endswith(".") and not first[-1].text.endswith("."):
        out[-1] = ChoiceWord(tail.text[:-1], tail.box, tail.conf, tail.line,
                             tail.choices[:-1] if tail.choices else ())
    return out


def reread_lines(words: Sequence[ChoiceWord], size: tuple[int, int],
                 read: Callable[[list[Cut], int], Sequence[Sequence[ChoiceWord]]],
                 is_thin: Callable[[Sequence[ChoiceWord]], bool] = lambda piece: False,
                 ) -> list[ChoiceWord]:
    """The page's words (page of `size`, width and height) with each weak piece of a line
    replaced by its surest new reading; `read(cuts, psm)` reads the page in each cut as one
    line in that page segmentation mode (one Tesseract run for them all), words boxed in page
    pixels; `is_thin(piece)` tells the pieces to read with their strokes thickened too (`thin`)."""
    weak = [p for p in pieces(words) if _mean([words[i] for i in p]) < WEAK]
    firsts = [[words[i] for i in p] for p in weak]
    thick = [is_thin(f) for f in firsts]
    best: list[tuple[float, list[ChoiceWord] | None]] = [(_mean(f), None) for f in firsts]
    todo = list(range(len(weak)))
    for psm, margin in READINGS:
        if not todo:
            break
        asked = [(k, Cut(cut_box(firsts[k], size, margin))) for k in todo]
        asked += [(k, Cut(c.box, True)) for k, c in asked if thick[k]]
        readings = read([c for _, c in asked], psm)
        for (k, _), reading in zip(asked, readings, strict=True):
            if reading and _mean(reading) > best[k][0]:
                best[k] = (_mean(reading), list(reading))
        todo = [k for k in todo if best[k][0] < WEAK]
    replaced: dict[int, tuple[list[int], list[ChoiceWord]]] = {}
    for piece, first, (_, again) in zip(weak, firsts, best, strict=True):
        if again is not None:
            line = first[0].line
            replaced[piece[0]] = (piece, [ChoiceWord(w.text, w.box, w.conf, line, w.choices)
                                          for w in _trimmed(first, again)])
    out: list[ChoiceWord] = []
    dropped: set[int] = set()
    for i, word in enumerate(words):
        if i in replaced:
            piece, again = replaced[i]
            out.extend(again)
            dropped.update(piece)
        elif i not in dropped:
            out.append(word)
    return out


def cut(image: np.ndarray, box: Box, thick: bool = False) -> np.ndarray:
    """The page's pixels in `box`, their edge repeated BORDER pixels around; with `thick`, the
    dark strokes of a grey page one pixel wider (a 2×2 minimum filter)."""
    part = np.ascontiguousarray(image[box[1]:box[3], box[0]:box[2]])
    if thick:
        part = cv2.erode(part, np.ones((2, 2), np.uint8))
    return cv2.copyMakeBorder(part, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_REPLICATE)


def line_pages(hocr: str | bytes, count: int) -> list[list[ChoiceWord]]:
    """The words of each of `count` line images in an hOCR of them all, boxed in each image's
    pixels (DependencyError when Tesseract read another number of images)."""
    pages = read_hocr_pages(hocr)
    if len(pages) != count:
        raise DependencyError(
            f"Tesseract read {len(pages)} of {count} line images.",
            hint="Run `scanstation doctor` or reinstall tesseract-ocr.", code="ocr.failed")
    return pages


def line_words(hocr: str | bytes, boxes: Sequence[Box | Cut]) -> list[list[ChoiceWord]]:
    """The words of each cut (see `cut`) in an hOCR of them all, boxed in the page's pixels."""
    out = []
    for words, part in zip(line_pages(hocr, len(boxes)), boxes, strict=True):
        box = part.box if isinstance(part, Cut) else part
        dx, dy = box[0] - BORDER, box[1] - BORDER
        out.append([ChoiceWord(w.text, (w.box[0] + dx, w.box[1] + dy, w.box[2] + dx,
                                        w.box[3] + dy), w.conf, w.line, w.choices)
                    for w in words])
    return out
