"""Pages of Vietnamese text drawn in code with their exact word boxes (PDF tests, timing bench)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from app.ocr.base import Word

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
CREAM = (250, 246, 235)
LINES = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Ủy ban Mặt trận Tổ quốc Việt Nam quận thông báo",
    "về việc tổ chức hội nghị lấy ý kiến nhân dân năm 2025",
)


def render_text_page(
    size_px: tuple[int, int], dpi: float, lines: tuple[str, ...], *, scan_like: bool = True
) -> tuple[np.ndarray, tuple[Word, ...]]:
    """Black 13 pt serif text on cream paper; returns the RGB image and its exact word boxes."""
    width, height = size_px
    image = Image.new("RGB", (width, height), CREAM)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, round(13 * dpi / 72))
    space = draw.textlength(" ", font=font)
    line_step = round(13 * 1.5 * dpi / 72)
    margin = round(0.8 * dpi)
    words: list[Word] = []
    y = margin
    for number, text in enumerate(lines):
        x = float(margin)
        for token in text.split():
            draw.text((x, y), token, fill=(0, 0, 0), font=font)
            x0, y0, x1, y1 = draw.textbbox((x, y), token, font=font)
            words.append(Word(token, (int(x0), int(y0), int(x1), int(y1)), 95.0, (1, 1, number)))
            x += draw.textlength(token, font=font) + space
        y += line_step
    if scan_like:
        image = image.filter(ImageFilter.GaussianBlur(0.7))
        pixels = np.asarray(image).astype(np.int16)
        noise = np.random.default_rng(7).normal(0, 1.0, pixels.shape)
        return np.clip(pixels + noise, 0, 255).astype(np.uint8), tuple(words)
    return np.asarray(image), tuple(words)
