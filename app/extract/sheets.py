"""Printable separator sheets: A4, a large QR code and large human-readable text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from app.extract.patch import render_patch_t
from app.extract.separator import Separator, payload
from app.fonts import liberation

A4_MM = (210.0, 297.0)
QR_MM = 80.0


def _font(px: int, bold: bool = True) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    try:
        return ImageFont.truetype(str(liberation(name)), px)
    except OSError:
        return ImageFont.load_default(px)


def render_sheet(separator: Separator, dpi: int = 200, *, patch_t: bool = False) -> Image.Image:
    """One separator sheet as a grey A4 image at `dpi`."""
    px = dpi / 25.4
    width, height = round(A4_MM[0] * px), round(A4_MM[1] * px)
    if patch_t:
        sheet = Image.fromarray(render_patch_t(width, height, dpi, x_mm=15.0, y_mm=190.0))
    else:
        sheet = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(sheet)
    lines = (
        ("TỜ PHÂN CÁCH", 16.0, True),
        ("Hồ sơ", 8.0, False),
        (separator.filecode, 11.0, True),
        (f"Văn bản số {separator.number:07d}", 11.0, True),
    )
    y = 30 * px
    for text, size_mm, bold in lines:
        draw.text((width / 2, y), text, fill=0, font=_font(round(size_mm * px), bold), anchor="mt")
        y += size_mm * px * 1.5
    code = zxingcpp.create_barcode(payload(separator), zxingcpp.BarcodeFormat.QRCode,
                                   ec_level="Q")
    qr = Image.fromarray(np.asarray(code.to_image(scale=1, add_quiet_zones=True)))
    side = round(QR_MM * px)
    qr = qr.resize((side, side), Image.Resampling.NEAREST)
    sheet.paste(qr, ((width - side) // 2, round(y + 10 * px)))
    note = "Đặt tờ này trước văn bản; trạm số hóa tự bắt đầu văn bản mới và không lưu tờ này."
    draw.text((width / 2, height - 25 * px), note, fill=0, font=_font(round(4 * px), False),
              anchor="mb")
    return sheet


def write_sheets(filecode: str, start: int, count: int, out: Path, *, dpi: int = 200,
                 patch_t: bool = False) -> list[Separator]:
    """Write `count` sheets for documents `start`, `start + 1`, … of a hồ sơ as one PDF."""
    separators = [Separator(filecode, start + k) for k in range(count)]
    pages: Sequence[Image.Image] = [render_sheet(s, dpi, patch_t=patch_t) for s in separators]
    pages[0].save(out, "PDF", save_all=True, append_images=list(pages[1:]), resolution=dpi)
    return separators
