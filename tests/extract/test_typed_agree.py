"""The trích yếu of a page typed in a fixed-pitch face, read twice more from thickened strokes
(real Tesseract on a generated typewritten line): a word both new readings spell otherwise
makes the value a suggestion, even where the lexicon bears the misreading out."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.model import DISAGREE, FieldValue
from app.extract.reread import Rereader, agree
from app.ocr.base import Word
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
