"""A line read apart under a header's left column, sized to stand level with the right one."""

from __future__ import annotations

from collections.abc import Sequence

from app.ocr.base import Word
from app.pdf.sizes import detached, line_bottom

REACH_MARGIN = 1.0  # the raised line's top ends this many pixels over the right column's bottom


def _across(line: Sequence[Word]) -> tuple[int, int]:
    return min(w.box[0] for w in line), max(w.box[2] for w in line)


def reached(blocks: Sequence[Sequence[Sequence[Word]]], sizes: Sequence[Sequence[float]]
            ) -> list[list[float]]:
    """The sizes, a block's last line that a reader (pdftotext) reads as a block of its own under
    a header's left column raised so that its box (its bottom less its size) reaches up level
    with the right column's last line.

    pdftotext widens a block across to the blocks under it, as far as the blocks level with it
    allow, and reads a block before another under it when the two so widened overlap across
    (Breuel's first rule). A stamp set under the issuer's column ("THƯỢNG KHẨN", more than
    READER_PITCH of its size under the "V/v" lines: a block of its own) has nothing level with
    it; widened across the page by the body under it, it stood under the national title and
    was read after it and the date. Level with the right column's last line, it is widened no
    further than that column's left edge, and is read after the column above it, before the
    right column (Breuel's second rule). Its words keep their boxes across and their bottoms;
    only its box's top is raised. A line with anything of the right column already level with
    it, or whose raised top would reach over its own column's first line, is left as it is.
    """
    out = [list(s) for s in sizes]
    for k, block in enumerate(blocks):
        last = len(block) - 1
        if last < 1 or not detached(block, out[k], last):
            continue  # read in its block
        bottom, size, over = line_bottom(block[-1]), out[k][-1], line_bottom(block[-2])
        right = max(_across(line)[1] for line in block)
        # the right column: blocks wholly right of this one, level with its lines above
        rows = [(line_bottom(line) - s, line_bottom(line))
                for j, other in enumerate(blocks) if j != k
                and min(_across(line)[0] for line in other) >= right
                and line_bottom(other[0]) - out[j][0] < over
                for line, s in zip(other, out[j], strict=True)]
        if not rows or any(b > bottom - size and t < bottom for t, b in rows):
            continue  # none, or something of it level with the line already
        target = max((b for _, b in rows if b <= bottom - size), default=None)
        if target is not None and target - REACH_MARGIN > line_bottom(block[0]) - out[k][0]:
            out[k][-1] = bottom - target + REACH_MARGIN
    return out
