"""A line read apart under a header's left column, sized to stand level with the right one."""

from __future__ import annotations

from collections.abc import Sequence

from app.ocr.base import Word
from app.pdf.lines import extent
from app.pdf.sizes import detached, line_bottom

REACH_MARGIN = 1.0  # the raised line's top ends this many pixels over the right column's bottom


def _across(line: Sequence[Word]) -> tuple[int, int]:
    """A line's extent across: its words' left and right."""
    left, _, right, _ = extent([line])
    return left, right


def reached(blocks: Sequence[Sequence[Sequence[Word]]], sizes: Sequence[Sequence[float]]
            ) -> list[list[float]]:
    """The sizes, a line read apart under a header's left column raised so that its box (its
    bottom less its size) reaches up level with the right column's lowest line over it.

    pdftotext widens a block across to the blocks under it, as far as the blocks level with it
    allow, and reads a block before another under it when the two so widened overlap across
    (Breuel's first rule). A stamp set under the issuer's column ("THƯỢNG KHẨN") has nothing
    level with it; widened across the page by the body under it, it stood under the national
    title and was read after it and the date. Level with the right column's lowest line, it is
    widened no further than that column's left edge and is read after the column above it,
    before the right column (Breuel's second rule). Its words keep their boxes across and their
    bottoms; only its box's top is raised. The lines so raised: a block's last line that a
    reader reads as a block of its own (more than READER_PITCH of its size under the line
    above: the stamp too far under the "V/v" lines for the column to hold), and a block's
    first line standing under a block across, nothing between (the stamp the page's cuts read
    with the body under it: raised, a size apart from the body's, it is a block of its own).
    A line with anything of the right column level with it already, or whose raised top would
    reach over its column's first line, is left as it is.
    """
    out = [list(s) for s in sizes]
    for k, block in enumerate(blocks):
        if len(block) < 2:
            continue
        if detached(block, out[k], len(block) - 1):
            out[k][-1] = _reach(blocks, out, k, k, -1) or out[k][-1]
        column = _column(blocks, out, k)
        if column is not None:
            out[k][0] = _reach(blocks, out, column, k, 0) or out[k][0]
    return out


def _column(blocks: Sequence[Sequence[Sequence[Word]]], sizes: Sequence[Sequence[float]],
            k: int) -> int | None:
    """The block that block `k`'s first line stands under: the lowest whose lines end over
    its top and span it across, with nothing of another block between."""
    x0, x1 = _across(blocks[k][0])
    top = line_bottom(blocks[k][0]) - sizes[k][0]
    under = [c for c, other in enumerate(blocks) if c != k
             and min(_across(line)[0] for line in other) <= x0
             and max(_across(line)[1] for line in other) >= x1
             and line_bottom(other[-1]) <= top]
    column = max(under, key=lambda c: line_bottom(blocks[c][-1]), default=None)
    if column is None or any(
            line_bottom(blocks[column][-1]) < line_bottom(line) <= top
            and _across(line)[0] < x1 and _across(line)[1] > x0
            for j, other in enumerate(blocks) if j not in (k, column) for line in other):
        return None
    return column


def _reach(blocks: Sequence[Sequence[Sequence[Word]]], sizes: Sequence[Sequence[float]],
           column: int, own: int, i: int) -> float | None:
    """The size that raises line `i` of block `own`, under the lines of block `column`, level
    with the lowest line over it of the blocks wholly right of that column and level with its
    lines; None where there are none, or one stands level with the line already."""
    col, line, size = blocks[column], blocks[own][i], sizes[own][i]
    over = line_bottom(col[-2] if column == own else col[-1])
    right = max(_across(ln)[1] for ln in col)
    bottom = line_bottom(line)
    rows = [(line_bottom(ln) - s, line_bottom(ln))
            for j, other in enumerate(blocks) if j not in (column, own)
            and min(_across(ln)[0] for ln in other) >= right
            and line_bottom(other[0]) - sizes[j][0] < over
            for ln, s in zip(other, sizes[j], strict=True)]
    if not rows or any(b > bottom - size and t < bottom for t, b in rows):
        return None  # none, or something of it level with the line already
    target = max((b for _, b in rows if b <= bottom - size), default=None)
    if target is None or target - REACH_MARGIN <= line_bottom(col[0]) - sizes[column][0]:
        return None
    return bottom - target + REACH_MARGIN
