"""Typesetting of a page (Nghị định 30/2020, Phụ lục I): header, title, body flow, closing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from app.synth.issuers import is_party, person, signer_titles
from app.synth.prose import Block, pick
from app.synth.typeset import Sheet

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Style:
    """Typographic choices of one page, in points and pixels."""

    body_pt: float  # 13-14 pt
    head_pt: float  # 12-13 pt
    leading: float  # line height / font size
    left: float  # text area, px
    top: float
    right: float
    bottom: float

    @classmethod
    def pick(cls, sheet: Sheet, rng: np.random.Generator, variant: int = 0) -> Style:
        """ND30 margins (top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm) and sizes.

        Variant 1 (the held-out bench set) sets pages as offices really do, off the decree:
        12-13 pt, tight or loose leading (1.0-1.6), left margin 20-30 mm, right 10-25 mm.
        """
        if variant == 1:
            return cls(
                body_pt=float(rng.choice([12.0, 12.5, 13.0])),
                head_pt=float(rng.choice([11.0, 12.0, 13.0])),
                leading=float(rng.uniform(1.0, 1.6)),
                left=sheet.px(rng.uniform(20, 30)),
                top=sheet.px(rng.uniform(15, 30)),
                right=sheet.width - sheet.px(rng.uniform(10, 25)),
                bottom=sheet.height - sheet.px(rng.uniform(15, 30)),
            )
        return cls(
            body_pt=float(rng.choice([13.0, 13.5, 14.0])),
            head_pt=float(rng.choice([12.0, 12.5, 13.0])),
            leading=float(rng.uniform(1.15, 1.45)),
            left=sheet.px(rng.uniform(30, 35)),
            top=sheet.px(rng.uniform(18, 25)),
            right=sheet.width - sheet.px(rng.uniform(15, 20)),
            bottom=sheet.height - sheet.px(rng.uniform(20, 25)),
        )

    def line(self, sheet: Sheet, pt: float | None = None) -> float:
        """Line height in px for a font of `pt` points (the body size by default)."""
        return (pt or self.body_pt) * sheet.dpi / 72 * self.leading


@dataclass(frozen=True)
class Header:
    """What the header block shows (a subset of DocumentFields, to keep the modules apart)."""

    issuer_parent: str
    issuer: str
    number: str
    place_date: str
    type_name: str
    subject: str
    stamps: tuple[str, ...]


def header(sheet: Sheet, h: Header, style: Style, rng: np.random.Generator) -> float:
    """Draw the two header columns, left first, then the right; return the y below them."""
    party = is_party(h.number)
    area_left = style.left - sheet.px(rng.uniform(8, 14))
    right_w = sheet.length(NATION, "bold", style.head_pt) + sheet.px(rng.uniform(3, 8))
    cx_r = style.right - right_w / 2
    left_w = style.right - right_w - area_left - sheet.px(2)
    cx_l = area_left + left_w / 2
    hl = style.line(sheet, style.head_pt) / style.leading * 1.15

    parent = sheet.wrap(h.issuer_parent, "regular", style.head_pt, left_w)
    issuer = sheet.wrap(h.issuer, "bold", style.head_pt, left_w)
    y0 = style.top + hl
    left_bottom = y0 + hl * (len(parent) + len(issuer) - 1)
    right_bottom = y0 + hl * (0 if party else 1)
    number_y = max(left_bottom, right_bottom) + hl * 1.6

    y = y0
    for line in parent:
        sheet.put_centred(cx_l, y, line, "regular", style.head_pt)
        y += hl
    for line in issuer:
        sheet.put_centred(cx_l, y, line, "bold", style.head_pt)
        y += hl
    y -= hl
    if party:
        sheet.put_centred(cx_l, y + hl * 0.9, "*", "regular", style.head_pt)
    else:
        longest = max(sheet.length(s, "bold", style.head_pt) for s in issuer)
        half = longest * rng.uniform(0.33, 0.5) / 2
        sheet.rule(cx_l - half, cx_l + half, y + hl * 0.3, sheet.px(0.25))
    label = "Số " if party else "Số: "
    sheet.put_centred(cx_l, number_y, label + h.number, "regular", style.body_pt)
    y = number_y
    if h.type_name == "CÔNG VĂN":
        for line in sheet.wrap("V/v " + h.subject, "regular", style.head_pt, left_w * 0.85):
            y += hl
            sheet.put_centred(cx_l, y, line, "regular", style.head_pt)
    ink = "red" if rng.random() < 0.5 else "black"
    for stamp in h.stamps:
        y += hl * 2
        boxed_mark(sheet, cx_l, y, stamp, style, ink)

    if party:
        sheet.put_centred(cx_r, y0, PARTY, "bold", style.head_pt + 1)
        width = sheet.length(PARTY, "bold", style.head_pt + 1)
    else:
        sheet.put_centred(cx_r, y0, NATION, "bold", style.head_pt)
        sheet.put_centred(cx_r, y0 + hl, MOTTO, "bold", style.head_pt + 1)
        width = sheet.length(MOTTO, "bold", style.head_pt + 1)
    sheet.rule(cx_r - width / 2, cx_r + width / 2, right_bottom + hl * 0.3, sheet.px(0.25))
    sheet.put_centred(cx_r, number_y, h.place_date, "italic", style.body_pt)
    return max(y, number_y) + hl


def boxed_mark(sheet: Sheet, cx: float, baseline: float, text: str, style: Style, ink: str) -> None:
    """A boxed, bold capital secrecy or urgency mark centred on `cx`."""
    pt = style.body_pt
    size = pt * sheet.dpi / 72
    w = sheet.length(text, "bold", pt)
    pad = size * 0.3
    box = (cx - w / 2 - pad, baseline - size * 0.95, cx + w / 2 + pad, baseline + size * 0.3)
    sheet.draw(ink).rectangle(box, outline=255, width=max(1, round(sheet.px(0.4))))
    sheet.put_centred(cx, baseline, text, "bold", pt, ink=ink)


def title(sheet: Sheet, h: Header, style: Style, y: float) -> float:
    """The type in bold capitals and the trích yếu under it, centred (công văn: nothing)."""
    if h.type_name == "CÔNG VĂN":
        return y
    cx = (style.left + style.right) / 2
    lh = style.line(sheet)
    y += lh * 1.2
    sheet.put_centred(cx, y, h.type_name, "bold", style.body_pt + 1)
    lines = sheet.wrap(h.subject, "bold", style.body_pt, sheet.px(125))
    for line in lines:
        y += lh
        sheet.put_centred(cx, y, line, "bold", style.body_pt)
    half = sheet.length(lines[-1], "bold", style.body_pt) / 6
    sheet.rule(cx - half, cx + half, y + lh * 0.35, sheet.px(0.25))
    return y + lh * 0.6


def flow(
    sheet: Sheet, blocks: Iterator[Block], style: Style, y: float, limit: float, *, whole: bool
) -> float:
    """Set blocks from `y` down until `limit` (baselines); `whole` never splits a block."""
    lh = style.line(sheet)
    indent = sheet.px(12.7)
    width = style.right - style.left
    for block in blocks:
        face = {"italic": "italic", "heading": "bold", "centre": "bold"}.get(block.kind, "regular")
        first = indent if block.kind in ("para", "italic", "heading") else 0.0
        lines = sheet.wrap(block.text, face, style.body_pt, width, first)
        y += sheet.px(2)
        if y + lh * len(lines) > limit and (whole or y + lh > limit):
            return y
        for k, line in enumerate(lines):
            y += lh
            if y > limit:
                return y
            if block.kind in ("centre", "plain_centre"):
                sheet.put_centred((style.left + style.right) / 2, y, line, face, style.body_pt)
            elif k < len(lines) - 1 and block.kind != "heading":
                x = style.left + (first if k == 0 else 0.0)
                sheet.put_justified(x, y, line, face, style.body_pt, style.right - x)
            else:
                sheet.put(style.left + (first if k == 0 else 0.0), y, line, face, style.body_pt)
    return y


CLOSING_MM = 62.0  # height reserved for the recipients and the signature


def closing(sheet: Sheet, issuer: str, number: str, style: Style, rng: np.random.Generator,
            y: float) -> tuple[float, float]:
    """ "Nơi nhận:" with its list at left, then the signature block at right.

    Returns the centre x and the baseline of the signer's name.
    """
    y += style.line(sheet) * 1.3
    small = style.line(sheet, 11) / style.leading * 1.2
    sheet.put(style.left - sheet.px(10), y, "Nơi nhận:", "bolditalic", 12)
    items = ["- Như trên;",
             *(f"- {pick(rng, _RECIPIENTS)};" for _ in range(int(rng.integers(1, 4)))),
             "- Lưu: VT."]
    for k, item in enumerate(dict.fromkeys(items)):
        sheet.put(style.left - sheet.px(10), y + small * (k + 1), item, "regular", 11)

    cx = style.right - sheet.px(rng.uniform(35, 50))
    lh = style.line(sheet)
    for k, line in enumerate(signer_titles(issuer, is_party(number), rng)):
        sheet.put_centred(cx, y + lh * k, line, "bold", style.body_pt)
    sig_y = y + lh * 2 + sheet.px(rng.uniform(20, 26))
    _scribble(sheet, cx, sig_y - sheet.px(12), rng)
    sheet.put_centred(cx, sig_y, person(rng), "bold", style.body_pt)
    return cx, sig_y


_RECIPIENTS = ("Thường trực cấp ủy (để b/c)", "Thường trực HĐND, UBND", "Các tổ chức thành viên",
               "Các ban chuyên môn", "Ủy ban MTTQ các phường", "Đăng Website cơ quan")


def _scribble(sheet: Sheet, cx: float, cy: float, rng: np.random.Generator) -> None:
    """A handwritten signature: a wavy blue stroke (ink, not text)."""
    t = np.linspace(0, 1, 60)
    w = sheet.px(rng.uniform(25, 40))
    xs = cx - w / 2 + w * t
    ys = cy + sheet.px(4) * np.sin(t * rng.uniform(8, 16) + rng.uniform(0, 6)) * (1.2 - t)
    points = [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]
    sheet.draw("blue").line(points, fill=255, width=max(1, round(sheet.px(0.35))), joint="curve")


def page_number(sheet: Sheet, n: int, style: Style) -> None:
    """The page number, centred in the top margin (ND30)."""
    sheet.put_centred((style.left + style.right) / 2, style.top - sheet.px(4), str(n), "regular",
                      style.body_pt)
