"""Fields from real OCR: a synthetic first page, and bad input that must give empty fields."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.read import PageFields, read_fields
from app.ocr.base import OcrResult
from app.ocr.tesseract import TesseractEngine
from app.synth.document import RenderedPage

DPI = 200
W, H = 1654, 2339
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def _read(image: np.ndarray, dpi: int = DPI) -> PageFields:
    ocr = TesseractEngine(lang="vie").recognize(image, dpi)
    return read_fields(ocr, (image.shape[1], image.shape[0]))


def test_synthetic_first_page(first_page: tuple[RenderedPage, OcrResult]) -> None:
    rendered, ocr = first_page  # read once for the package (conftest)
    truth = rendered.fields
    assert truth is not None
    f = read_fields(ocr, (rendered.image.shape[1], rendered.image.shape[0]))
    assert f.number.value == truth.number
    assert f.issued.value == truth.issued.strftime("%d/%m/%Y")
    assert f.doc_type.value == truth.type_code


def _blank() -> np.ndarray:
    return np.full((H, W), 250, np.uint8)


def _photo() -> np.ndarray:
    rng = np.random.default_rng(1)
    noise = rng.integers(0, 256, (H // 8, W // 8), dtype=np.uint8)
    return cv2.GaussianBlur(cv2.resize(noise, (W, H)), (0, 0), 3)


def _table() -> np.ndarray:
    img = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 36)
    for r in range(12):
        for c in range(5):
            x, y = 150 + c * 270, 300 + r * 110
            draw.rectangle((x, y, x + 270, y + 110), outline=0, width=3)
            draw.text((x + 20, y + 35), f"{r * 7 + c}/{c + 1}", fill=0, font=font)
    return np.asarray(img)


def _english() -> np.ndarray:
    img = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    text = ("MINUTES OF THE BOARD MEETING", "No. 12/2020 held on 05/01/2020 in London",
            "The board approved the annual report and the budget for the coming year.")
    for k, line in enumerate(text):
        draw.text((200, 250 + k * 90), line, fill=0, font=font)
    return np.asarray(img)


def _handwriting() -> np.ndarray:
    img = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(img)
    rng = np.random.default_rng(5)
    for row in range(14):
        t = np.linspace(0, 1, 200)
        xs = 200 + 1200 * t
        ys = 300 + row * 120 + 25 * np.sin(t * rng.uniform(40, 70)) * rng.uniform(0.5, 1.0)
        draw.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=20, width=4)
    return np.asarray(img)


@pytest.mark.parametrize("make", [_blank, _photo, _table, _english, _handwriting])
def test_bad_input_gives_empty_fields(make: Callable[[], np.ndarray]) -> None:
    f = _read(make())
    for name in ("number", "issued", "doc_type", "subject", "issuer", "secrecy", "urgency"):
        value = getattr(f, name)
        assert value.empty and value.confidence == 0.0, (name, value.value)
