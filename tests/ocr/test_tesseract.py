"""Tesseract engine: real OCR of a rendered Vietnamese page, words with boxes, typed errors."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.errors import DependencyError, UsageError
from app.ocr.factory import make_engine
from app.ocr.null import NullEngine
from app.ocr.tesseract import TesseractEngine, check_languages, debian_package

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
