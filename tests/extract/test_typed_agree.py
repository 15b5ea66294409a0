"""A typewritten trích yếu read twice more from thickened strokes."""

# The trích yếu of a page typed in a fixed-pitch face, read twice more from thickened strokes
# (real Tesseract on a generated typewritten line, or readings laid by hand): a word both new
# readings spell otherwise makes the value a suggestion, even where the lexicon bears the
# misreading out, unless only their spelling forms a compound of the lexicon: then it is taken;
# where only the first spelling forms one, it is kept when nothing else in the value is doubted.

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.agree import agree
from app.extract.glyphs import Glyphs
from app.extract.layout import Segment
from app.extract.model import DISAGREE, FieldValue
from app.extract.reread import Rereader
from app.ocr.base import Box, Word
from app.ocr.tesseract import TesseractEngine

FONT = "/usr/share/fonts/truetype/freefont/FreeMono.ttf"
DPI = 300
ENGINE = TesseractEngine(lang="vie")


def _line(text: str) -> np.ndarray:
    image = Image.new("L", (1500, 100), 255)
    ImageDraw.Draw(image).text((30, 22), text, fill=0, font=ImageFont.truetype(FONT, 46))
    return np.asarray(image)


def _value(words: tuple[Word, ...]) -> FieldValue:
    return FieldValue(" ".join(w.text for w in words), 0.9, None, words)


@pytest.fixture(scope="module")
def typed() -> tuple[np.ndarray, tuple[Word, ...]]:
    """A typewritten line every pair of whose words is a compound, and its first reading."""
    image = _line("xây dựng đô thị văn minh")
    words = ENGINE.read_lines([image], DPI)[0].words
    assert [w.text for w in words] == ["xây", "dựng", "đô", "thị", "văn", "minh"]
    return image, words


def test_a_typed_value_read_alike_stays_filled_in(
    typed: tuple[np.ndarray, tuple[Word, ...]],
) -> None:
    image, words = typed
    lines = Rereader(ENGINE, lambda: image, DPI)
    assert not agree(_value(words), lines, typed=True).suggested
    assert lines.lines_read == 1  # the line thickened at ×2, read alike: not read at ×1.5


def test_a_misreading_the_lexicon_bears_out_is_caught_on_a_typed_page(
    typed: tuple[np.ndarray, tuple[Word, ...]],
) -> None:
    """"đồ thị" (a graph) for "đô thị" (a town) forms compounds on every side: the ×2 reading
    is never asked for, and in a book face the value stays filled in; typed, both thickened
    readings spell the word as printed, so the value is only offered."""
    image, words = typed
    misread = tuple(replace(w, text="đồ", conf=95.0) if w.text == "đô" else w for w in words)
    book = Rereader(ENGINE, lambda: image, DPI)
    assert not agree(_value(misread), book).suggested
    assert book.lines_read == 0
    got = agree(_value(misread), Rereader(ENGINE, lambda: image, DPI), typed=True)
    assert got.value == "xây dựng đồ thị văn minh" and got.why == DISAGREE


def test_a_lost_page_image_leaves_a_typed_value_as_read(
    typed: tuple[np.ndarray, tuple[Word, ...]],
) -> None:
    _, words = typed
    misread = tuple(replace(w, text="đồ", conf=95.0) if w.text == "đô" else w for w in words)

    def gone() -> np.ndarray:
        raise OSError("the saved page is gone")

    assert not agree(_value(misread), Rereader(ENGINE, gone, DPI), typed=True).suggested


@pytest.mark.parametrize(("text", "small"), [
    ("và nộp lưu vào Lưu trữ cơ quan", "lưu"),
    ("việc lập hồ sơ điện tử", "lập"),
    ("quy chế làm việc", "làm"),
])
def test_a_capital_in_mid_sentence_both_thickened_readings_read_small_is_doubted(
    text: str, small: str,
) -> None:
    """A small l read L ("nộp Lưu vào") is a syllable, compounds alike and is read sure:
    only the case tells it, and both thickened readings read it small; the capital that is
    printed ("vào Lưu trữ") they read as a capital."""
    image = _line(text)
    words = ENGINE.read_lines([image], DPI)[0].words
    assert " ".join(w.text for w in words) == text
    misread = tuple(replace(w, text=w.text.capitalize()) if w.text == small else w
                    for w in words)
    got = agree(_value(misread), Rereader(ENGINE, lambda: image, DPI), typed=True)
    assert got.value == text.replace(small, small.capitalize(), 1) and got.why == DISAGREE
    assert not agree(_value(words), Rereader(ENGINE, lambda: image, DPI), typed=True).suggested


