"""Rendered synthetic document pages with their truth: printed text and first-page fields."""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from itertools import islice

import numpy as np

from app.synth import letterhead, prose, vocab
from app.synth.fonts import DEFAULT_FAMILY
from app.synth.issuers import date_line, number, pick_issuer
from app.synth.paper import bleed_through, ink_sheet, paper, punch_holes
from app.synth.typeset import Sheet


@dataclass(frozen=True)
class DocumentFields:
    """The truth of what is printed on a first page (all strings NFC)."""

    issuer_parent: str  # "" when the issuer has no parent line (rare)
    issuer: str
    number: str  # số và ký hiệu: "2242/KH-MTTQ-BTT", Party "40-HD/QU"
    place: str
    issued: datetime.date
    type_name: str  # "KẾ HOẠCH", ..., "CÔNG VĂN" (no title: a "V/v ..." line instead)
    type_code: str  # TT05 typeName code: "10" Kế hoạch, "22" Công văn, ...
    subject: str  # trích yếu; for a công văn the text after "V/v "
    secrecy: str | None  # None, "MẬT", "TỐI MẬT", "TUYỆT MẬT"
    urgency: str | None  # None, "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"


@dataclass(frozen=True)
class RenderedPage:
    """An upright sheet at `dpi` and the exact text printed on it."""

    image: np.ndarray  # RGB uint8 (H, W, 3), the full paper size
    text: str  # every printed line once, in reading order, joined by "\n", NFC
    fields: DocumentFields | None  # set on the first page of a document
    dpi: int


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _pick_weighted(rng: np.random.Generator, weights: dict[str, float]) -> str:
    keys = tuple(weights)
    p = np.asarray([weights[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def make_fields(rng: np.random.Generator) -> DocumentFields:
    """Draw a plausible first page: issuer, number, date, type, trích yếu and stamps."""
    issuer = pick_issuer(rng)
    type_name = _pick_weighted(rng, vocab.TYPE_WEIGHTS)
    issued = datetime.date(2015, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 4017)))
    ctx = prose.Context(issued.year, prose.pick(rng, vocab.TOPICS), issuer.area)
    subject = prose.fill(prose.pick(rng, vocab.SUBJECTS[type_name]), rng, ctx)
    if type_name == "CÔNG VĂN":
        subject = subject[0].lower() + subject[1:]
    secrecy = _pick_weighted(rng, {"": 0.92, "MẬT": 0.05, "TỐI MẬT": 0.02, "TUYỆT MẬT": 0.01})
    urgency = _pick_weighted(rng, {"": 0.9, "KHẨN": 0.06, "THƯỢNG KHẨN": 0.02, "HỎA TỐC": 0.02})
    n = int(rng.integers(1, 300)) if rng.random() < 0.6 else int(rng.integers(300, 3000))
    return DocumentFields(
        issuer_parent=_nfc(issuer.parent),
        issuer=_nfc(issuer.name),
        number=_nfc(number(issuer, n, type_name)),
        place=_nfc(issuer.place),
        issued=issued,
        type_name=_nfc(type_name),
        type_code=vocab.DOC_TYPES[type_name][0],
        subject=_nfc(subject),
        secrecy=_nfc(secrecy) or None,
        urgency=_nfc(urgency) or None,
    )


def _grey(level: int) -> tuple[int, int, int]:
    return (level, level, level)


def _ink(rng: np.random.Generator) -> dict[str, tuple[int, int, int]]:
    k = int(rng.integers(12, 45))
    return {
        "black": (k, k, k + int(rng.integers(0, 8))),
        "red": (int(rng.integers(170, 210)), 30, 40),
        "blue": (30, 45, int(rng.integers(120, 170))),
        "hole": _grey(int(rng.integers(18, 40))),
        "band": _grey(int(rng.integers(40, 90))),
    }


def _area(fields: DocumentFields | None) -> str:
    if fields and any(w in fields.issuer for w in ("PHƯỜNG", "XÃ ")):
        return "phường" if "PHƯỜNG" in fields.issuer else "xã"
    return "quận"


def _first_page(sheet: Sheet, fields: DocumentFields, style: letterhead.Style,
                rng: np.random.Generator) -> None:
    stamps = tuple(s for s in (fields.secrecy, fields.urgency) if s)
    head = letterhead.Header(fields.issuer_parent, fields.issuer, fields.number,
                             date_line(fields.place, fields.issued), fields.type_name,
                             fields.subject, stamps)
    y = letterhead.header(sheet, head, style, rng)
    y = letterhead.title(sheet, head, style, y)
    ctx = prose.Context(fields.issued.year, prose.pick(rng, vocab.TOPICS), _area(fields))
    blocks = iter([*prose.opening(rng, ctx, fields.type_name, fields.issuer),
                   *islice(prose.stream(rng, ctx, fields.type_name), 12)])
    room = style.bottom - sheet.px(letterhead.CLOSING_MM)
    limit = y + (room - y) * rng.uniform(0.45, 1.0)
    y = letterhead.flow(sheet, blocks, style, y, max(limit, y + style.line(sheet) * 3), whole=True)
    letterhead.closing(sheet, fields.issuer, fields.number, style, rng, y)


def _follow_page(sheet: Sheet, fields: DocumentFields | None, style: letterhead.Style,
                 rng: np.random.Generator) -> None:
    letterhead.page_number(sheet, int(rng.integers(2, 7)), style)
    year = fields.issued.year if fields else int(rng.integers(2015, 2026))
    ctx = prose.Context(year, prose.pick(rng, vocab.TOPICS), _area(fields))
    type_name = fields.type_name if fields else None
    letterhead.flow(sheet, prose.stream(rng, ctx, type_name), style, style.top, style.bottom,
                    whole=False)


def _edge_content(sheet: Sheet, rng: np.random.Generator) -> None:
    """Something within ~3 mm of the sheet edges: a fax header, a dark band or a frame rule."""
    kind = prose.pick(rng, ("fax", "band", "rule"))
    if kind == "fax":
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 4000)))
        line = (f"Fax từ: 024 3{int(rng.integers(0, 1000)):03d} {int(rng.integers(0, 10000)):04d}"
                f"   {day:%d/%m/%Y} {int(rng.integers(7, 18)):02d}:{int(rng.integers(0, 60)):02d}"
                f"   Trang 1/{int(rng.integers(1, 6))}")
        sheet.put(sheet.px(rng.uniform(1.5, 3)), sheet.px(rng.uniform(3.5, 5)), line, "regular", 9)
    elif kind == "band":
        h = sheet.px(rng.uniform(4, 10))
        y0 = 0.0 if rng.random() < 0.5 else sheet.height - h
        sheet.draw("band").rectangle((0, y0, sheet.width, y0 + h), fill=255)
    else:
        m = sheet.px(rng.uniform(1.5, 3))
        sheet.draw("black").rectangle((m, m, sheet.width - m, sheet.height - m), outline=255,
                                      width=max(1, round(sheet.px(0.4))))


