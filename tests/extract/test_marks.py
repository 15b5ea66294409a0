"""Tones stacked over a circumflex that the page reading left out of a word: read again."""

# "chuyên" read, "chuyển" printed: the mark seen on the page over the word's box, the word boxed
# up to it, taken from a reading of its line that spells it; a suggestion when none does.

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.marks import restack, restacked
from app.extract.model import MARK_LOST, FieldValue
from app.extract.reread import Rereader
from app.extract.text import bare
from app.ocr.base import OcrResult, Word
from app.ocr.tesseract import TesseractEngine

FONT = "/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf"  # fonts-noto-mono
DPI = 300
ENGINE = TesseractEngine(lang="vie")
# the second line's words as a page reading gave them: the tones over ể, ổ, ố left out, each
# box from the top of the circumflex (y 92) down
READ = (("công", (33, 92, 124, 132)), ("tác", (152, 92, 219, 123)),
        ("chuyên", (249, 92, 388, 132)), ("đôi", (416, 92, 484, 123)),
        ("sô", (513, 92, 556, 123)))


def _page() -> np.ndarray:
    image = Image.new("L", (1400, 200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    draw.text((30, 10), "Về việc kiện toàn Ban Chỉ đạo", fill=0, font=font)
    draw.text((30, 80), "công tác chuyển đổi số", fill=0, font=font)
    return np.asarray(image)


def _value(read: Sequence[tuple[str, tuple[int, int, int, int]]]) -> FieldValue:
    words = tuple(Word(text, box, 96.0, (1, 1, 2)) for text, box in read)
    return FieldValue(" ".join(w.text for w in words), 0.96, None, words)


def test_bare_words_and_a_tone_stacked_on_their_circumflex() -> None:
    assert bare("đâu") and bare("SÔ") and bare("công,")
    assert not bare("đầu") and not bare("tác") and not bare("hộ")
    assert restacked("đâu", "đầu") and restacked("chuyên", "chuyển,") and restacked("sô", "số")
    assert not restacked("đâu", "đậu")  # nặng stands under the letter, not over it
    assert not restacked("đâu", "đầy") and not restacked("tân", "tấn tới")
    assert restacked("đôi", "đối") and restacked("CÂU", "CẦU")


def test_marks_the_page_reading_left_out_are_read_again_and_taken() -> None:
    """Tesseract reads the line cut with room above: "chuyển đổi số", each a syllable."""
    page = _page()
    lines = Rereader(ENGINE, lambda: page, DPI)
    got = restack(_value(READ), lines)
    assert got.value == "công tác chuyển đổi số" and not got.suggested
    lifted = [w.box[1] for w in got.words]  # boxed up to the tones, for later readings
    assert lifted[:2] == [92, 92] and all(top < 92 for top in lifted[2:])


def test_a_bare_word_the_page_shows_no_mark_over_is_not_read_again() -> None:
    page = _page()
    lines = Rereader(ENGINE, lambda: page, DPI)
    value = _value(READ[:2])
    assert restack(value, lines) == value and lines.lines_read == 0
    assert restack(_value(READ), None) == _value(READ)


class _Blank:
    """An engine that reads nothing on any line: no reading spells the tone."""

    def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        return [OcrResult((), "vie") for _ in images]

    read_lines_second = read_lines


def test_a_mark_no_reading_spells_makes_the_value_a_suggestion() -> None:
    page = _page()
    value = _value(READ)
    got = restack(value, Rereader(_Blank(), lambda: page, DPI))  # type: ignore[arg-type]
    assert got.value == value.value and got.why == MARK_LOST


@pytest.mark.parametrize(("spots", "found"), [
    ([(10, 14, 12, 20)], 10),  # one mark sitting on the word: found where it begins
    ([(0, 8, 12, 20)], None),  # the line above's descender crosses the band's top edge
    ([(2, 6, 12, 20)], None),  # a dot under the line above, far over the word
    ([(10, 14, 12, 20), (10, 14, 30, 38)], None),  # letters of the line above, not one mark
    ([(16, 26, 12, 20)], None),  # the word's own letter, reaching into its box
])
def test_a_mark_over_a_word_is_one_blot_on_it_clear_of_the_line_above(
    spots: list[tuple[int, int, int, int]], found: int | None,
) -> None:
    """A page whose word is boxed from row 20 on a line 50 pixels tall: the band over it is
    rows 0-19; a mark is one blot clear of the band's edges, its foot within 7.5 pixels of
    the word (MARK_GAP), at least 25 pixels of ink."""
    page = np.full((60, 60), 235, np.uint8)
    for top, bottom, left, right in spots:
        page[top:bottom, left:right] = 20
    page[20:45, 5:50] = 20  # the word
    assert Rereader(ENGINE, lambda: page, DPI).mark_over((5, 20, 50, 45), 50) == found
