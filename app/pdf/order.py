"""Reading order of OCR words: lines split at column gaps, then blocks ordered by XY-cuts.

Tesseract sometimes reads two columns side by side as one line (a header's issuer and
national-title columns; "Nơi nhận" beside the signature block). The words are re-grouped:
each line is cut where a gap is wider than a line is high, and the pieces are ordered by
cutting the page recursively at its widest empty stripe, down (top part first) or across
(left part first), so that a column is read to its end before the next one.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Callable, Sequence
from itertools import combinations, groupby, pairwise

from app.ocr.base import Word

SPLIT_GAP = 1.2  # a gap in a line this many line heights wide separates two columns
COLUMN_GAP = 1.0  # a gap in a line this many line heights wide separates columns...
STRIPE = 0.75  # ...and an empty vertical stripe this many line heights wide
SPACES = 2.5  # ...and a gap in a line this many times its usual space does too
SPACE_LIKE = 1.3  # but a gap within this many of its narrower spaces (of SPACED gaps or more,
SPACED = 3  # ...the narrower half of them no wider than SPACE_MOST line heights) is a space
SPACE_MOST = 1.5
NEAR = 0.75  # a gap this many line heights wide, under a column gap of the next line, is one
NEAR_SPACES = 1.3  # ...when it is also this many times the line's usual space
EDGE_SPACES = 1.4  # a gap this many spaces (and half a line height) wide before a column's edge...
EDGE = 0.25  # ...where pieces of EDGE_LINES other lines cut across start, within this many heights
EDGE_LINES = 2
EVEN = 1.5  # a line whose gaps are all within this ratio is justified: none of them is a column
BRIDGE_REACH = 2.5  # a gap the nearest lines this many line heights above and below span is none
ADVANCES = 2.0  # a gap this many letters' advances wide after a list's dash is a space
PAUSES = ",;:"  # a gap after these is a letter's advance narrower than it looks
RULES = "_~—=" + "\u2013"  # what a printed rule or a stroke is read as
DASHES = "-\u2013\u2014"  # a mark of these between two words close to it either side is a dash
MARK_CONF = 80.0  # a word without letters or digits read with less confidence is a speck
TEXT = frozenset({"Lu", "Ll", "Lt", "Lo", "Nd"})  # letters and digits (not "ˆ", a modifier)
ROW_CELLS = 3  # a line cut into this many pieces or more may be a table's row...
ROW_STARTS = 2  # ...when this many of its cells start where another such line's do...
ROW_ALIGN = 0.5  # ...within this many line heights...
TABLE_ROWS = 3  # ...and this many such lines or more are linked so: a table, read row by row
NARROW = 0.5  # a word of 3 letters or more boxed under this share of its letters' advances...
ACCENT = 0.5  # a line of one short word under this many usual word heights, just over a word...
ACCENT_LETTERS = 2  # ...of at most this many characters, is an accent read apart from its line
DATE_WORDS = ("ngày", "tháng", "năm")  # a date's words, one of them read right at least
STAMP_REACH = 2.0  # a line this many line heights under a left column's end at most is its
TALL_WORD = 1.6  # a word boxed this many times as tall as its line's words (of STOOD or more)...
STOOD = 3  # ...is taken to stand where they do

Segment = list[Word]


def _height(seg: Segment) -> float:
    return float(max(w.box[3] for w in seg) - min(w.box[1] for w in seg))


def _span(seg: Segment, axis: int) -> tuple[int, int]:
    return min(w.box[axis] for w in seg), max(w.box[axis + 2] for w in seg)


def _mark(word: Word) -> bool:
    """A rule or a stroke read as a word ("_", "~", "—"), or a speck Tesseract doubts ("ˆ"):
    no letter or digit, and either a rule's character or a confidence under MARK_CONF (the
    dashes of "Độc lập - Tự do" are read with 90 or more)."""
    if any(unicodedata.category(ch) in TEXT for ch in word.text):
        return False
    return word.conf < MARK_CONF or all(ch in RULES for ch in word.text)


def _solid(seg: Segment) -> bool:
    return not all(_mark(w) for w in seg)


Stripe = tuple[int, int, int, int]  # a column gap cut in a line: x0, y0, x1, y1
Piece = tuple[int, int, int, int]  # a line's piece between its cuts: x0, x1, top, bottom


def _piece(seg: Segment) -> Piece:
    """A piece's extent across, and where its words stand: their boxes' median top and
    bottom (a word boxed twice as tall as its letters does not move them)."""
    return (*_span(seg, 0), int(statistics.median(w.box[1] for w in seg)),
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
    lines = _continued(_accents([_widened(_stood(sorted(group, key=lambda w: w.box[0])))
                                 for _, group in groupby(words, key=lambda w: w.line)]))
    stripes, pieces = _beside(lines, [_cut(line) for line in lines])
    cuts = [_cut(line, stripes, pieces) for line in lines]
    # once more, beside the lines so cut: a line found to run across a word not read spans it
    # for the lines beside
    stripes, pieces = _beside(lines, cuts)
    cuts = [_cut(line, stripes, pieces) for line in lines]
    rows = _table_rows(lines, cuts)
    return [seg for k, (line, cut) in enumerate(zip(lines, cuts, strict=True))
            for seg in ([line] if k in rows else cut)]


def _stood(line: Segment) -> Segment:
    """The line, a word Tesseract boxed over TALL_WORD times as tall as the line's words (the
    median of STOOD words or more with a letter or digit) boxed where the other words stand
    (their extent): "2016", the date's last word in JetBrains Mono, boxed 84 px tall (the
    line's words 36) down into the title under the date, closed the stripe between the two,
    and the number line and the date were read as one block with the title and body, the
    date first."""
    text = [w for w in line if any(unicodedata.category(ch) in TEXT for ch in w.text)]
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
    heights = [w.box[3] - w.box[1] for line in lines for w in line
               if any(unicodedata.category(ch) in TEXT for ch in w.text)]
    if not heights:
        return lines
    usual = statistics.median(heights)
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


def _beside(lines: Sequence[Segment], cuts: Sequence[list[Segment]]
            ) -> tuple[list[Stripe], list[Piece]]:
    """The column gaps cut in each line and the pieces between them (of words, not marks)."""
    stripes: list[Stripe] = []
    pieces: list[Piece] = []
    for line, cut in zip(lines, cuts, strict=True):
        top, bottom = min(w.box[1] for w in line), max(w.box[3] for w in line)
        stripes += [(a[-1].box[2], top, b[0].box[0], bottom) for a, b in pairwise(cut)]
        pieces += [_piece(p) for p in cut if _solid(p)]
    return stripes, pieces


def _continued(lines: list[Segment]) -> list[Segment]:
    """The lines, a line Tesseract began a space after another line's end, on its baseline,
    joined to it.

    A gap within SPACE_LIKE times the narrower half of a line's spaces cuts no line (`_cut`),
    and it parts no two lines either: Tesseract read the end of an A5 party page's "V/v" line,
    "tài", with the date beside it, and the text layer read the date between "sơ," and "tài".
    Where the words stand (median bottoms) the two lines are within a quarter of the usual word
    height; a gap after a comma is taken a letter's advance narrower, as in `_cut`.
    """
    heights = [w.box[3] - w.box[1] for line in lines for w in line
               if any(unicodedata.category(ch) in TEXT for ch in w.text)]
    if not heights:
        return lines
    usual = statistics.median(heights)
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


def _widest_gap(segs: list[Segment], axis: int) -> tuple[float, float]:
    """The widest empty stripe between the segments along `axis` (0: x, 1: y): (width, cut).

    Segments of marks alone (a speck, a stroke of the signature) do not close a stripe.
    """
    spans = sorted(_span(s, axis) for s in segs if _solid(s)) or sorted(
        _span(s, axis) for s in segs)
    best, cut = 0.0, 0.0
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach > best:
            best, cut = float(lo - reach), (lo + reach) / 2
        reach = max(reach, hi)
    return best, cut


def _xy_cut(segs: list[Segment], height: float, column: tuple[int, ...] = ()
            ) -> list[tuple[tuple[int, ...], Segment]]:
    """Order `segs` by recursive cuts at empty stripes; tag each with the column it lies in.

    The column is the path of across-cuts (0 left, 1 right) that led to it. A stripe down
    is a cut when COLUMN_GAP line heights wide, or STRIPE where a line was cut across it.
    """
    if len(segs) <= 1:
        return [(column, s) for s in segs]
    x_gap, x_cut = _widest_gap(segs, 0)
    y_gap, y_cut = _widest_gap(segs, 1)
    cut_there = any(a[0].line == b[0].line and _span(a, 0)[1] <= x_cut <= _span(b, 0)[0]
                    for a, b in pairwise(segs))
    if x_gap >= COLUMN_GAP * height or (x_gap >= STRIPE * height and cut_there):
        left = [s for s in segs if sum(_span(s, 0)) <= 2 * x_cut]
        right = [s for s in segs if sum(_span(s, 0)) > 2 * x_cut]
        return _xy_cut(left, height, (*column, 0)) + _xy_cut(right, height, (*column, 1))
    if y_gap > 0:
        upper = [s for s in segs if sum(_span(s, 1)) <= 2 * y_cut]
        lower = [s for s in segs if sum(_span(s, 1)) > 2 * y_cut]
        return _xy_cut(upper, height, column) + _xy_cut(lower, height, column)
    return [(column, s) for s in sorted(segs, key=lambda s: (_span(s, 1)[0], _span(s, 0)[0]))]


def _under_column(items: list[tuple[tuple[int, ...], Segment]], height: float
                  ) -> list[tuple[tuple[int, ...], Segment]]:
    """The segments in reading order (`_xy_cut`), a line set right under a left column moved
    to that column's end.

    The "V/v" lines of an A5 header stood a pixel under the number line, the first ending
    10 px past the date's start: the page was cut across under the number line and the date,
    and the "V/v" lines were read after the national title and the date. A "Nơi nhận" list
    split by a cut down at the widest stripe was read around the signature's title. A segment
    right after columns (a longer path of across cuts), with an empty stripe under it before
    the next segment, under a left column within that column's widest gap between its lines
    (and STAMP_REACH line heights) and inside its extent across, is read at that column's end
    (and the next segment is judged so too). A wider gap (a stamp set well under the number
    line) is left: the column's size, raised to hold it, would hold neither it nor the
    number line (`app.pdf.textlayer`), and a right column (the date) has a title under it."""
    items = list(items)
    for i in range(1, len(items)):
        column, seg = items[i]
        if len(items[i - 1][0]) <= len(column) or items[i - 1][0][:len(column)] != column:
            continue
        x0, x1 = _span(seg, 0)
        top, bottom = _span(seg, 1)
        if i + 1 < len(items) and _span(items[i + 1][1], 1)[0] <= bottom:
            continue  # a line of a block, not alone
        above = [(path, _box([s for p, s in items[:i] if p == path]),
                  _widest_gap([s for p, s in items[:i] if p == path], 1)[0]) for path in
                 {p for p, _ in items[:i] if len(p) > len(column) and p[:len(column)] == column}]
        hosts = [path for path, box, gap in above if path[-1] == 0 and box[0] <= x0
                 and x1 <= box[2] and 0 < top - box[3] <= min(gap, STAMP_REACH * height)]
        if len(hosts) == 1:
            end = max(k for k in range(i) if items[k][0] == hosts[0])
            items = [*items[:end + 1], (hosts[0], seg), *items[end + 1:i], *items[i + 1:]]
    return items


def _box(block: list[Segment]) -> tuple[int, int, int, int]:
    words = [w for seg in block for w in seg]
    return (min(w.box[0] for w in words), min(w.box[1] for w in words),
            max(w.box[2] for w in words), max(w.box[3] for w in words))


def _join_columns(runs: list[tuple[tuple[int, ...], list[Segment]]]) -> list[list[Segment]]:
    """Join the blocks of one column (the same path of across-cuts) with nothing between them.

    A cut across the page between a header's rows (its columns set too close for a cut down
    between them first) made the issuer's name and its number line two blocks, and the
    national title and the date two more, which pdftotext took for a table. Blocks with two
    or more beside them are a table's cells and are left as they are.
    """
    joined = True
    while joined:
        joined = False
        boxes = [_box(block) for _, block in runs]
        beside = [sum(c[1] < a[3] and c[3] > a[1] for c in boxes) - 1 for a in boxes]
        for k, j in combinations(range(len(runs)), 2):
            a, b = boxes[k], boxes[j]
            if runs[k][0] != runs[j][0] or b[1] < a[3] or max(beside[k], beside[j]) > 1:
                continue  # not one column, or in a table's rows (cells read row by row)
            left, right = min(a[0], b[0]), max(a[2], b[2])
            if not any(c[1] < b[1] and c[3] > a[3] and c[0] < right and c[2] > left
                       for n, c in enumerate(boxes) if n not in (k, j)):
                runs[k] = (runs[k][0], runs[k][1] + runs[j][1])
                del runs[j]
                joined = True
                break
    return [block for _, block in runs]


def reading_order(words: Sequence[Word]) -> list[list[list[Word]]]:
    """Return the words as blocks in reading order, each a list of lines (words left to right).

    A block is a run of lines read one after the other in the same column; pieces of one
    Tesseract line read one after the other in a block are one line again (`_rejoined`).
    """
    segs = segments(words)
    if not segs:
        return []
    height = max(1.0, statistics.median(_height(s) for s in segs))
    runs = [(column, [seg for _, seg in run])
            for column, run in groupby(_under_column(_xy_cut(segs, height), height),
                                       key=lambda item: item[0])]
    return [_rejoined(block) for block in _join_columns(runs)]


def _rejoined(block: list[Segment]) -> list[Segment]:
    """The block's lines with pieces of one Tesseract line read one after the other joined
    again: they stand in one column, and apart, pdftotext read a piece beside its line's
    start ("quản vĩnh viễn một", after a word not read) before it. The text layer narrows a
    wide gap within a line (`app.pdf.textlayer`), so the reader keeps the line whole."""
    lines: list[Segment] = []
    for seg in block:
        if lines and lines[-1][-1].line == seg[0].line and lines[-1][-1].box[2] <= seg[0].box[0]:
            lines[-1] = lines[-1] + seg
        else:
            lines.append(seg)
    return lines
