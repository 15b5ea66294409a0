"""OCR lines mended before they are cut: tall words, narrow boxes, accents and line ends apart."""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Sequence
from itertools import groupby, pairwise

from app.ocr.base import Word

TEXT = frozenset({"Lu", "Ll", "Lt", "Lo", "Nd"})  # letters and digits (not "ˆ", a modifier)
MARK_CONF = 80.0  # a word without letters or digits read with less confidence is a speck...
SPECK = 1 / 3  # ...and one with, boxed under this share of the usual word height (no wider)
PAUSES = ",;:"  # a gap after these is a letter's advance narrower than it looks
SPACE_LIKE = 1.3  # but a gap within this many of its narrower spaces (of SPACED gaps or more,
SPACED = 3  # ...the narrower half of them no wider than SPACE_MOST line heights) is a space
SPACE_MOST = 1.5
NARROW = 0.5  # a word of 3 letters or more boxed under this share of its letters' advances...
ACCENT = 0.5  # a line of one short word under this many usual word heights, just over a word...
ACCENT_LETTERS = 2  # ...of at most this many characters, is an accent read apart from its line
TALL_WORD = 1.6  # a word boxed this many times as tall as its line's words (of STOOD or more)...
STOOD = 3  # ...is taken to stand where they do


Segment = list[Word]


def is_text(word: Word) -> bool:
    """Whether a word holds a letter or a digit (TEXT), not only marks or specks."""
    return any(unicodedata.category(ch) in TEXT for ch in word.text)


def extent(lines: Sequence[Sequence[Word]]) -> tuple[int, int, int, int]:
    """The extent of the words of `lines` (a block, or `[line]` for one line): left, top,
    right, bottom."""
    words = [w for line in lines for w in line]
    return (min(w.box[0] for w in words), min(w.box[1] for w in words),
            max(w.box[2] for w in words), max(w.box[3] for w in words))


def usual_height(lines: Sequence[Segment]) -> float | None:
    """The median height of the lines' words with a letter or digit (None when there is none)."""
    heights = [w.box[3] - w.box[1] for line in lines for w in line
               if is_text(w)]
    return float(statistics.median(heights)) if heights else None


def mended(words: Sequence[Word]) -> list[Segment]:
    """Tesseract's lines, words left to right: specks read as letters left out (`is_speck`), a
    word boxed tall taken to stand where its line's words do (`_stood`), a word boxed over part
    of its letters widened (`_widened`), an accent read as a line of its own joined to its line
    (`_accents`) and a line Tesseract began a space after another's end joined to it
    (`_continued`)."""
    usual = usual_height([list(words)])
    kept = [w for w in words if usual is None or not is_speck(w, usual)]
    return _continued(_accents([_widened(_stood(sorted(group, key=lambda w: w.box[0])))
                                for _, group in groupby(kept, key=lambda w: w.line)]))


def is_speck(word: Word, usual: float) -> bool:
    """Whether a word read as letters or digits is a speck: read with confidence under
    MARK_CONF and boxed under SPECK of the page's `usual` word height tall and no wider than
    that height, smaller than any letter of the page ("kì" boxed 11 by 10 px with 51, words 50
    px tall: a speck on the issuer's second line, 349 px before "XƯƠNG", was cut from it as a
    column of its own, and the column fell into four blocks read around the national title)."""
    x0, y0, x1, y1 = word.box
    return is_text(word) and word.conf < MARK_CONF and y1 - y0 < SPECK * usual and (
        x1 - x0 <= usual)


def _stood(line: Segment) -> Segment:
    """The line, a word Tesseract boxed over TALL_WORD times as tall as the line's words (the
    median of STOOD words or more with a letter or digit) boxed where the other words stand
    (their extent): "2016", the date's last word in JetBrains Mono, boxed 84 px tall (the
    line's words 36) down into the title under the date, closed the stripe between the two,
    and the number line and the date were read as one block with the title and body, the
    date first."""
    text = [w for w in line if is_text(w)]
    if len(text) < STOOD:
        return line
    tall = TALL_WORD * statistics.median(w.box[3] - w.box[1] for w in text)
    others = [w for w in text if w.box[3] - w.box[1] <= tall]
    if len(others) == len(text):
        return line
    top, bottom = min(w.box[1] for w in others), max(w.box[3] for w in others)
    return [Word(w.text, (w.box[0], max(w.box[1], top), w.box[2], min(w.box[3], bottom)),
                 w.conf, w.line) if w.box[3] - w.box[1] > tall and max(w.box[1], top) < min(
                     w.box[3], bottom) else w for w in line]


