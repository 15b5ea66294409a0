"""A page's lines cut into segments at column gaps (header columns, "Nơi nhận" by the signature)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from itertools import combinations, pairwise

from app.ocr.base import Word
from app.pdf.lines import (
    MARK_CONF,
    PAUSES,
    SPACE_LIKE,
    SPACE_MOST,
    SPACED,
    Segment,
    is_text,
    mended,
)

SPLIT_GAP = 1.2  # a gap in a line this many line heights wide separates two columns
COLUMN_GAP = 1.0  # a gap in a line this many line heights wide separates columns...
SPACES = 2.5  # ...and a gap in a line this many times its usual space does too
NEAR = 0.75  # a gap this many line heights wide, under a column gap of the next line, is one
NEAR_SPACES = 1.3  # ...when it is also this many times the line's usual space
EDGE_SPACES = 1.4  # a gap this many spaces (and half a line height) wide before a column's edge...
EDGE = 0.25  # ...where pieces of EDGE_LINES other lines cut across start, within this many heights
EDGE_LINES = 2
EVEN = 1.5  # a line whose gaps are all within this ratio is justified: none of them is a column
BRIDGE_REACH = 2.5  # a gap the nearest lines this many line heights above and below span is none
ADVANCES = 2.0  # a gap this many letters' advances wide after a list's dash is a space
RULES = "_~—=" + "\u2013"  # what a printed rule or a stroke is read as
DASHES = "-\u2013\u2014"  # a mark of these between two words close to it either side is a dash
ROW_CELLS = 3  # a line cut into this many pieces or more may be a table's row...
ROW_STARTS = 2  # ...when this many of its cells start where another such line's do...
ROW_ALIGN = 0.5  # ...within this many line heights...
TABLE_ROWS = 3  # ...and this many such lines or more are linked so: a table, read row by row
DATE_WORDS = ("ngày", "tháng", "năm")  # a date's words, one of them read right at least


def span(seg: Segment, axis: int) -> tuple[int, int]:
    return min(w.box[axis] for w in seg), max(w.box[axis + 2] for w in seg)


def _mark(word: Word) -> bool:
    """A rule or a stroke read as a word ("_", "~", "—"), or a speck Tesseract doubts ("ˆ"):
    no letter or digit, and either a rule's character or a confidence under MARK_CONF (the
    dashes of "Độc lập - Tự do" are read with 90 or more)."""
    if is_text(word):
        return False
    return word.conf < MARK_CONF or all(ch in RULES for ch in word.text)


def solid(seg: Segment) -> bool:
    return not all(_mark(w) for w in seg)


Stripe = tuple[int, int, int, int]  # a column gap cut in a line: x0, y0, x1, y1
Piece = tuple[int, int, int, int]  # a line's piece between its cuts: x0, x1, top, bottom


def _piece(seg: Segment) -> Piece:
    """A piece's extent across, and where its words stand: their boxes' median top and
    bottom (a word boxed twice as tall as its letters does not move them)."""
    return (*span(seg, 0), int(statistics.median(w.box[1] for w in seg)),
            int(statistics.median(w.box[3] for w in seg)))


def _bridged(gap: tuple[int, int], stands: tuple[int, int], height: float,
             pieces: Sequence[Piece]) -> bool:
    """Whether a gap is no column's: pieces of other lines stand above and below it (within
    BRIDGE_REACH line heights), the nearest over the gap on each side spans it whole, and on a
    side with none over the gap (a paragraph's short last line over or under it, "Kính gửi"
    over its first line) none stands wholly past the gap. A word Tesseract did not read ("hồ
    sơ đã" read "hồ" and "đã"), or a gap a justified line stretched, in a paragraph's running
    text; a column gap shows in the lines beside as cut there, or as a column past it."""
    x0, x1 = gap
    top, bottom = stands
    over = [p for p in pieces if p[0] < x1 and p[1] > x0 and p[3] <= top + height / 2
            and p[3] >= top - BRIDGE_REACH * height]
    under = [p for p in pieces if p[0] < x1 and p[1] > x0 and p[2] >= bottom - height / 2
             and p[2] <= bottom + BRIDGE_REACH * height]
    def spans(p: Piece) -> bool:
        return p[0] <= x0 and p[1] >= x1

    # lines over and under within reach, the nearest of them over the gap each spanning it
    near_over = [p for p in pieces if top - BRIDGE_REACH * height <= p[3] <= top + height / 2]
    near_under = [p for p in pieces
                  if bottom - height / 2 <= p[2] <= bottom + BRIDGE_REACH * height]
    if not near_over or not near_under:
        return False
    if (over and not spans(max(over, key=lambda p: p[3]))) or (
            under and not spans(min(under, key=lambda p: p[2]))):
        return False
    # and on a side with nothing over the gap (a paragraph's short last line, a title), nothing
    # standing wholly past it (a column's lines)
    return not any(p[0] >= x1 for p in [*([] if over else near_over),
                                        *([] if under else near_under)])


def _cut(line: Segment, stripes: Sequence[Stripe] = (),
         pieces: Sequence[Piece] = ()) -> list[Segment]:
    """One Tesseract line (words left to right) cut at its column gaps (see `segments`)."""
    height = max(1.0, statistics.median(w.box[3] - w.box[1] for w in line))
    text = [w for w in line if not _mark(w)] or line
    gaps = [b.box[0] - a.box[2] for a, b in pairwise(text)]
    space = statistics.median(gaps) if gaps else 0.0
    wide = min(SPLIT_GAP * height, max(COLUMN_GAP * height, SPACES * space))
    # justified: the spaces were stretched evenly over the line, none of them is a column's
    # (a word boxed over the next one's start leaves no gap to compare; of four gaps or more
    # the narrowest is not compared either: a word boxed over its dot below)
    spaced = [g for g in gaps if g > 0]
    even = len(spaced) >= 3 and max(spaced) <= EVEN * sorted(spaced)[len(spaced) >= 4]
    # a typewriter face's space, a letter's cell and its bearings, is wider than a line of
    # words without accents or ascenders is tall ("hồ  sơ  với": 47 px, words 38 px tall);
    # measured on the narrower half of the gaps (a table's row has as many cells' as spaces),
    # and no wider than SPACE_MOST heights (specks read as letters, far apart, have none)
    narrow = statistics.median(sorted(spaced)[:(len(spaced) + 1) // 2]) if spaced else 0.0
    if len(spaced) >= SPACED and narrow <= SPACE_MOST * height:
        wide = max(wide, SPACE_LIKE * narrow)

    top, bottom = min(w.box[1] for w in line), max(w.box[3] for w in line)

    def aligned(a: Word, b: Word) -> bool:
        """A gap clearly wider than a space, under or over a column gap of a line beside."""
        gap, middle = b.box[0] - a.box[2], (a.box[2] + b.box[0]) / 2
        if gap >= max(NEAR * height, NEAR_SPACES * space) and any(
                x0 <= middle <= x1 and y0 - height <= bottom and top <= y1 + height
                and (y0, y1) != (top, bottom) for x0, y0, x1, y1 in stripes):
            return True
        # a table's cell filled to its ruling: the next cell starts at a column's left edge
        return gap >= max(height / 2, EDGE_SPACES * space) and sum(
            abs(x1 - b.box[0]) <= EDGE * height and (y0, y1) != (top, bottom)
            for _, y0, x1, y1 in stripes) >= EDGE_LINES

    # a letter's advance: after a comma a typewriter face leaves the comma's empty cell too
    advance = sum(w.box[2] - w.box[0] for w in text) / max(1, sum(len(w.text) for w in text))

    number = _number(text)
    stands = _piece(line)[2:]  # where the line's words stand: their median top and bottom

    def apart(a: Word, b: Word, words: bool = False) -> bool:
        if words and a is number:
            return True  # the number line's number, then its place and date
        if words and even:
            return False
        after = advance if a.text[-1:] in PAUSES else 0.0
        # a list's dash is an item's: two letters' advances after it are a space, whatever
        # the item's height ("- Lưu: VT." without accents is 27 px tall in FreeMono, the
        # dash's space 35 px)
        bullet = words and a is line[0] and all(ch in DASHES for ch in a.text)
        least = max(wide, ADVANCES * advance) if bullet else wide
        cut = b.box[0] - a.box[2] - after > least or (words and aligned(a, b))
        # a gap running text above and below spans is a word not read, no column's
        return cut and not (words and _bridged((a.box[2], b.box[0]), stands, height, pieces))

    found: list[Segment] = []
    current: Segment = []
    marks: Segment = []
    for word in line:
        if _mark(word) and word not in text:
            marks.append(word)
        elif not current:
            if marks and apart(marks[-1], word):
                marks = []  # a mark far before the first word is left out
            current, marks = [*marks, word], []
        elif apart(current[-1], word, words=True) and not _dashed(
                current[-1], marks, word, apart):
            found.append(current)  # the marks in the gap are left out
            current, marks = [word], []
        else:
            current, marks = [*current, *marks, word], []
    if not (marks and current and apart(current[-1], marks[0])):
        current += marks  # (a mark far after the last word is left out)
    return [*found, current] if current else found


def _number(text: Segment) -> Word | None:
    """The number of a number line typed on one line with the place and date, under the other
    header column ("Số: 150/BC-MTTQ-BTT Quốc Tử Giám, ngày 18 tháng 02 năm 2022", a space or
    two apart in a typewriter face): a label "Số" (read "Số:", "SỐ:", "Sể:") first, a number
    with "/" next, and "ngày", "tháng" or "năm" later on the line (one of them read right:
    "ngày" was read "ngàu" and "tháng" "tháúng" in JetBrains Mono)."""
    if len(text) < 4 or not text[0].text.startswith("S") or len(text[0].text.rstrip(":")) > 3:
        return None
    if "/" not in text[1].text or not any(w.text.casefold() in DATE_WORDS for w in text[2:]):
        return None
    return text[1]


def _dashed(before: Word, marks: Segment, after: Word, apart: Callable[..., bool]) -> bool:
    """Whether a gap holds a dash set a space from the words either side ("Độc lập - Tự do",
    its dash read with confidence 73, or as "—-" with 43): no column gap, though as wide as
    one."""
    return len(marks) == 1 and all(ch in DASHES for ch in marks[0].text) and not (
        apart(before, marks[0], words=True) or apart(marks[0], after, words=True))


def segments(words: Sequence[Word]) -> list[Segment]:
    """Tesseract's lines, each cut where the gap between two words exceeds SPLIT_GAP heights,
    or COLUMN_GAP heights and SPACES times the line's usual space (a header's columns set
    close: the words' heights, taller for accented capitals, are no measure of the gap).

    A line whose gaps are all about as wide (a short line justified to the margins: "Thực hiện
    Chương   trình"; of four gaps or more, but for the narrowest) is not cut. Gaps are measured
    between words with letters or digits; a mark alone in a gap that cuts the line (the rule
    under the issuer's name read as "_", a speck between the header columns read as "ˆ") is left
    out, and so is one far before or after the line's words. A gap clearly wider than the line's
    spaces (NEAR line heights, NEAR_SPACES spaces) but narrower than that is cut too where a
    line just above or below is cut across it: header columns set closer than a line height on
    one line (a space and a half apart in a typewriter face). So is a gap of half a line height
    and EDGE_SPACES spaces where the next word starts at a column's left edge, where pieces of
    EDGE_LINES other lines cut across start: a table's cell filled to its ruling, read by
    Tesseract on one line with the next. A gap holding one dash no farther from the words either
    side than a gap that cuts ("Độc lập - Tự do", the dash read with confidence 73, a mark) is
    not cut. A gap after a comma, semicolon or colon is taken a letter's advance narrower: a
    typewriter face leaves the mark's empty cell beside the space ("Theo dõi,  đánh giá" in a
    table's cell). A gap the nearest lines above and below (within BRIDGE_REACH line heights)
    each run across whole is not cut: a word Tesseract did not read in running text ("tham gia,
    đạt 91% so với": "so" read as "_", a line height and a half wide); nor is one that lines
    above and below run short of, none of them past it (a paragraph's short last line over
    it, "Kính gửi" over its first line: `_bridged`). The lines are cut twice, the second time
    beside the lines as cut the first (a line found whole spans its gap for the lines beside).
    A number line typed with the place and date on one line is cut after the number
    (`_number`). A gap within SPACE_LIKE times the narrower half of the line's gaps (of SPACED
    gaps or more, themselves no wider than SPACE_MOST heights) is a space, however short the
    words: a typewriter face's space, a letter's cell and its bearings, is wider than 1.2
    heights of words without accents or ascenders ("hồ  sơ  với": 47 px, words 38 px tall).
    """
    lines = mended(words)
    stripes, pieces = _beside(lines, [_cut(line) for line in lines])
    cuts = [_cut(line, stripes, pieces) for line in lines]
    # once more, beside the lines so cut: a line found to run across a word not read spans it
    # for the lines beside
    stripes, pieces = _beside(lines, cuts)
    cuts = [_cut(line, stripes, pieces) for line in lines]
    rows = _table_rows(lines, cuts)
    return [seg for k, (line, cut) in enumerate(zip(lines, cuts, strict=True))
            for seg in ([line] if k in rows else cut)]


def _beside(lines: Sequence[Segment], cuts: Sequence[list[Segment]]
            ) -> tuple[list[Stripe], list[Piece]]:
    """The column gaps cut in each line and the pieces between them (of words, not marks)."""
    stripes: list[Stripe] = []
    pieces: list[Piece] = []
    for line, cut in zip(lines, cuts, strict=True):
        top, bottom = min(w.box[1] for w in line), max(w.box[3] for w in line)
        stripes += [(a[-1].box[2], top, b[0].box[0], bottom) for a, b in pairwise(cut)]
        pieces += [_piece(p) for p in cut if solid(p)]
    return stripes, pieces


def _table_rows(lines: Sequence[Segment], cuts: Sequence[list[Segment]]) -> set[int]:
    """The lines that are a table's rows, each read whole (Tesseract read a row as one line
    once the table's rulings were painted over its input: `app.imaging.rulings`).

    A row is a line cut into ROW_CELLS cells or more, ROW_STARTS of them starting where cells
    of another such line start (within ROW_ALIGN line heights); TABLE_ROWS such lines linked
    so make a table. Cut into its cells, a row was read cell by cell down the table's columns
    (a block each), pieces of a cell's text apart.
    """
    starts = {k: [piece[0].box[0] for piece in cut[1:]] for k, cut in enumerate(cuts)
              if len(cut) >= ROW_CELLS}
    heights = {k: statistics.median(w.box[3] - w.box[1] for w in lines[k]) for k in starts}
    group = {k: k for k in starts}

    def root(k: int) -> int:
        while group[k] != k:
            k = group[k]
        return k

    for k, j in combinations(starts, 2):
        slack = ROW_ALIGN * max(heights[k], heights[j])
        if sum(any(abs(a - b) <= slack for b in starts[j]) for a in starts[k]) >= ROW_STARTS:
            group[root(j)] = root(k)
    members: dict[int, list[int]] = {}
    for k in starts:
        members.setdefault(root(k), []).append(k)
    return {k for rows in members.values() if len(rows) >= TABLE_ROWS for k in rows}