def test_a_misreading_both_new_readings_put_right_is_taken_where_only_theirs_is_a_compound(
    typed: tuple[np.ndarray, tuple[Word, ...]],
) -> None:
    """"văn mình" read sure (over the ×2 reading's score, so that one raises no doubt): both
    thickened readings spell "minh", and only "văn minh" is a compound of the lexicon."""
    image, words = typed
    misread = tuple(replace(w, text="mình", conf=99.0) if w.text == "minh" else w for w in words)
    got = agree(_value(misread), Rereader(ENGINE, lambda: image, DPI), typed=True)
    assert got.value == "xây dựng đô thị văn minh" and not got.suggested
    assert [w.text for w in got.words] == got.value.split()


class _Laid(Rereader):
    """Every line read again as the words `text` laid over the line's box, one a column."""

    def __init__(self, text: str) -> None:
        super().__init__(ENGINE, lambda: np.zeros((1, 1), np.uint8), DPI)
        self.text = text

    def read_many(self, boxes: list[Box], scale: float, thick: bool = False,
                  second: bool = False) -> list[Segment | None] | None:
        self.lines_read += len(boxes)
        return [Segment(_words(self.text, box[1])) for box in boxes]


def _words(text: str, top: int, conf: float = 90.0) -> tuple[Word, ...]:
    return tuple(Word(t, (100 + 200 * i, top, 250 + 200 * i, top + 40), conf, line=(0, 0, 1))
                 for i, t in enumerate(text.split()))


@pytest.mark.parametrize(("read", "first", "got", "why"), [
    # only their spelling forms a compound: taken, in the first reading's case
    ("kết luận của Thường trực", "Két luận của Thường trực", "Kết luận của Thường trực", ""),
    # only the first does, and nothing else is doubted: the first spelling kept
    ("công tác phản biện xã hột", "công tác phản biện xã hội", "công tác phản biện xã hội", ""),
    # only the first does, but a word is read in another case too: offered
    ("ban hành Quy chế tàm việc", "ban hành quy chế làm việc", "ban hành quy chế làm việc",
     DISAGREE),
    # only the first does, but another word is respelled, both spellings compounds: offered
    ("kiểm tra đồ thị xã hột", "kiểm tra đô thị xã hội", "kiểm tra đô thị xã hội", DISAGREE),
    # only the first does, but a capital in mid-sentence is read small: offered
    ("việc lập hồ sơ xã hột", "việc Lập hồ sơ xã hội", "việc Lập hồ sơ xã hội", DISAGREE),
    # both do: offered
    ("kiểm tra đồ thị", "kiểm tra đô thị", "kiểm tra đô thị", DISAGREE),
    # a capital in mid-sentence both read small: offered, though its compounds are alike
    ("nộp lưu vào", "nộp Lưu vào", "nộp Lưu vào", DISAGREE),
])
def test_a_typed_respelling_is_weighed_with_the_lexicon(read: str, first: str, got: str,
                                                         why: str) -> None:
    lines = _Laid(read)
    value = agree(_value(_words(first, 500, conf=96.0)), lines, typed=True)
    assert (value.value, value.why) == (got, why)
    assert [w.text for w in value.words] == got.split()
    assert lines.lines_read >= 2  # both thickened readings were made


@dataclass
class _Told(Glyphs):
    """The page's glyphs as laid: the words in `small` open with a small letter read capital."""

    small_ones: frozenset[str] = frozenset()

    def small(self, word: Word) -> bool | None:
        return True if word.text in self.small_ones else None


@pytest.mark.parametrize(("read", "first", "small", "got", "why"), [
    # both read it small and the glyphs say so: taken small
    ("nộp lưu vào", "nộp Lưu vào", {"Lưu"}, "nộp lưu vào", ""),
    ("việc lập hồ sơ xã hột", "việc Lập hồ sơ xã hội", {"Lập"}, "việc lập hồ sơ xã hội", ""),
    # the glyphs tell nothing: offered, as without them
    ("nộp lưu vào", "nộp Lưu vào", set(), "nộp Lưu vào", DISAGREE),
    # another word read in another case ("quy" read "Quy"): offered as read
    ("ban hành Quy chế làm việc", "ban hành quy chế Làm việc", {"Làm"},
     "ban hành quy chế Làm việc", DISAGREE),
])
def test_a_capital_both_read_small_is_taken_small_when_the_page_glyphs_say_so(
        read: str, first: str, small: set[str], got: str, why: str) -> None:
    glyphs = _Told(lambda: None, (), small_ones=frozenset(small))
    value = agree(_value(_words(first, 500, conf=96.0)), _Laid(read), typed=True, glyphs=glyphs)
    assert (value.value, value.why) == (got, why)
