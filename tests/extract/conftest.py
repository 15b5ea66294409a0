"""Helpers for extraction tests: OCR results laid out by hand, and synthetic pages."""

from __future__ import annotations

import numpy as np
import pytest

from app.ocr.base import OcrResult, Word
from app.ocr.tesseract import TesseractEngine
from app.synth.document import RenderedPage, render_page

PAGE = (2480, 3508)  # A4 at 300 dpi
CHAR_W, GAP, HEIGHT = 22, 14, 42


def line_words(text: str, x: int, y: int, line: int, conf: float = 95.0) -> list[Word]:
    """The words of `text` set from (x, y), as Tesseract would box them."""
    words = []
    for token in text.split():
        w = CHAR_W * len(token)
        words.append(Word(token, (x, y, x + w, y + HEIGHT), conf, (1, 1, line)))
        x += w + GAP
    return words


def centred(text: str, cx: int, y: int, line: int) -> list[Word]:
    """`text` centred on `cx`."""
    width = sum(CHAR_W * len(t) for t in text.split()) + GAP * (len(text.split()) - 1)
    return line_words(text, cx - width // 2, y, line)


def page(lines: list[tuple[str, int, int]]) -> OcrResult:
    """An OCR result from (text, centre x, top y) lines."""
    words: list[Word] = []
    for k, (text, cx, y) in enumerate(lines):
        words += centred(text, cx, y, k)
    return OcrResult(tuple(words), "vie")


LEFT, RIGHT, MIDDLE = 700, 1700, 1330


def header(number: str, date: str, title: str, subject: str,
           stamps: tuple[str, ...] = ()) -> OcrResult:
    """A state-style first page header laid out as NĐ 30 puts it."""
    lines = [
        ("ỦY BAN MTTQ VIỆT NAM QUẬN CẦU GIẤY", LEFT, 230),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
        ("BAN THƯỜNG TRỰC ỦY BAN MTTQ", LEFT, 290),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
        ("VIỆT NAM PHƯỜNG NGHĨA ĐÔ", LEFT, 350),
        (f"Số: {number}", LEFT, 500),
        (date, RIGHT, 500),
    ]
    y = 500
    for stamp in stamps:
        y += 110
        lines.append((stamp, LEFT, y))
    if title:
        lines += [(title, MIDDLE, 800), (subject, MIDDLE, 880)]
    lines.append(("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2020 của Ủy ban nhân dân quận "
                  "về công tác chuyển đổi số, Ban Thường trực xây dựng kế hoạch", 1270, 1100))
    return page(lines)


@pytest.fixture(scope="session")
def first_page() -> tuple[RenderedPage, OcrResult]:
    """A generated first page at 300 dpi and its page OCR, read once for every test of the
    package that needs a whole page read (the suite's time is short)."""
    rendered = render_page(np.random.default_rng(3), dpi=300, first_page=True)
    return rendered, TesseractEngine(lang="vie").recognize(rendered.image, 300)
