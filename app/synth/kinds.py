"""Harder page kinds for the benches: sparse last pages with a seal, landscape tables, copies."""

from __future__ import annotations

import math
import unicodedata

import cv2
import numpy as np
from PIL import Image, ImageDraw

from app.synth import letterhead, prose, vocab
from app.synth.document import RenderedPage, make_fields
from app.synth.paper import ink_sheet, paper
from app.synth.typeset import Sheet

_SEAL_BODIES = ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY")


def _inks(rng: np.random.Generator) -> dict[str, tuple[int, int, int]]:
    k = int(rng.integers(12, 45))
    return {"black": (k, k, k + int(rng.integers(0, 8))),
            "red": (int(rng.integers(170, 215)), int(rng.integers(20, 50)), 40),
            "blue": (30, 45, int(rng.integers(120, 170)))}


def seal(sheet: Sheet, cx: float, cy: float, rng: np.random.Generator, district: str) -> None:
    """A round red seal: two rings, the body's name around them and a star (ink, not text)."""
    r = sheet.px(rng.uniform(16, 20))
    width = max(2, round(sheet.px(0.6)))
    draw = sheet.draw("red")
    for radius in (r, r * 0.68):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=255,
                     width=width)
    star = [(cx + r * 0.3 * (1 if k % 2 == 0 else 0.4) * math.sin(k * math.pi / 5),
             cy - r * 0.3 * (1 if k % 2 == 0 else 0.4) * math.cos(k * math.pi / 5))
            for k in range(10)]
    draw.polygon(star, fill=255)
    ring = f"{prose.pick(rng, _SEAL_BODIES)} {district} ★ "
    f = sheet.font("bold", 9)
    layer = sheet.layers["red"]
    for k, ch in enumerate(ring):
        angle = -math.pi * 0.9 + 2 * math.pi * 0.9 * k / len(ring)
        tile = Image.new("L", (int(f.size * 1.6), int(f.size * 1.6)), 0)
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=f, fill=255,
                                  anchor="mm")
        turned = tile.rotate(-math.degrees(angle), resample=Image.Resampling.BILINEAR)
        px = cx + r * 0.84 * math.sin(angle) - tile.width / 2
        py = cy - r * 0.84 * math.cos(angle) - tile.height / 2
        layer.paste(255, (round(px), round(py)), turned)


def sparse_last_page(rng: np.random.Generator, *, dpi: int = 300, family: str,
                     variant: int = 0, paper_rgb: tuple[int, int, int] = (255, 255, 255),
                     paper_mm: tuple[float, float] = (210, 297)) -> RenderedPage:
    """A document's last page: a page number, 0-6 lines of body, "Nơi nhận", signature, seal.

    Most of the page is empty; the red seal lies over the signature and the signer's titles.
    """
    width, height = round(paper_mm[0] / 25.4 * dpi), round(paper_mm[1] / 25.4 * dpi)
    sheet = Sheet(width, height, dpi, family)
    style = letterhead.Style.pick(sheet, rng, variant)
    fields = make_fields(rng)
    letterhead.page_number(sheet, int(rng.integers(2, 6)), style)
    ctx = prose.Context(fields.issued.year, prose.pick(rng, vocab.TOPICS), "quận")
    limit = style.top + style.line(sheet) * int(rng.integers(0, 7))
    y = letterhead.flow(sheet, prose.stream(rng, ctx, fields.type_name), style, style.top,
                        limit, whole=False) if limit > style.top else style.top
    cx, sig_y = letterhead.closing(sheet, fields.issuer, fields.number, style, rng, y)
    district = fields.place.upper()
    seal(sheet, cx - sheet.px(rng.uniform(8, 16)), sig_y - sheet.px(rng.uniform(14, 20)), rng,
         district)
    img = paper(height, width, paper_rgb, rng)
    ink_sheet(sheet, img, _inks(rng))
    return RenderedPage(img, unicodedata.normalize("NFC", "\n".join(sheet.lines)), None, dpi)


