"""Tesseract engine: real OCR of a rendered Vietnamese page, words with boxes, typed errors."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.errors import DependencyError, UsageError
from app.ocr import tesseract
from app.ocr.factory import make_engine
from app.ocr.null import NullEngine
from app.ocr.tesseract import (
    SECOND_MODEL,
    TesseractEngine,
    check_languages,
    debian_package,
    installed_languages,
)

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
LINES = ["Độc lập - Tự do - Hạnh phúc", "Ủy ban Mặt trận Tổ quốc Việt Nam"]


def _page(dpi: int = 300) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """A white page with two lines at known places; returns the line boxes too."""
    scale = dpi / 300
    image = Image.new("RGB", (int(1700 * scale), int(600 * scale)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(56 * scale))
    boxes = []
    for i, line in enumerate(LINES):
        xy = (int(150 * scale), int((150 + 200 * i) * scale))
        draw.text(xy, line, font=font, fill="black")
        left, top, right, bottom = draw.textbbox(xy, line, font=font)
        boxes.append((int(left), int(top), int(right), int(bottom)))
    return np.asarray(image), boxes


def test_reads_vietnamese_with_boxes_and_confidence() -> None:
    image, line_boxes = _page()
    result = TesseractEngine(lang="vie").recognize(image, 300)
    assert result.text.splitlines() == LINES
    assert result.mean_conf is not None and result.mean_conf > 80
    first_line = [w for w in result.words if w.line == result.words[0].line]
    x0 = min(w.box[0] for w in first_line)
    x1 = max(w.box[2] for w in first_line)
    y0 = min(w.box[1] for w in first_line)
    expected = line_boxes[0]
    assert abs(x0 - expected[0]) <= 8 and abs(x1 - expected[2]) <= 8
    assert abs(y0 - expected[1]) <= 12
    assert all(w.text == unicodedata.normalize("NFC", w.text) for w in result.words)


def test_grey_input_reads_the_same() -> None:
    image, _ = _page()
    grey = image[:, :, 0].copy()
    assert TesseractEngine(lang="vie").recognize(grey, 300).text.splitlines() == LINES


def test_blank_page_gives_no_words() -> None:
    blank = np.full((800, 600, 3), 250, np.uint8)
    result = TesseractEngine(lang="vie").recognize(blank, 300)
    assert result.words == () and result.mean_conf is None and result.text == ""


def test_missing_language_names_the_package() -> None:
    with pytest.raises(DependencyError) as caught:
        check_languages("vie+xyz")
    assert "xyz" in str(caught.value)
    assert "apt-get install tesseract-ocr-xyz" in str(caught.value)
    assert debian_package("chi_sim") == "tesseract-ocr-chi-sim"


def test_the_second_model_is_listed_and_reads_a_line_re_ranked() -> None:
    """The script model's name has a capital (pytesseract's own list drops it); it reads a line
    with its alternatives, and the lexicon re-ranks its words as it does vie's."""
    assert SECOND_MODEL in installed_languages()
    image = np.asarray(_page()[0])[120:260, 100:1600]
    read = TesseractEngine(lang="vie").read_lines_second([image], 300)
    assert [r.lang for r in read] == [SECOND_MODEL]
    assert " ".join(w.text for w in read[0].words) == LINES[0]


def test_a_missing_second_model_names_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Debian's tesseract-ocr-script-viet the engine's check and the second model's
    reading fail with a typed error that says what to install."""
    monkeypatch.setattr(tesseract, "installed_languages", lambda: frozenset({"vie", "eng"}))
    assert debian_package(SECOND_MODEL) == "tesseract-ocr-script-viet"
    for attempt in (TesseractEngine(lang="vie").check,
                    lambda: TesseractEngine(lang="vie").read_lines_second([], 300)):
        with pytest.raises(DependencyError) as caught:
            attempt()
        assert "apt-get install tesseract-ocr-script-viet" in str(caught.value)
    TesseractEngine(lang="eng").check()  # not asked for when vie is not read


def test_empty_language_is_refused() -> None:
    with pytest.raises(DependencyError):
        check_languages("")


def test_factory_picks_engines_by_name() -> None:
    assert make_engine("tesseract", "vie+eng") == TesseractEngine(lang="vie+eng")
    null = make_engine("none")
    assert isinstance(null, NullEngine)
    assert null.recognize(np.zeros((10, 10), np.uint8), 300).words == ()
    with pytest.raises(UsageError):
        make_engine("abbyy")


def test_a_word_is_read_with_only_the_characters_allowed() -> None:
    """A year cut alone is read as one word (mode 8) with only digits allowed: its letters-like
    glyphs cannot come out as letters; the null engine reads nothing."""
    image = Image.new("RGB", (420, 140), "white")
    ImageDraw.Draw(image).text((40, 30), "2017", font=ImageFont.truetype(FONT, 72), fill="black")
    read = TesseractEngine(lang="vie").read_word(np.asarray(image), 300, "0123456789")
    assert [w.text for w in read.words] == ["2017"] and read.words[0].box[0] >= 30
    numeral = TesseractEngine(lang="vie").read_word(np.asarray(image), 300, "IVX")
    assert all(set(w.text) <= set("IVX") for w in numeral.words)
    assert NullEngine().read_word(np.asarray(image), 300, "0123456789").words == ()
