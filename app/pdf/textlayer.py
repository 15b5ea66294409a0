"""The invisible text layer: OCR words placed over their boxes in text render mode 3."""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from collections.abc import Iterable, Sequence

from app.ocr.base import Word
from app.pdf.apart import block_sizes
from app.pdf.font import ADVANCE, DESCENT, UNITS_PER_EM
from app.pdf.lines import is_text
from app.pdf.order import reading_order
from app.pdf.places import placed, topped
from app.pdf.reach import reached
from app.pdf.sizes import MIN_EXTENT_PX, line_bottom

FONT_RESOURCE = "FOcr"  # the glyphless font's name in page resources
REPLACEMENT = "\ufffd"
_GLYPH_EM = ADVANCE / UNITS_PER_EM  # one glyph's advance, in font-size units
SPACE_EM = 0.25  # the least space kept between two words, in font sizes
READER_GAP = 0.6  # a gap in a line over this many font sizes (a reader cuts at 0.7)...
BRIDGE = 0.4  # ...is narrowed to this many by widening the word before it


def clean_text(text: str) -> str:
    """NFC-normalise and keep only what the 2-byte Identity-H codes can carry (BMP, no controls)."""
    return "".join(
        REPLACEMENT if ord(ch) > 0xFFFF or unicodedata.category(ch) in ("Cc", "Cs") else ch
        for ch in unicodedata.normalize("NFC", text)
    )


def _hex(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _line_ops(words: Sequence[Word], size: float, scale: float,
              page_height: float) -> Iterable[str]:
    """Operators for one OCR line: the block's font size, a baseline, each word at its box.

    A word whose box runs over the next word's start (Tesseract boxed "PHỐ" over "HÀ") is
    ended a space before it: overlapping words on one baseline make a reader break the line.
    A word before a gap wider than READER_GAP font sizes (a table's row: the last word of a
    cell) is widened towards the next word, to BRIDGE sizes before it: pdftotext cuts a line
    into blocks at a gap of 0.7 sizes, and read a table's cells column by column.
    """
    baseline = page_height - line_bottom(words) * scale - DESCENT / UNITS_PER_EM * size
    yield f"/{FONT_RESOURCE} {_num(size)} Tf"
    glyph = _GLYPH_EM * size
    space = SPACE_EM * size / scale  # in pixels
    for word, following in itertools.zip_longest(words, words[1:]):
        x0, _, x1, _ = word.box
        if following is not None and following.box[0] < x1:
            x1 = max(following.box[0] - space, x0 + MIN_EXTENT_PX)
        elif following is not None and following.box[0] - x1 > READER_GAP * size / scale:
            x1 = following.box[0] - BRIDGE * size / scale
        width = max(x1 - x0, MIN_EXTENT_PX) * scale
        yield f"1 0 0 1 {_num(x0 * scale)} {_num(baseline)} Tm"
        yield f"{_num(100 * width / (len(word.text) * glyph))} Tz {_hex(word.text)} Tj"
        if following is not None:
            gap = max(following.box[0] - x1, MIN_EXTENT_PX) * scale
            yield f"{_num(100 * gap / glyph)} Tz {_hex(' ')} Tj"


def text_layer(words: Sequence[Word], dpi: float, page_height: float) -> bytes:
    """Content stream drawing `words` (boxes in image pixels at `dpi`) invisibly on a page.

    `page_height` is in points. The words are put in reading order (`app.pdf.order`): a
    column's lines before the next column's, each header column and the "Nơi nhận" list apart
    from what stands beside them. The words of a line share a baseline and are joined by a
    space stretched over the gap between them; lines stand where their words do
    (`app.pdf.places`); the lines of a block share one font size (`app.pdf.sizes`), so that
    text extraction keeps them together as one block, and blocks side by side or stacked are
    set apart (`app.pdf.apart`); a line read
    apart under a header's left column stands level with the right one (`app.pdf.reach`).
    """
    cleaned = [Word(clean_text(w.text), w.box, w.conf, w.line) for w in words]
    cleaned = [w for w in cleaned if w.text.strip()]
    if not cleaned:
        return b""
    scale = 72.0 / dpi
    ops = ["BT", "3 Tr"]
    usual = statistics.median(w.box[3] - w.box[1] for w in cleaned if is_text(w)) if any(
        is_text(w) for w in cleaned) else MIN_EXTENT_PX  # the page's usual word height
    blocks = placed(reading_order(cleaned), usual)
    sizes = block_sizes(blocks)
    blocks = topped(blocks, sizes)
    sizes = reached(blocks, sizes)
    for block, line_sizes in zip(blocks, sizes, strict=True):
        for line, size in zip(block, line_sizes, strict=True):
            ops.extend(_line_ops(line, size * scale, scale, page_height))
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("ascii")