_COLUMNS = ("STT", "Đơn vị", "Nội dung thực hiện", "Số hồ sơ", "Số trang", "Ghi chú")


def table_page(rng: np.random.Generator, *, dpi: int = 300, family: str,
               paper_rgb: tuple[int, int, int] = (255, 255, 255)) -> RenderedPage:
    """A landscape A4 page: a centred title and a ruled table, read row by row."""
    width, height = round(297 / 25.4 * dpi), round(210 / 25.4 * dpi)
    sheet = Sheet(width, height, dpi, family)
    pt = float(rng.choice([11.0, 12.0, 13.0]))
    left, right = sheet.px(rng.uniform(15, 25)), width - sheet.px(rng.uniform(15, 25))
    y = sheet.px(rng.uniform(15, 25)) + sheet.px(8)
    year = int(rng.integers(2015, 2026))
    title = f"BẢNG TỔNG HỢP KẾT QUẢ {prose.pick(rng, vocab.TOPICS).upper()} NĂM {year}"
    for line in sheet.wrap(title, "bold", pt + 1, right - left):
        sheet.put_centred((left + right) / 2, y, line, "bold", pt + 1)
        y += sheet.px(7)
    shares = np.array([0.06, 0.22, 0.4, 0.1, 0.1, 0.12])
    xs = left + np.concatenate(([0.0], np.cumsum(shares))) * (right - left)
    row_h = pt * dpi / 72 * 2.0
    top = y
    rows = [list(_COLUMNS)]
    for k in range(int(rng.integers(5, 12))):
        unit = f"Ủy ban MTTQ {prose.pick(rng, vocab.LOCALITIES[k % len(vocab.LOCALITIES)].wards)}"
        rows.append([str(k + 1), unit, prose.pick(rng, vocab.VERBS).capitalize(),
                     str(int(rng.integers(10, 900))), str(int(rng.integers(100, 9000))),
                     "" if rng.random() < 0.7 else "Đạt"])
    for r, row in enumerate(rows):
        face = "bold" if r == 0 else "regular"
        base = top + row_h * (r + 0.68)
        for c, cell in enumerate(row):
            text = sheet.wrap(cell, face, pt, xs[c + 1] - xs[c] - sheet.px(2))[:1] if cell else []
            for line in text:
                sheet.put(xs[c] + sheet.px(1), base, line, face, pt)
    thick = sheet.px(0.3)
    for r in range(len(rows) + 1):
        sheet.rule(xs[0], xs[-1], top + row_h * r, thick)
    draw = sheet.draw()
    bottom = top + row_h * len(rows)
    for x in xs:
        draw.rectangle((x, top, x + max(1.0, thick) - 1, bottom), fill=255)
    img = paper(height, width, paper_rgb, rng)
    ink_sheet(sheet, img, _inks(rng))
    return RenderedPage(img, unicodedata.normalize("NFC", "\n".join(sheet.lines)), None, dpi)


def photocopy(page: RenderedPage, rng: np.random.Generator) -> RenderedPage:
    """The page as a photocopier gives it: grey, harder contrast, toner specks, a drum streak."""
    grey = cv2.cvtColor(page.image, cv2.COLOR_RGB2GRAY).astype(np.float32)
    paper_level = float(rng.uniform(225, 250))
    out = np.clip((grey - 60) / (255 - 60), 0, 1) ** float(rng.uniform(1.2, 1.8)) * paper_level
    h, w = out.shape
    n = int(rng.integers(200, 1500))
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    out[ys, xs] = rng.uniform(40, 140, n)
    if rng.random() < 0.5:
        x = int(rng.integers(w // 10, w - w // 10))
        out[:, x:x + int(rng.integers(1, 4))] *= float(rng.uniform(0.8, 0.92))
    rgb = cv2.cvtColor(np.clip(out, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2RGB)
    return RenderedPage(rgb, page.text, page.fields, page.dpi)
