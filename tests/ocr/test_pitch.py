"""A page typed in a fixed-pitch face told from one in a book face, by its words' boxes as
Tesseract reads them from a generated line (real Tesseract)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.ocr.base import Word
from app.ocr.pitch import fixed_pitch, spread
from app.ocr.tesseract import TesseractEngine

FACES = {"typewriter": "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
         "book": "/usr/share/fonts/truetype/freefont/FreeSerif.ttf"}
LINE = "Về việc ban hành Quy chế làm việc của Ban Thường trực nhiệm kỳ mới"
DPI = 300


def _line(font: str) -> np.ndarray:
    image = Image.new("L", (2200, 110), 255)
    ImageDraw.Draw(image).text((30, 25), LINE, fill=0, font=ImageFont.truetype(font, 48))
    return np.asarray(image)


@pytest.fixture(scope="module")
def read() -> dict[str, tuple[Word, ...]]:
    """The line set in each face, read in one Tesseract run."""
    results = TesseractEngine(lang="vie").read_lines([_line(f) for f in FACES.values()], DPI)
    return {face: r.words for face, r in zip(FACES, results, strict=True)}


def test_a_typewriter_face_is_fixed_pitch(read: dict[str, tuple[Word, ...]]) -> None:
    assert len(read["typewriter"]) >= 10
    assert fixed_pitch(read["typewriter"])
    typed, book = spread(read["typewriter"]), spread(read["book"])
    assert typed is not None and book is not None and typed < book


def test_a_book_face_is_not(read: dict[str, tuple[Word, ...]]) -> None:
    assert len(read["book"]) >= 10
    assert not fixed_pitch(read["book"])


def test_too_few_words_tell_nothing(read: dict[str, tuple[Word, ...]]) -> None:
    few = read["typewriter"][:5]
    assert spread(few) is None and not fixed_pitch(few)
    assert spread(()) is None
