"""A first-page detector: national motto block at the top, a number line and a title or "V/v"."""

from __future__ import annotations

from app.extract.doctypes import table
from app.extract.fields import doctype, number, subject
from app.extract.layout import Layout
from app.ocr.base import OcrResult


def looks_like_first_page(ocr: OcrResult, size: tuple[int, int]) -> bool:
    """True when the page has the header of a document's first page (NĐ 30 layout)."""
    layout = Layout.of(ocr, size)
    if not layout.national:
        return False
    num = number.find(layout)
    if num is None or num.segment.cy > layout.height * 0.35:
        return False
    top = num.segment.cy
    title = doctype.find_title(layout, top, table())
    return title is not None or subject.vv_line(layout, top, layout.height * 0.45) is not None