def _widened(line: Segment) -> Segment:
    """The line, a word boxed over part of its letters only begun where its letters' advances
    (the line's median per letter; no nearer than one to the word before) put it: Tesseract
    boxed "BẮC" 17 px wide, its last letter, and the gap before it, a space, looked a
    column's."""
    advances = [(w.box[2] - w.box[0]) / len(w.text) for w in line if len(w.text) >= 2
                and any(unicodedata.category(ch).startswith("L") for ch in w.text)]
    if len(advances) < 3:
        return line
    advance = statistics.median(advances)
    widened: Segment = []
    for w in line:
        x0, y0, x1, y1 = w.box
        if len(w.text) >= 3 and x1 - x0 < NARROW * len(w.text) * advance:
            x0 = round(max(x1 - len(w.text) * advance,
                           widened[-1].box[2] + advance if widened else 0.0))
        widened.append(Word(w.text, (min(x0, w.box[0]), y0, x1, y1), w.conf, w.line))
    return widened


def _accents(lines: list[Segment]) -> list[Segment]:
    """The lines, an accent Tesseract read as a line of its own joined to the line under it.

    A word with a letter, of at most ACCENT_LETTERS characters, under ACCENT usual word heights
    tall, alone on its line, standing over a word of another line and ending less than half a
    usual height above that word's top, is that word's accent read apart (the circumflex of
    "Số" read as "Á" 16 px over the number line): as a line of its own it stood between the
    issuer's column and its number line, and pdftotext read the number line after the national
    title. (A party's star, "*" under its issuer, has no letter.)
    """
    usual = usual_height(lines)
    if usual is None:
        return lines
    joined = [list(line) for line in lines]
    for k, line in enumerate(lines):
        if len(line) != 1 or len(line[0].text) > ACCENT_LETTERS or (
                line[0].box[3] - line[0].box[1] >= ACCENT * usual) or not any(
                unicodedata.category(ch).startswith("L") for ch in line[0].text):
            continue
        x0, top, x1, bottom = line[0].box
        under = [j for j, other in enumerate(joined) if j != k and other and any(
            w.box[0] < x1 and w.box[2] > x0 and top < w.box[1] and w.box[3] > bottom
            and w.box[1] - bottom < usual / 2 for w in other)]
        if under:
            j = under[0]
            accent = Word(line[0].text, line[0].box, line[0].conf, joined[j][0].line)
            joined[j] = sorted([*joined[j], accent], key=lambda w: w.box[0])
            joined[k] = []
    return [line for line in joined if line]


def _continued(lines: list[Segment]) -> list[Segment]:
    """The lines, a line Tesseract began a space after another line's end, on its baseline,
    joined to it.

    A gap within SPACE_LIKE times the narrower half of a line's spaces cuts no line (`_cut`),
    and it parts no two lines either: Tesseract read the end of an A5 party page's "V/v" line,
    "tài", with the date beside it, and the text layer read the date between "sơ," and "tài".
    Where the words stand (median bottoms) the two lines are within a quarter of the usual word
    height; a gap after a comma is taken a letter's advance narrower, as in `_cut`.
    """
    usual = usual_height(lines)
    if usual is None:
        return lines
    joined = [list(line) for line in lines]
    for k in range(len(joined)):
        line = joined[k]
        spaced = sorted(g for g in (b.box[0] - a.box[2] for a, b in pairwise(line)) if g > 0)
        if len(line) < SPACED or not spaced:
            continue
        narrow = statistics.median(spaced[:(len(spaced) + 1) // 2])
        while True:
            last = line[-1]
            advance = (last.box[2] - last.box[0]) / max(1, len(last.text))
            reach = SPACE_LIKE * narrow + (advance if last.text[-1:] in PAUSES else 0.0)
            stands = statistics.median(w.box[3] for w in line)
            after = [j for j, other in enumerate(joined) if j != k and other
                     and 0 < other[0].box[0] - last.box[2] <= reach
                     and abs(statistics.median(w.box[3] for w in other) - stands) <= usual / 4]
            if not after:
                break
            j = after[0]
            line = [*line, *(Word(w.text, w.box, w.conf, line[0].line) for w in joined[j])]
            joined[j] = []
        joined[k] = line
    return [line for line in joined if line]
