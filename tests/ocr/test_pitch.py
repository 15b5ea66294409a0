"""A page typed in a fixed-pitch face told from one in a book face, by its words' boxes."""

from __future__ import annotations

from collections.abc import Callable

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
    """The line set in each face, read in one Tesseract run.

    The boxes are Tesseract's (real Tesseract) for a generated line.
    """
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


# a first page's lines and the pitch (px a letter) each is set at: a small header in
# capitals, a large bold title, the body, a small "Nơi nhận" block
PAGE = (("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM", 30.0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 30.0),
        ("QUYẾT ĐỊNH", 37.0),
        ("Về việc khen thưởng các tập thể và cá nhân", 33.5),
        ("có thành tích xuất sắc trong công tác giám sát", 33.5),
        ("và phản biện xã hội của Mặt trận năm nay", 33.5),
        ("Nơi nhận Thường trực Các thành viên", 26.0))
# a book face's advance widths, in ems: narrow i, l, t, r; wide m, w, capitals
NARROW, WIDE = set("iltrfjíìỉĩịI"), set("mwMWQĐ")


def _laid(width: Callable[[str, float], float]) -> list[Word]:
    """PAGE's words laid out line by line, each word's box `width(word, pitch)` wide."""
    words = []
    for number, (text, pitch) in enumerate(PAGE):
        x, y = 100.0, 200.0 + 80 * number
        for word in text.split():
            right = x + width(word, pitch)
            words.append(Word(word, (round(x), round(y), round(right), round(y + pitch * 1.3)),
                              95.0, (0, 0, number)))
            x = right + pitch
    return words


def _book(word: str, pitch: float) -> float:
    return sum(pitch * (0.55 if c in NARROW else 1.45 if c in WIDE or c.isupper() else 1.0)
               for c in word) - 0.1 * pitch


def test_a_page_of_lines_in_several_sizes_is_fixed_pitch() -> None:
    """Each line's pitch is its own: a header, a title and the body set at different sizes of
    a typewriter face (a box a pitch a letter, less the side bearings) are fixed-pitch."""
    typed = _laid(lambda word, pitch: pitch * (len(word) - 0.15))
    assert fixed_pitch(typed)
    found = spread(typed)
    assert found is not None and found < 0.05


def test_a_page_in_a_book_face_in_several_sizes_is_not() -> None:
    assert not fixed_pitch(_laid(_book))
