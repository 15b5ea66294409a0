"""Where the text layer sets each line: words boxed over the lines around them ended at theirs."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence

from app.ocr.base import Word
from app.pdf.lines import extent, is_text
from app.pdf.sizes import BLOCK_PITCH, ONE_BASELINE, READER_LEVEL, TALL, line_bottom, line_height

TALL_WORD = 1.6  # a word boxed this many times as tall as the page's usual word is boxed over...
SETTLE_SLACK = 0.25  # ...when its line's words then stand this many usual heights off
TALL_LINE_WORDS = 3  # a line of this many words or more boxed tall whole across where it stands
TOUCH = 0.25  # a tall line ending this many usual line heights over the next one's tops is on it


def placed(blocks: Sequence[Sequence[Sequence[Word]]], usual: float) -> list[list[list[Word]]]:
    """The blocks' lines where they stand: words boxed over the lines beside them ended at their
    line (`_settled`, against the page's `usual` word height), lines boxed down onto the next
    one set back (`_lifted`)."""
    return [_lifted(_settled([list(line) for line in block], usual)) for block in blocks]


def _lifted(block: list[list[Word]]) -> list[list[Word]]:
    """The block's lines, a line boxed down onto the next one set where it stands.

    In a face with tall accents set with tight leading, Tesseract boxes a line's words down
    to the next line's baseline (twice as tall as the lines around): the two lines stood on
    about one baseline (within ONE_BASELINE line heights) and pdftotext merged them word by
    word. Such a line, taller than TALL times the block's usual line (or its words TALL times
    the block's usual words) and between two lines that are not, is taken to stand midway
    between them: its boxes end there ("NỘI", alone on its line, an issuer's "HÀ NỘI" wrapped,
    boxed 67 px tall down to its dot below, the column's words 42 px and its lines 54 with
    their accents, stood 30 px over the next line: the column's closest pitch, under which its
    size was not raised to hold the number line, read after the national title). Lines around it
    are judged by their words' median height (one word boxed tall, "V/v" over the line under
    it, leaves its line where it stands), and a line whose words end below the next line's
    tops is boxed down onto it too: "an sinh xã hội" boxed 29 px over "năm 2019" in FreeMono
    set the issuer's column's closest pitch, too close to hold its number line. So is a tall
    line whose words end within TOUCH of a line height over the next line's tops: "NINH KIỀU"
    boxed 69 px tall against the column's 50, 2 px over "PHÒNG", made the column's pitches so
    uneven (84, 40) that its size was not raised to hold its number line, read after the
    national title. A block's first line boxed down onto the second's baseline (within
    ONE_BASELINE line heights), taller than TALL times the usual line, the second not, is set
    to end the second line's word height under where its words begin: "TM. BAN THƯỜNG TRỰC"
    boxed 98 px tall onto "CHỦ TỊCH" was merged with it word by word.
    """
    heights = [line_height(line) for line in block]
    usual = statistics.median(heights)
    bottoms = [line_bottom(line) for line in block]
    words = [_word_height(line) for line in block]
    lifted = list(block)
    for i in range(1, len(block) - 1):
        onto = abs(bottoms[i + 1] - bottoms[i]) < ONE_BASELINE * usual \
            or bottoms[i] > statistics.median(w.box[1] for w in block[i + 1]) - TOUCH * usual
        tall = heights[i] > TALL * usual or words[i] > TALL * statistics.median(words)
        if tall and max(words[i - 1], words[i + 1]) <= TALL * usual \
                and onto and bottoms[i + 1] - bottoms[i - 1] > usual:
            lifted[i] = _ended(block[i], round((bottoms[i - 1] + bottoms[i + 1]) / 2))
    if len(block) >= 2 and heights[0] > TALL * usual and words[1] <= TALL * usual and \
            abs(bottoms[1] - bottoms[0]) < ONE_BASELINE * usual:
        # a first line on the next one's baseline: where its words begin, and as tall
        y = round(statistics.median(w.box[1] for w in block[0]) + words[1])
        if y < bottoms[0]:
            lifted[0] = _ended(block[0], y)
    return lifted


def _ended(line: Sequence[Word], y: int) -> list[Word]:
    """The line's words boxed to end at `y` (and begin at least a pixel above it)."""
    return [Word(w.text, (w.box[0], min(w.box[1], y - 1), w.box[2], min(w.box[3], y)), w.conf,
                 w.line) for w in line]


