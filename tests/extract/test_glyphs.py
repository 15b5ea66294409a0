"""A capital in mid-sentence told by the page's own glyphs (app.extract.glyphs)."""

# Lines rendered in code in fixed-pitch faces the bench's figures do not use (Nimbus Mono PS,
# DejaVu Sans Mono, Noto Mono, JetBrains Mono Medium, League Mono Narrow), each word boxed by its
# ink as a page reading boxes it, and read as given: a small l the reading took for L is told
# small by the l's of the same page; an L printed there stays.

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.glyphs import Glyphs, mid_sentence, recased
from app.extract.model import GLYPH_CASE, FieldValue
from app.ocr.base import Word

FACES = (
    "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",  # fonts-urw-base35
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",  # fonts-dejavu-core
    "/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf",  # fonts-noto-mono
    "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Medium.ttf",  # fonts-jetbrains-mono
    "/usr/share/fonts/opentype/league-mono/LeagueMono-NarrowRegular.otf",  # fonts-league-mono
)
SIZE = 36  # pixels: about 12 pt at 220 dpi
# the page's lines as printed; the reading below reads some words otherwise
PRINTED = (
    "Về việc lập hồ sơ điện tử và nộp lưu vào Lưu trữ cơ quan",
    "tài liệu lưu trữ lý lịch lớp lúc lên",
    "Thực hiện lấy ý kiến nhân dân về dự thảo",
)


def _page(face: str, lines: Sequence[str] = PRINTED) -> tuple[np.ndarray, list[Word]]:
    """The lines set in `face` on a white page, and their words boxed by their ink (the page
    reading's boxes), read sure, each line an OCR line of its own."""
    font = ImageFont.truetype(face, SIZE)
    image = Image.new("L", (2000, 90 * len(lines) + 60), 255)
    draw = ImageDraw.Draw(image)
    advance = font.getlength("n")
    words: list[Word] = []
    for row, text in enumerate(lines):
        y = 40 + 90 * row
        draw.text((40, y), text, fill=0, font=font)
        pixels = np.asarray(image)
        at = 0
        for word in text.split(" "):
            x0 = 40 + round(at * advance)
            x1 = 40 + round((at + len(word)) * advance)
            ink = pixels[y - 20:y + 70, x0:x1] < 128
            ys, xs = np.nonzero(ink)
            box = (x0 + int(xs.min()), y - 20 + int(ys.min()), x0 + int(xs.max()) + 1,
                   y - 20 + int(ys.max()) + 1)
            words.append(Word(word, box, 96.0, (1, 1, row)))
            at += len(word) + 1
    return np.asarray(image), words


def _read_as(words: list[Word], row: int, printed: str, read: str, nth: int = 0) -> Word:
    """The `nth` word of line `row` printed `printed`, as the reading read it (`read`)."""
    found = [i for i, w in enumerate(words) if w.line[2] == row and w.text == printed][nth]
    words[found] = Word(read, words[found].box, 96.0, words[found].line)
    return words[found]


@pytest.mark.parametrize("face", FACES)
def test_a_small_l_read_capital_is_told_small_and_a_printed_capital_is_not(face: str) -> None:
    image, words = _page(face)
    misread = _read_as(words, 0, "lưu", "Lưu")  # "nộp lưu vào": the l read L
    printed = next(w for w in words if w.text == "Lưu" and w is not misread)  # "vào Lưu trữ"
    glyphs = Glyphs(lambda: image, words)
    assert glyphs.small(misread) is True
    # Courier's L and l both stand on a foot: 0.43 alike, neither told (the sans faces: ~0)
    assert glyphs.small(printed) is (None if "Nimbus" in face else False)


@pytest.mark.parametrize("face", FACES[:2])
def test_too_few_small_letters_on_the_page_tell_nothing(face: str) -> None:
    image, words = _page(face, ("việc lập hồ sơ và nộp lưu vào Lưu trữ", "tài liệu kiến dân"))
    misread = _read_as(words, 0, "lưu", "Lưu")
    assert Glyphs(lambda: image, words).small(misread) is None  # two l's read: lập, liệu


def test_nothing_is_told_without_the_page_image_or_for_a_capital_of_the_same_shape() -> None:
    image, words = _page(FACES[2], (*PRINTED, "ban hành Chương trình công tác cao",
                                    "phòng phê phát phân số, Phòng xây dựng"))
    assert Glyphs(lambda: None, words).small(_read_as(words, 0, "lưu", "Lưu")) is None
    for alike in ("Chương", "Phòng"):  # c and C, p and P: one shape at one height (Noto
        # Mono's printed "Phòng" matches its p's as closely as they match one another)
        assert Glyphs(lambda: image, words).small(next(w for w in words if w.text == alike)) \
            is None


def test_a_filled_value_is_written_small_and_offered_a_printed_capital_kept() -> None:
    image, words = _page(FACES[0])
    misread = _read_as(words, 0, "lưu", "Lưu")
    line = [w for w in words if w.line[2] == 0]
    value = FieldValue(" ".join(w.text for w in line), 0.96, None, tuple(line))
    assert value.value == "Về việc lập hồ sơ điện tử và nộp Lưu vào Lưu trữ cơ quan"
    assert mid_sentence(line, line.index(misread))
    got = recased(value, Glyphs(lambda: image, words))
    assert got.value == "Về việc lập hồ sơ điện tử và nộp lưu vào Lưu trữ cơ quan"
    assert got.why == GLYPH_CASE and got.suggested
    right = FieldValue(" ".join(PRINTED[0].split()), 0.96, None,
                       tuple(w for w in _page(FACES[0])[1] if w.line[2] == 0))
    assert recased(right, Glyphs(lambda: image, words)) == right  # nothing to write small
    assert recased(value, None) == value
