"""Reading order of OCR words: lines split at column gaps, then blocks ordered by XY-cuts."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from itertools import combinations, groupby, pairwise

from app.ocr.base import Word
from app.pdf.lines import extent
from app.pdf.segments import COLUMN_GAP, Segment, segments, solid, span

STRIPE = 0.75  # an empty vertical stripe this many line heights wide separates columns
STAMP_REACH = 2.0  # a line this many line heights under a left column's end at most is its


def _height(seg: Segment) -> float:
    return float(max(w.box[3] for w in seg) - min(w.box[1] for w in seg))


def _widest_gap(segs: list[Segment], axis: int) -> tuple[float, float]:
    """The widest empty stripe between the segments along `axis` (0: x, 1: y): (width, cut).

    Segments of marks alone (a speck, a stroke of the signature) do not close a stripe.
    """
    spans = sorted(span(s, axis) for s in segs if solid(s)) or sorted(
        span(s, axis) for s in segs)
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
    cut_there = any(a[0].line == b[0].line and span(a, 0)[1] <= x_cut <= span(b, 0)[0]
                    for a, b in pairwise(segs))
    if x_gap >= COLUMN_GAP * height or (x_gap >= STRIPE * height and cut_there):
        left = [s for s in segs if sum(span(s, 0)) <= 2 * x_cut]
        right = [s for s in segs if sum(span(s, 0)) > 2 * x_cut]
        return _xy_cut(left, height, (*column, 0)) + _xy_cut(right, height, (*column, 1))
    if y_gap > 0:
        upper = [s for s in segs if sum(span(s, 1)) <= 2 * y_cut]
        lower = [s for s in segs if sum(span(s, 1)) > 2 * y_cut]
        return _xy_cut(upper, height, column) + _xy_cut(lower, height, column)
    return [(column, s) for s in sorted(segs, key=lambda s: (span(s, 1)[0], span(s, 0)[0]))]


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
        x0, x1 = span(seg, 0)
        top, bottom = span(seg, 1)
        if i + 1 < len(items) and span(items[i + 1][1], 1)[0] <= bottom:
            continue  # a line of a block, not alone
        above = [(path, extent([s for p, s in items[:i] if p == path]),
                  _widest_gap([s for p, s in items[:i] if p == path], 1)[0]) for path in
                 {p for p, _ in items[:i] if len(p) > len(column) and p[:len(column)] == column}]
        hosts = [path for path, box, gap in above if path[-1] == 0 and box[0] <= x0
                 and x1 <= box[2] and 0 < top - box[3] <= min(gap, STAMP_REACH * height)]
        if len(hosts) == 1:
            end = max(k for k in range(i) if items[k][0] == hosts[0])
            items = [*items[:end + 1], (hosts[0], seg), *items[end + 1:i], *items[i + 1:]]
    return items


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
        boxes = [extent(block) for _, block in runs]
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

    Tesseract sometimes reads two columns side by side as one line (a header's issuer and
    national-title columns; "Nơi nhận" beside the signature block). The words are re-grouped: each
    line is mended (`app.pdf.lines`) and cut where a gap is wider than a line is high
    (`app.pdf.segments`), and the pieces are ordered here by cutting the page recursively at its
    widest empty stripe, down (top part first) or across (left part first), so that a column is read
    to its end before the next one.
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
