"""A block's font sizes: one its lines share, so that a reader (pdftotext) keeps them one block."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from app.ocr.base import Word
from app.pdf.lines import is_text

MIN_EXTENT_PX = 1.0  # guards against degenerate (zero-size) OCR boxes
TALL = 1.25  # a line this many times the median height of its block sets no shared size...
TITLE_ADVANCE = 1.3  # ...and keeps its own when its letters are this many times as wide (a title)
DOUBTFUL = 50.0  # ...unless its words' median confidence is under this
BLOCK_PITCH = 1.4  # baselines at most this many font sizes apart stay in one block...
MERGE_PITCH = 1.8  # ...and a block's size is at most this many times its closest baselines' gap
ONE_BASELINE = 0.5  # ...but for baselines closer than this many of its usual line heights
READER_MERGE = 2.0  # a reader merges two lines whose baselines are within half a font size
READER_PITCH = 1.5  # pdftotext joins a line at most this many font sizes under a block
READER_LEVEL = 0.5  # a reader takes lines within this many font sizes of each other for a row


def line_sizes(block: Sequence[Sequence[Word]], hold: bool = True, whole: bool = False
               ) -> list[float]:
    """The font size (pixels; ascent − descent = 1 em) of each line of a block.

    The lines share one size, the tallest line's, so that text extraction keeps them together
    as one block and each line's box holds its words. A line over TALL times the median height
    does not set the shared size: a line of the issuer's column boxed 1.6 times as tall gave
    the column a size under which the reader took its lines for one, and a title boxed down
    into the line under it (a page set with tight leading) gave the body a size twice its
    lines' pitch, under which the reader merged them two by two. Such a line keeps its own size
    when its letters are TITLE_ADVANCE times as wide too (a title) over two words or more (one
    word's box is no measure of its letters: "LỢI" read as "LỢT", alone on an issuer's line and
    boxed 46 px a letter against the column's 31, kept a size of its own, and pdftotext read it
    and the number line after the national title); with letters no wider it takes the shared
    size (Tesseract boxed the issuer's last line with the rule under it: twice as tall, letters
    no wider). A line Tesseract doubts (median confidence under
    DOUBTFUL: a scribble, a smudged line read as "`") neither sets nor keeps a size of its own:
    its own size would break the block in two around it. With `hold`, the size is raised to
    hold a line set a wider gap under the others (see below); with `whole` too (a block beside
    a column, `app.pdf.apart._beside`), to hold its lines whatever their usual pitch.
    """
    heights = [max(line_height(line), MIN_EXTENT_PX) for line in block]
    sure = [h for h, line in zip(heights, block, strict=True)
            if statistics.median(w.conf for w in line) >= DOUBTFUL] or heights
    advance = TITLE_ADVANCE * statistics.median(_advance(line) for line in block)
    # a line much taller than the others is no measure of the size (a title keeps its own)
    tall = TALL * statistics.median(sure)
    shared = max((h for h in heights if h in sure and h <= tall), default=statistics.median(sure))
    # a reader (pdftotext) keeps lines in one block while their baselines are at most about
    # 1.5 sizes apart, and merges two lines whose baselines are within half a size: a block set
    # close but for a wider gap (the number line under the issuer's column) gets a larger size,
    # if that merges no lines (and none of its lines stands over another); a speck alone on a
    # line between two others ("^" over a stamp) is no line to hold
    bottoms = [line_bottom(line) for line in block]
    ordered = all(b > a for a, b in itertools.pairwise(bottoms))
    pitches = [b - a for a, b in itertools.pairwise(
        [y for y, line in zip(bottoms, block, strict=True) if any(is_text(w) for w in line)])]
    usual = sorted(pitches)[:-1] or pitches  # the pitches but the widest
    # nor is a size kept under which a reader would merge two of the lines: never over
    # MERGE_PITCH times their closest pitch (lines set with tight leading in a face with tall
    # accents are boxed taller than their pitch); lines on about one baseline (a line boxed
    # down onto the next one, a stray letter read as a line over "Số:") are merged under any
    # size and set no bound, here or to the raise below
    apart = [p for p in pitches if p >= ONE_BASELINE * statistics.median(sure)]
    if apart:
        shared = min(shared, MERGE_PITCH * min(apart))
    if hold and pitches and ordered and (
            whole or statistics.median(usual) <= BLOCK_PITCH * shared):
        needed, least = max(pitches) / BLOCK_PITCH, max(pitches) / READER_PITCH
        top = MERGE_PITCH * min(apart) if apart else 0.0
        if apart and top < least < READER_MERGE * min(apart) and least <= MERGE_PITCH * shared:
            # the margin under the reader's merging limit given up for a raise of under
            # MERGE_PITCH times the block's own size (a boxed stamp 107 px under the "V/v"
            # lines needed 71.3 px, 68.4 allowed by the column's closest lines, 38 px apart:
            # the stamp, a block of its own, was read after the date); a date set far under
            # the national title (twice its size and more) is a block of its own anyway
            top = READER_MERGE * min(apart)
        if apart and shared < needed <= MERGE_PITCH * min(apart):
            shared = needed
        elif apart and pitches[-1] == max(pitches) and shared < least <= top:
            # the last line (the number line) a wider gap down, the margin under the reader's
            # limit not to be had: midway between the least size that holds it and the most
            # that merges none ("BAN THƯỜNG TRỰC" boxed down into the accents of the line
            # under it, 41 px over it: the number line 104 px down needed 74.3 px, 73.8 allowed)
            shared = (least + top) / 2
    return [h if h > tall and h in sure and _advance(line) >= advance and len(line) > 1
            else shared for h, line in zip(heights, block, strict=True)]


def line_bottom(line: Sequence[Word]) -> float:
    """Where a line's words stand: the median of their boxes' bottoms (a descender, a dot
    below or a dash in one word does not move it), but for specks read as letters (under half
    as tall as the line's words, confidence under DOUBTFUL): a speck after the number read
    as "ì" with 24 and the number boxed 20 px low set the number line 20 px under "Số:"."""
    tall = statistics.median(w.box[3] - w.box[1] for w in line)
    kept = [w for w in line if w.conf >= DOUBTFUL or w.box[3] - w.box[1] >= tall / 2] or line
    return float(statistics.median(w.box[3] for w in kept))


def line_height(line: Sequence[Word]) -> float:
    """How tall a line is boxed: over its words with a letter or digit, if any (a mark
    Tesseract boxed tall, "`" beside a title, is no measure of the line's letters)."""
    text = [w for w in line if is_text(w)] or line
    return float(max(w.box[3] for w in text) - min(w.box[1] for w in text))


def _advance(line: Sequence[Word]) -> float:
    """How wide a line's letters are: its words' widths over their characters, a word boxed
    over the next one's start ("chuyên" over "môn") taken to end there; over its words with a
    letter or digit, if any (a speck read as "`..", 243 px for three characters, made an
    issuer's line a title of its own size, and the national title beside it was sized against
    it)."""
    line = [w for w in line if is_text(w)] or line
    ends = [min(w.box[2], after.box[0]) if after is not None and after.box[0] > w.box[0]
            else w.box[2] for w, after in itertools.zip_longest(line, line[1:])]
    return sum(max(0, x1 - w.box[0]) for w, x1 in zip(line, ends, strict=True)) / max(
        1, sum(len(w.text) for w in line))


def detached(block: Sequence[Sequence[Word]], sizes: Sequence[float], i: int) -> bool:
    """Whether line `i` of a block stands more than READER_PITCH of its size from the lines
    above and below it: a reader (pdftotext) makes it a block of its own."""
    apart = READER_PITCH * sizes[i]
    return (i == 0 or line_bottom(block[i]) - line_bottom(block[i - 1]) > apart) and (
        i == len(block) - 1 or line_bottom(block[i + 1]) - line_bottom(block[i]) > apart)