def _back_side(img: np.ndarray, dpi: int, ink: tuple[int, int, int], contrast: float,
               rng: np.random.Generator) -> None:
    """Typeset a page of body text and let it show through `img` mirrored, at `contrast`."""
    ghost = Sheet(img.shape[1], img.shape[0], dpi)
    _follow_page(ghost, None, letterhead.Style.pick(ghost, rng), rng)
    bleed_through(img, ghost, contrast, ink)


def render_page(
    rng: np.random.Generator,
    *,
    dpi: int = 300,
    paper_mm: tuple[float, float] = (210, 297),
    fields: DocumentFields | None = None,
    first_page: bool = True,
    blank: bool = False,
    paper_rgb: tuple[int, int, int] = (255, 255, 255),
    content_to_edge: bool = False,
    family: str = DEFAULT_FAMILY,
    variant: int = 0,
) -> RenderedPage:
    """Render one upright sheet.

    Reading order of `text`: [an edge fax line], the left header column (parent body,
    issuer, number, "V/v" lines, stamps), the right header column (national name, motto,
    place and date), the type title and trích yếu, the body, "Nơi nhận:" and its list, then
    the signature block (titles, name). A follow-on page: its page number, then the body.
    `fields` is drawn with `make_fields` for a first page when not given; it is returned
    only on first pages. A blank sheet prints no text and may show bleed-through from its
    back (60 %, 5-10 % contrast) and two punch holes (40 %); `content_to_edge` is ignored
    for it. A printed sheet shows its back faintly (3-6 % contrast) 15 % of the time. The
    text is set in font `family`, with the margins and spacing of layout `variant`
    (see `letterhead.Style.pick`).
    """
    width, height = round(paper_mm[0] / 25.4 * dpi), round(paper_mm[1] / 25.4 * dpi)
    sheet = Sheet(width, height, dpi, family)
    inks = _ink(rng)
    img = paper(height, width, paper_rgb, rng)
    if blank:
        if rng.random() < 0.6:
            _back_side(img, dpi, inks["black"], float(rng.uniform(0.05, 0.1)), rng)
        if rng.random() < 0.4:
            punch_holes(sheet, rng)
        ink_sheet(sheet, img, inks)
        return RenderedPage(img, "", None, dpi)
    if content_to_edge:
        _edge_content(sheet, rng)
    style = letterhead.Style.pick(sheet, rng, variant)
    if first_page:
        fields = fields or make_fields(rng)
        _first_page(sheet, fields, style, rng)
    else:
        _follow_page(sheet, fields, style, rng)
    if rng.random() < 0.15:  # printed on both sides: the back shows through faintly
        _back_side(img, dpi, inks["black"], float(rng.uniform(0.03, 0.06)), rng)
    ink_sheet(sheet, img, inks)
    text = _nfc("\n".join(sheet.lines))
    return RenderedPage(img, text, fields if first_page else None, dpi)
