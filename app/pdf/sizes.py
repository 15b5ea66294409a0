"""Font sizes and line places in the text layer, so that a reader (pdftotext) keeps its blocks."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence

from app.ocr.base import Word
from app.pdf.lines import extent, is_text

MIN_EXTENT_PX = 1.0  # guards against degenerate (zero-size) OCR boxes
TALL_WORD = 1.6  # a word boxed this many times as tall as the page's usual word is boxed over...
SETTLE_SLACK = 0.25  # ...when its line's words then stand this many usual heights off
TALL_LINE_WORDS = 3  # a line of this many words or more boxed tall whole across where it stands
TALL = 1.25  # a line this many times the median height of its block sets no shared size...
TITLE_ADVANCE = 1.3  # ...and keeps its own when its letters are this many times as wide (a title)
DOUBTFUL = 50.0  # ...unless its words' median confidence is under this
BLOCK_PITCH = 1.4  # baselines at most this many font sizes apart stay in one block...
MERGE_PITCH = 1.8  # ...and a block's size is at most this many times its closest baselines' gap
ONE_BASELINE = 0.5  # ...but for baselines closer than this many of its usual line heights
READER_MERGE = 2.0  # a reader merges two lines whose baselines are within half a font size
TOUCH = 0.25  # a tall line ending this many usual line heights over the next one's tops is on it
SIDE_RATIO = 0.75  # of two blocks side by side, the smaller size at most this share of the larger
TABLE_COLUMNS = 3  # blocks of several lines side by side, at least this many, are a table
READER_PITCH = 1.5  # pdftotext joins a line at most this many font sizes under a block...
READER_SIZES = 0.05  # ...when the sizes differ by at most this share
STACK_RATIO = 0.9  # a block under another as large gets this share of its size
ROW_SLACK = 0.25  # a table's cells in one row stand within this many line heights
READER_PULL = 0.7  # pdftotext pulls a word this many of a block's font sizes beside it in...
READER_LEVEL = 0.5  # ...on a row within this many sizes of the block's lines...
READER_SIZES_PULLED = 0.6  # ...when the sizes differ by less than this share
UNPULLED = 0.95  # a block's size is lowered to this share of the largest that pulls nothing in
HELD_LINES = 3  # a block of this many lines or more beside a column is held whatever its pitch


def placed(blocks: Sequence[Sequence[Sequence[Word]]], usual: float) -> list[list[list[Word]]]:
    """The blocks' lines where they stand: words boxed over the lines beside them ended at their
    line (`_settled`, against the page's `usual` word height), lines boxed down onto the next
    one set back (`_lifted`)."""
    return [_lifted(_settled([list(line) for line in block], usual)) for block in blocks]


def block_sizes(blocks: Sequence[Sequence[Sequence[Word]]]) -> list[list[float]]:
    """Each line's font size: one per block (`_sizes`; a block beside a column held whole,
    `_beside`), tables' cells alike (`_tables`), a block under another as large made smaller
    (`_stacked`), blocks side by side set apart (`_apart`) and made small enough to pull nothing
    in from beside them (`_unpulled`)."""
    sizes = [_sizes(block, whole=side) for block, side in zip(blocks, _beside(blocks), strict=True)]
    _tables(blocks, sizes)
    _stacked(blocks, sizes)
    _apart(blocks, sizes)
    if _unpulled(blocks, sizes):
        _apart(blocks, sizes)
    return sizes


def line_bottom(line: Sequence[Word]) -> float:
    """Where a line's words stand: the median of their boxes' bottoms (a descender, a dot
    below or a dash in one word does not move it), but for specks read as letters (under half
    as tall as the line's words, confidence under DOUBTFUL): a speck after the number read
    as "ì" with 24 and the number boxed 20 px low set the number line 20 px under "Số:"."""
    tall = statistics.median(w.box[3] - w.box[1] for w in line)
    kept = [w for w in line if w.conf >= DOUBTFUL or w.box[3] - w.box[1] >= tall / 2] or line
    return float(statistics.median(w.box[3] for w in kept))


def _line_height(line: Sequence[Word]) -> float:
    """How tall a line is boxed: over its words with a letter or digit, if any (a mark
    Tesseract boxed tall, "`" beside a title, is no measure of the line's letters)."""
    text = [w for w in line if is_text(w)] or line
    return float(max(w.box[3] for w in text) - min(w.box[1] for w in text))


def _beside(blocks: Sequence[Sequence[Sequence[Word]]]) -> list[bool]:
    """Whether each block, of HELD_LINES lines or more, stands beside a column: a block of two
    lines or more level with it (their extents share rows) and apart from it across.

    pdftotext reads the pieces of a block it breaks apart in turn with the column beside them:
    a "Nơi nhận" list set small, its lines 1.43 of their size apart, was read around the
    signature's title beside it; an issuer's column of capitals 1.5 sizes apart around the
    national title. A block read alone across the page (running text, its lines a size and a
    half apart) may fall into pieces: they are read in order anyway. (A line beside, alone, may
    be a piece of running text the page's cuts set apart.)"""
    boxes = [extent(block) for block in blocks]
    return [len(block) >= HELD_LINES and any(
        j != k and len(blocks[j]) >= 2 and c[1] < a[3] and c[3] > a[1]
        and (c[0] >= a[2] or c[2] <= a[0]) for j, c in enumerate(boxes))
        for k, (block, a) in enumerate(zip(blocks, boxes, strict=True))]


def _sizes(block: Sequence[Sequence[Word]], hold: bool = True, whole: bool = False
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
    a column, `_beside`), to hold its lines whatever their usual pitch.
    """
    heights = [max(_line_height(line), MIN_EXTENT_PX) for line in block]
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
    heights = [_line_height(line) for line in block]
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


def _gap(a: Sequence[Sequence[Word]], b: Sequence[Sequence[Word]]) -> float:
    """The narrowest horizontal gap between block `a` and a word of `b` level with it.

    A reader grows a block by the words beside its whole width, on any row it spans.
    """
    left, top, right, bottom = extent(a)
    gap = float("inf")
    for word in (w for line in b for w in line):
        if word.box[1] < bottom and word.box[3] > top:
            away = max(word.box[0] - right, left - word.box[2])
            if away > 0:
                gap = min(gap, float(away))
    return gap


def _apart(blocks: Sequence[Sequence[Sequence[Word]]], sizes: list[list[float]]) -> None:
    """Scale the sizes of blocks set side by side so that a reader keeps them apart (in place).

    pdftotext pulls a word on the same row into a block when the gap to it is under one font
    size and the sizes are within a fifth of each other: the issuer's column, its size raised
    to hold the number line two pitches down, would take in the national title beside it.
    Of two such blocks the smaller size is brought under SIDE_RATIO of the larger; only the
    lines standing so close are, when each stands more than READER_PITCH of its size from the
    lines above and below it (`detached`: the date under the national title, a block of its
    own to a reader anyway): shrunk whole, the national title's column set its motto more than
    READER_PITCH sizes under it, and the reader read the two apart. Where both are raised to
    hold a line (`_sizes`), the larger is brought under SIDE_RATIO of the smaller instead, if
    that leaves it no smaller than unraised: shrunk, the issuer's column let go of a stamp set
    under its number line, read after the date, while the national title's date stands apart
    as a block of its own anyway.
    """
    level = [max(s) for s in sizes]
    rows = [(min(w.box[1] for line in b for w in line), max(w.box[3] for line in b for w in line))
            for b in blocks]
    for k, j in itertools.permutations(range(len(blocks)), 2):
        if level[k] < level[j] or (level[k] == level[j] and k > j):
            continue
        if rows[j][0] >= rows[k][1] or rows[j][1] <= rows[k][0]:
            continue  # not level with each other
        gap = _gap(blocks[k], blocks[j])
        if gap < level[k] and level[j] > SIDE_RATIO * level[k]:
            near = [i for i, line in enumerate(blocks[j]) if _gap(blocks[k], [line]) < level[k]]
            if all(detached(blocks[j], sizes[j], i) for i in near):
                for i in near:
                    sizes[j][i] = min(sizes[j][i], SIDE_RATIO * level[k])
                continue
            low = SIDE_RATIO * level[j]
            if max(_sizes(blocks[j], hold=False)) < level[j] and max(
                    _sizes(blocks[k], hold=False)) <= low < level[k]:
                # both raised: the larger gives up (part of) its raise, not the smaller
                sizes[k] = [v * low / level[k] for v in sizes[k]]
                level[k] = low
                continue
            scale = SIDE_RATIO * level[k] / level[j]
            sizes[j] = [v * scale for v in sizes[j]]
            level[j] *= scale


def _unpulled(blocks: Sequence[Sequence[Sequence[Word]]], sizes: list[list[float]]) -> bool:
    """Keep a reader from pulling the words beside a block into it: lower the block's raised
    size, or set the lines it would pull small (in place).

    pdftotext grows a block by the words on its rows (baselines within READER_LEVEL of its
    size) that stand within READER_PULL of its size from its widest extent, when their sizes
    differ by less than READER_SIZES_PULLED: an issuer's column raised to hold its number line
    took in the date level with that line, under the column's first line that reaches close
    to the national title (typewriter faces set the header columns a few spaces apart), and
    then the national title, read across the issuer's lines; an issuer's column set in a wide
    face on an A5 sheet, not raised, ends a few pixels before the date and took it in too.
    Where each line a block would pull in stands more than READER_PITCH of its size from the
    lines above and below it (the date, well under the national title: a reader makes it a
    block of its own anyway; its size taken unraised, as its own block's size is raised to
    hold it), that line is set small enough not to be pulled (under 1 − READER_SIZES_PULLED
    of the block's size; its words still span their boxes) and the block's size is kept.
    Otherwise a raised size is lowered to the largest that pulls nothing in (at least the
    block's own unraised size): the number line may become a block of its own, read after the
    national title at worst. A block not raised is lowered so too, below its own size, where
    its baselines stay within BLOCK_PITCH of the lowered size: an issuer's column typed in a
    monospace, its size set by an "ỦY" boxed tall, ended 55 px (0.7 of its size) before the
    national title, which pdftotext read after the column's first line. Returns whether a
    size changed.
    """
    changed = False
    plains = [_sizes(block, hold=False) for block in blocks]
    for k, block in enumerate(blocks):
        plain, size = plains[k], max(sizes[k])
        left, _, right, _ = extent(block)
        top = line_bottom(block[0]) - READER_LEVEL * size
        bottom = line_bottom(block[-1]) + READER_LEVEL * size
        pulled = [(j, i, max(w.box[0] - right, left - w.box[2]))
                  for j, other in enumerate(blocks)
                  if j != k and abs(max(sizes[j]) - size) < READER_SIZES_PULLED * size
                  and _before(block, other, max(sizes[j]))
                  for i, line in enumerate(other) if top <= line_bottom(line) <= bottom
                  for w in line]
        near = {(j, i) for j, i, gap in pulled if gap < READER_PULL * size}
        if near and all(detached(blocks[j], [min(v, p) for v, p in zip(
                sizes[j], plains[j], strict=True)], i) for j, i in near):
            # lines a reader reads apart from their block anyway (the date under the national
            # title) are set small enough not to be pulled
            for j, i in near:
                sizes[j][i] = min(sizes[j][i], UNPULLED * (1 - READER_SIZES_PULLED) * size)
            changed = True
            continue
        gaps = [gap for _, _, gap in pulled]
        if not gaps or min(gaps) >= READER_PULL * size:
            continue
        allowed = UNPULLED * min(gaps) / READER_PULL  # the largest size that pulls nothing in
        if max(plain) < size:
            # raised: lowered, no line's smaller than its own
            sizes[k] = [max(p, min(v, allowed)) for v, p in zip(sizes[k], plain, strict=True)]
            changed = True
        elif all(line_bottom(b) - line_bottom(a) <= BLOCK_PITCH * allowed
                 for a, b in itertools.pairwise(block)):
            # not raised: lowered where its lines still hold together
            sizes[k] = [min(v, allowed) for v in sizes[k]]
            changed = True
    return changed


def detached(block: Sequence[Sequence[Word]], sizes: Sequence[float], i: int) -> bool:
    """Whether line `i` of a block stands more than READER_PITCH of its size from the lines
    above and below it: a reader (pdftotext) makes it a block of its own."""
    apart = READER_PITCH * sizes[i]
    return (i == 0 or line_bottom(block[i]) - line_bottom(block[i - 1]) > apart) and (
        i == len(block) - 1 or line_bottom(block[i + 1]) - line_bottom(block[i]) > apart)


def _before(a: Sequence[Sequence[Word]], b: Sequence[Sequence[Word]], size: float) -> bool:
    """Whether a reader (pdftotext) builds block `a` before block `b` (of font size `size`):
    it starts each block at the top line left, the leftmost of lines about a line apart."""
    drop = line_bottom(b[0]) - line_bottom(a[0])
    return drop > size or (drop >= -size and min(w.box[0] for w in a[0]) < min(
        w.box[0] for w in b[0]))


def _rows(a: Sequence[Sequence[Word]], b: Sequence[Sequence[Word]]) -> bool:
    """Whether two blocks of two lines or more stand in the rows of one table: most lines of
    the shorter one stand level with a line of the other, on one baseline."""
    if len(a) < 2 or len(b) < 2:
        return False
    short, other = sorted((a, b), key=len)
    slack = ROW_SLACK * statistics.median(_line_height(line) for line in (*a, *b))
    bottoms = [line_bottom(line) for line in other]
    level = sum(any(abs(line_bottom(line) - y) <= slack for y in bottoms) for line in short)
    return level >= max(2, len(short) / 2)


def _tables(blocks: Sequence[Sequence[Sequence[Word]]], sizes: list[list[float]]) -> None:
    """Give the cells of a table one font size (in place).

    A table is TABLE_COLUMNS or more blocks linked by rows (`_rows`): pdftotext reads blocks
    it finds aligned in rows and columns row by row, and cells of different sizes do not align
    (a table's last row was read after it).
    """
    group = list(range(len(blocks)))

    def root(k: int) -> int:
        while group[k] != k:
            k = group[k]
        return k

    for k, j in itertools.combinations(range(len(blocks)), 2):
        if _rows(blocks[k], blocks[j]):
            group[root(j)] = root(k)
    members: dict[int, list[int]] = {}
    for k in range(len(blocks)):
        members.setdefault(root(k), []).append(k)
    for cells in members.values():
        if len(cells) >= TABLE_COLUMNS:
            shared = statistics.median(v for k in cells for v in sizes[k])
            for k in cells:
                sizes[k] = [shared] * len(sizes[k])


def _stacked(blocks: Sequence[Sequence[Sequence[Word]]], sizes: list[list[float]]) -> None:
    """Set the sizes of blocks one above the other apart, so that a reader does not join them.

    pdftotext joins the line under a block to it when its baseline is at most 1.5 font sizes
    down and its size within 5 %: a column raised to hold its number line took in the title
    under it and, as one block across the page, was read after the other header column. The
    sizes compared are the upper block's last line's and the lower block's first line's, the
    lines the reader joins (a body block beginning with a title of its own size took in the
    signature's title under its last line, and "Nơi nhận" beside it); the lower block's sizes
    are brought to STACK_RATIO of the upper's last line's (top to bottom, in place).
    """
    order = sorted(range(len(blocks)), key=lambda k: line_bottom(blocks[k][0]))
    for upper, lower in itertools.permutations(order, 2):
        if line_bottom(blocks[lower][0]) <= line_bottom(blocks[upper][-1]):
            continue  # not under it
        a, b = extent(blocks[upper]), extent(blocks[lower])
        if a[0] >= b[2] or a[2] <= b[0]:
            continue  # not over each other
        top, bottom = sizes[upper][-1], sizes[lower][0]
        drop = line_bottom(blocks[lower][0]) - line_bottom(blocks[upper][-1])
        if drop <= READER_PITCH * max(top, bottom) and abs(top - bottom) <= READER_SIZES * top:
            sizes[lower] = [v * STACK_RATIO * top / bottom for v in sizes[lower]]


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
