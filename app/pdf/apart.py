"""Font sizes set between blocks, so that a reader (pdftotext) keeps blocks side by side apart."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from app.ocr.base import Word
from app.pdf.lines import extent
from app.pdf.sizes import (
    BLOCK_PITCH,
    READER_LEVEL,
    READER_PITCH,
    detached,
    line_bottom,
    line_height,
    line_sizes,
)

SIDE_RATIO = 0.75  # of two blocks side by side, the smaller size at most this share of the larger
TABLE_COLUMNS = 3  # blocks of several lines side by side, at least this many, are a table
READER_SIZES = 0.05  # pdftotext joins a line under a block when their sizes differ by this share
STACK_RATIO = 0.9  # a block under another as large gets this share of its size
ROW_SLACK = 0.25  # a table's cells in one row stand within this many line heights
READER_PULL = 0.7  # pdftotext pulls a word this many of a block's sizes beside it on its rows in...
READER_SIZES_PULLED = 0.6  # ...when the sizes differ by less than this share
UNPULLED = 0.95  # a block's size is lowered to this share of the largest that pulls nothing in
HELD_LINES = 3  # a block of this many lines or more beside a column is held whatever its pitch


def block_sizes(blocks: Sequence[Sequence[Sequence[Word]]]) -> list[list[float]]:
    """Each line's font size: one per block (`line_sizes`; a block beside a column held whole,
    `_beside`), tables' cells alike (`_tables`), a block under another as large made smaller
    (`_stacked`), blocks side by side set apart (`_apart`) and made small enough to pull nothing
    in from beside them (`_unpulled`)."""
    sizes = [line_sizes(block, whole=side)
             for block, side in zip(blocks, _beside(blocks), strict=True)]
    _tables(blocks, sizes)
    _stacked(blocks, sizes)
    _apart(blocks, sizes)
    if _unpulled(blocks, sizes):
        _apart(blocks, sizes)
    return sizes


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
    hold a line (`line_sizes`), the larger is brought under SIDE_RATIO of the smaller instead, if
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
            if max(line_sizes(blocks[j], hold=False)) < level[j] and max(
                    line_sizes(blocks[k], hold=False)) <= low < level[k]:
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
    plains = [line_sizes(block, hold=False) for block in blocks]
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
    slack = ROW_SLACK * statistics.median(line_height(line) for line in (*a, *b))
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