def _settled(block: list[list[Word]], usual: float) -> list[list[Word]]:
    """The block's lines, words Tesseract boxed over the lines beside them ended where their
    line stands.

    On some scans Tesseract boxes a line's words from the line above to the line below (over
    TALL_WORD times the page's usual word height; "Mặt trận ở khu dân cư" 127 px tall, its
    letters 40): where the words stand (their median bottom) fell a line too low, within half a
    size of the next line's, and pdftotext merged the two lines word by word. A line stands
    where its words boxed no taller stand; lines boxed tall whole, each over the line above
    and into the line below, evenly between the lines around them that stand (two lines
    running, "kết. Tổng số hồ sơ" and "tài liệu. Tổ chức", each 111 px over 50 px pitches;
    or, lines of several words, boxed across that place only: `_boxed_over`).
    A tall word is ended there, and begins no more than TALL_WORD usual heights above.
    """
    tall = TALL_WORD * usual
    stands: dict[int, float] = {}
    for i, line in enumerate(block):
        plain = [w.box[3] for w in line if is_text(w) and w.box[3] - w.box[1] <= tall]
        if plain:
            stands[i] = statistics.median(plain)
    for p, q in itertools.pairwise(sorted(stands)):
        ys = [stands[p] + (stands[q] - stands[p]) * (k - p) / (q - p) for k in range(p, q + 1)]
        if q - p > 1 and all(_boxed_over(block[k], ys[k - p - 1:k - p + 2], usual)
                             for k in range(p + 1, q)):
            stands.update({k: ys[k - p] for k in range(p + 1, q)})
    settled = []
    for i, line in enumerate(block):
        y = stands.get(i)
        if y is None or abs(y - line_bottom(line)) <= SETTLE_SLACK * usual:
            settled.append(line)  # (a line standing about where its words stand is left as is)
            continue
        ended = []
        for w in line:
            y0, y1 = max(w.box[1], round(y - tall)), min(w.box[3], round(y))
            boxed_over = w.box[3] - w.box[1] > tall and y0 < y1
            ended.append(Word(w.text, (w.box[0], y0, w.box[2], y1), w.conf, w.line)
                         if boxed_over else w)
        settled.append(ended)
    return settled


def _boxed_over(line: Sequence[Word], ys: Sequence[float], usual: float) -> bool:
    """Whether a line boxed tall whole is boxed over where it stands, `ys[1]` (evenly between
    the lines around it that stand, `ys[0]` and `ys[2]`): over the lines above and below, or,
    a line of TALL_LINE_WORDS words or more, across that place (on a dark lid a paragraph's
    lines were boxed 93-132 px tall down from just under the line above, their letters 45:
    "8.335 lượt người tham gia" stood 16 px over the next line's bottom, and pdftotext merged
    the two word by word)."""
    top, bottom = min(w.box[1] for w in line), max(w.box[3] for w in line)
    if top < ys[0] and bottom > ys[2] - usual:
        return True
    return sum(is_text(w) for w in line) >= TALL_LINE_WORDS and top < ys[1] < bottom


def _word_height(line: Sequence[Word]) -> float:
    """How tall a line's words are boxed: the median over its words with a letter or digit
    (one word boxed tall, "V/v" over the line under it, does not make the line tall)."""
    text = [w for w in line if is_text(w)] or line
    return float(statistics.median(w.box[3] - w.box[1] for w in text))


def topped(blocks: Sequence[Sequence[Sequence[Word]]], sizes: Sequence[Sequence[float]]
           ) -> list[list[list[Word]]]:
    """The blocks, the first line of a block set no lower than the top of a block read after it,
    level with it on its right (where that moves it under READER_LEVEL of its size, and its
    next line stays within BLOCK_PITCH sizes).

    pdftotext widens a block across to the blocks under it that stand between it and the
    blocks level with it, and reads two blocks so widened that overlap across by their tops:
    a title ("GIẤY MỜI", a speck read as "4" over it) under the gap between a party's
    issuer's column and "ĐẢNG CỘNG SẢN VIỆT NAM" widened both, and the national title, its
    top 7 px higher (the issuer's line "ĐẢNG BỘ TỈNH" stands on its dots below), was read
    first. In the layer a line's top is its bottom less its size.
    """
    out = [[list(line) for line in block] for block in blocks]
    for k, j in itertools.combinations(range(len(out)), 2):
        a, b = out[k], out[j]
        if extent(a)[2] > extent(b)[0]:
            continue  # not left of it
        size = sizes[k][0]
        top, other = line_bottom(a[0]) - size, line_bottom(b[0]) - sizes[j][0]
        level = other < line_bottom(a[-1]) and line_bottom(b[-1]) > top
        y = math.floor(other + size) - 1  # where the first line ends, its top over the other's
        if level and 0 <= top - other < READER_LEVEL * size and (
                len(a) == 1 or line_bottom(a[1]) - y <= BLOCK_PITCH * size):
            out[k][0] = _ended(a[0], y)
    return out
