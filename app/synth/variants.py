"""First-page layout variants the extractor was not tuned on: other fonts, dates, long titles."""

from __future__ import annotations

import dataclasses
import datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFont

from app.fonts import liberation
from app.synth import letterhead, prose, vocab
from app.synth.document import DocumentFields, RenderedPage, make_fields
from app.synth.fonts import (
    DEJAVU_DIR,
    FREEFONT_DIR,
    JETBRAINS_DIR,
    LEAGUE_MONO_DIR,
    NOTO_DIR,
    TEX_GYRE_DIR,
)
from app.synth.issuers import is_party
from app.synth.paper import ink_sheet, paper
from app.synth.typeset import Sheet

_FAMILIES = {"serif": "LiberationSerif", "sans": "LiberationSans", "mono": "LiberationMono"}
_STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
_DEJAVU = {"serif": "DejaVuSerif", "sans": "DejaVuSans"}
_DEJAVU_STYLES = {"regular": "", "bold": "-Bold", "italic": "-Italic", "bolditalic": "-BoldItalic"}
# typewriter faces: file of each face (Noto Sans Mono has no italic: its upright face stands in)
_TYPEWRITERS = {
    "freemono": (FREEFONT_DIR,
                 {"regular": "FreeMono.ttf", "bold": "FreeMonoBold.ttf",
                  "italic": "FreeMonoOblique.ttf", "bolditalic": "FreeMonoBoldOblique.ttf"}),
    "notomono": (NOTO_DIR,
                 {"regular": "NotoSansMono-Regular.ttf", "bold": "NotoSansMono-Bold.ttf",
                  "italic": "NotoSansMono-Regular.ttf", "bolditalic": "NotoSansMono-Bold.ttf"}),
    # the dev typewriter face, in neither split: TeX Gyre Cursor (Debian's fonts-texgyre), a
    # Courier clone with every Vietnamese letter (Nimbus Mono PS lacks 92 of them)
    "cursor": (TEX_GYRE_DIR,
               {"regular": "texgyrecursor-regular.otf", "bold": "texgyrecursor-bold.otf",
                "italic": "texgyrecursor-italic.otf",
                "bolditalic": "texgyrecursor-bolditalic.otf"}),
}
TYPEWRITER_FACES = ("freemono", "notomono")  # the tuning split's typewritten pages' faces
DEJAVU_MONO = "notomono"  # the DejaVu set's "mono" family (DejaVu Sans Mono lacks the letters)
DEV_TYPEWRITER = "cursor"  # the typewriter face of the typed dev pages only (bench.extract)
# faces for the bench's dev pages only, which neither split uses, each with every Vietnamese
# letter: TeX Gyre Termes / Heros / Cursor (Times, Helvetica, Courier alike) and FreeSerif /
# FreeSans (typed in TeX Gyre Cursor too); family -> (folder, file per face)
_DEV_FACES = {
    "gyre": {family: (TEX_GYRE_DIR, {face: f"texgyre{name}-{face}.otf" for face in _STYLES})
             for family, name in (("serif", "termes"), ("sans", "heros"), ("mono", "cursor"))},
    "free": {
        "serif": (FREEFONT_DIR, {"regular": "FreeSerif.ttf", "bold": "FreeSerifBold.ttf",
                          "italic": "FreeSerifItalic.ttf",
                          "bolditalic": "FreeSerifBoldItalic.ttf"}),
        "sans": (FREEFONT_DIR, {"regular": "FreeSans.ttf", "bold": "FreeSansBold.ttf",
                         "italic": "FreeSansOblique.ttf",
                         "bolditalic": "FreeSansBoldOblique.ttf"}),
    },
}
DEV_FACES = tuple(_DEV_FACES)
# the held-out set (Liberation) with its "mono" family set in another sans monospace, for the
# bench's dev pages drawn as the held-out mono pages are (even ink, 0.86 scale): JetBrains Mono,
# which neither split uses, or Noto Sans Mono, which the tuning split types with a typewriter's
# ink and draws as the DejaVu set's "mono" at 0.9 of that scale, never as these pages are, or
# League Mono (Helvetica-like, wider: 0.71 em a letter), which no split and no other dev set uses
DEV_MONO_FACES = "jetbrains"
DEV_NOTOMONO_FACES = "notosansmono"
DEV_LEAGUEMONO_FACES = "leaguemono"
_DEV_MONO = {
    DEV_MONO_FACES: {face: JETBRAINS_DIR / f"JetBrainsMono-{style}.ttf"
                     for face, style in _STYLES.items()},
    DEV_NOTOMONO_FACES: {face: NOTO_DIR / name
                         for face, name in _TYPEWRITERS["notomono"][1].items()},
    # no italic: the upright faces stand in, as for Noto Sans Mono
    DEV_LEAGUEMONO_FACES: {face: LEAGUE_MONO_DIR / f"LeagueMono-{style}.otf"
                           for face, style in (("regular", "Regular"), ("bold", "Bold"),
                                               ("italic", "Regular"), ("bolditalic", "Bold"))},
}
DEV_MONO_SETS = tuple(_DEV_MONO)
# The held-out split sets the variants in Liberation; the tuning split sets the same kinds of page
# in DejaVu, so what is tuned on them is checked on other faces, and typewritten pages in two other
# monospace faces (FreeMono, thin and Courier-like, and Noto Sans Mono) with a typewriter's ink:
# faint and uneven, or filled in; a third (TeX Gyre Cursor) types dev pages only, to see whether
# what was tuned on the typewritten pages carries over.
# the held-out split's faces, the tuning split's, and the tuning split's typewritten pages'
FACES = ("liberation", "dejavu", *TYPEWRITER_FACES)
INKS = ("even", "faint", "filled")  # a typewriter's ink: as set, faint and uneven, filled in
DATE_STYLES = ("words", "unpadded", "slashes", "numeric")


def font_path(faces: str, family: str, face: str) -> Path:
    """The font file of `family` ("serif", "sans", "mono") and `face` in the set `faces`.
    DejaVu Sans Mono lacks most Vietnamese letters: the DejaVu set types "mono" in Noto Sans
    Mono (DEJAVU_MONO, a tuning face: Liberation Mono is the held-out split's); a typewriter set
    (TYPEWRITER_FACES) types everything in its face. A dev set (DEV_FACES) without a monospace
    face types in TeX Gyre Cursor."""
    if faces in _TYPEWRITERS or (faces == "dejavu" and family == "mono"):
        folder, files = _TYPEWRITERS[DEJAVU_MONO if faces == "dejavu" else faces]
        return folder / files[face]
    if faces in _DEV_FACES:
        folder, files = _DEV_FACES[faces].get(family, _DEV_FACES["gyre"]["mono"])
        return folder / files[face]
    if faces in _DEV_MONO and family == "mono":
        return _DEV_MONO[faces][face]
    if faces in ("liberation", *_DEV_MONO) or family == "mono":
        return liberation(f"{_FAMILIES[family]}-{_STYLES[face]}.ttf")
    style = _DEJAVU_STYLES[face]
    if family == "sans":  # DejaVu Sans slants as Oblique
        style = style.replace("Italic", "Oblique")
    return DEJAVU_DIR / f"{_DEJAVU[family]}{style}.ttf"


@lru_cache(maxsize=128)
def _font(faces: str, family: str, face: str, px: int) -> ImageFont.FreeTypeFont:
    path = font_path(faces, family, face)
    return ImageFont.truetype(str(path), px, layout_engine=ImageFont.Layout.BASIC)


class FamilySheet(Sheet):
    """A sheet set in one family (serif, sans or mono) of a font set at a scale of its sizes."""

    def __init__(self, width: int, height: int, dpi: int, family: str, scale: float,
                 faces: str = "liberation") -> None:
        super().__init__(width, height, dpi)
        self.family = family
        self.scale = scale
        self.faces = faces

    def font(self, face: str, pt: float) -> ImageFont.FreeTypeFont:
        return _font(self.faces, self.family, face, max(1, round(pt * self.scale * self.dpi / 72)))


@dataclasses.dataclass(frozen=True)
class Variant:
    """How one held-out page departs from the tuned layout.

    Each variant page differs from `document.render_page` in ways seen in real archive boxes: a sans
    or typewriter (monospace) face; zero-padded numbers ("Số: 05/HD-MTTQ-BTT") and Party numbers
    without the colon ("Số 12-KH/QU"); dates unpadded, typed "ngày 5/1/1998" or "05/01/1998"; an
    issuer without a parent line; a trích yếu set narrow over several lines; the number line set
    flush left under the issuer block.
    """

    family: str  # "serif", "sans" or "mono"
    date_style: str  # one of DATE_STYLES
    label: str  # "Số: ", "Số ", "Số:"
    flush_left: bool  # number line flush left instead of centred under the issuer
    parent: bool  # print the parent body's line
    title_mm: float  # width the trích yếu is wrapped to
    ink: str = "even"  # a typewriter's ink (one of INKS)
    # spread-out pages only (the dev pages: see render_variant's `spread`); the defaults are
    # the held-out and tuning variants' layout
    left_frac: float = 1.0  # share of the left column the issuer is wrapped to (more lines)
    vv_frac: float = 0.8  # share of the left column the "V/v" lines are wrapped to
    stamps_by_title: bool = False  # secrecy/urgency marks boxed just above the title
    seal: bool = False  # a red seal ring printed over the title's right end
    tight: bool = False  # the off-decree sizes and leading of letterhead.Style variant 1

    @property
    def name(self) -> str:
        """A short layout name for reports, e.g. "mono-slashes-left", "mono-words-faint"."""
        ink = "" if self.ink == "even" else f"-{self.ink}"
        return f"{self.family}-{self.date_style}{'-left' if self.flush_left else ''}{ink}"


def pick_variant(rng: np.random.Generator, typewriter: bool = False,
                 spread: bool = False) -> Variant:
    """A variant drawn from `rng`; `typewriter` types it in "mono" whatever the draw; `spread`
    widens the layout choices (see render_variant)."""
    family = str(rng.choice(list(_FAMILIES), p=[0.35, 0.35, 0.3]))
    v = Variant(
        family="mono" if typewriter else family,
        date_style=str(rng.choice(DATE_STYLES, p=[0.3, 0.3, 0.25, 0.15])),
        label=str(rng.choice(["Số: ", "Số ", "Số:"], p=[0.5, 0.3, 0.2])),
        flush_left=bool(rng.random() < 0.3),
        parent=bool(rng.random() < 0.85),
        title_mm=float(rng.uniform(70, 110)),
    )
    if not spread:
        return v
    return dataclasses.replace(
        v,
        title_mm=float(rng.uniform(45, 150)),
        parent=bool(rng.random() < 0.6),
        left_frac=float(rng.uniform(0.6, 1.0)),
        vv_frac=float(rng.uniform(0.4, 1.0)),
        stamps_by_title=bool(rng.random() < 0.5),
        seal=bool(rng.random() < 0.25),
        tight=bool(rng.random() < 0.5),
    )


def date_text(place: str, issued: datetime.date, style: str) -> str:
    """The place-and-date line in one of DATE_STYLES."""
    d, m, y = issued.day, issued.month, issued.year
    if style == "words":
        return f"{place}, ngày {d:02d} tháng {m:02d} năm {y}"
    if style == "unpadded":
        return f"{place}, ngày {d} tháng {m} năm {y}"
    if style == "slashes":
        return f"{place}, ngày {d}/{m}/{y}"
    return f"{place}, {d:02d}/{m:02d}/{y}"


def variant_fields(rng: np.random.Generator, variant: Variant, spread: bool = False
                   ) -> DocumentFields:
    """Fields as `make_fields` draws them, with older dates and numbers often zero-padded;
    `spread` marks a third of the pages secret or urgent."""
    base = make_fields(rng)
    if spread and not (base.secrecy or base.urgency) and rng.random() < 0.3:
        mark = str(rng.choice(["MẬT", "KHẨN", "HỎA TỐC", "TỐI MẬT"]))
        if "MẬT" in mark:
            base = dataclasses.replace(base, secrecy=mark)
        else:
            base = dataclasses.replace(base, urgency=mark)
    issued = datetime.date(1990, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 12400)))
    n = int(rng.integers(1, 10)) if rng.random() < 0.4 else int(rng.integers(10, 400))
    head = base.number.split("/", 1) if not is_party(base.number) else base.number.split("-", 1)
    sep = "-" if is_party(base.number) else "/"
    digits = f"{n:02d}" if n < 10 and rng.random() < 0.6 else str(n)
    return dataclasses.replace(
        base,
        issuer_parent=base.issuer_parent if variant.parent else "",
        number=f"{digits}{sep}{head[1]}",
        issued=issued,
    )


def _header(sheet: Sheet, f: DocumentFields, v: Variant, style: letterhead.Style,
            rng: np.random.Generator) -> float:
    """The two header columns, as `letterhead.header` but with the variant's choices."""
    party = is_party(f.number)
    top_line = letterhead.PARTY if party else letterhead.NATION
    area_left = style.left - sheet.px(rng.uniform(8, 14))
    right_w = sheet.length(top_line, "bold", style.head_pt) + sheet.px(rng.uniform(3, 8))
    if right_w > (style.right - area_left) * 0.56:
        right_w = (style.right - area_left) * 0.56
    cx_r = style.right - right_w / 2
    left_w = style.right - right_w - area_left - sheet.px(4)
    cx_l = area_left + left_w / 2
    issuer_w = left_w * v.left_frac
    hl = style.line(sheet, style.head_pt) / style.leading * 1.15
    parent = sheet.wrap(f.issuer_parent, "regular", style.head_pt, issuer_w)
    parent = parent if f.issuer_parent else []
    issuer = sheet.wrap(f.issuer, "bold", style.head_pt, issuer_w)
    y0 = style.top + hl
    y = y0
    for line in parent:
        sheet.put_centred(cx_l, y, line, "regular", style.head_pt)
        y += hl
    for line in issuer:
        sheet.put_centred(cx_l, y, line, "bold", style.head_pt)
        y += hl
    right_lines = [top_line] if party else [top_line, letterhead.MOTTO]
    number_y = max(y, y0 + hl * len(right_lines)) + hl * 1.2
    label = v.label + f.number
    if v.flush_left:
        sheet.put(area_left, number_y, label, "regular", style.body_pt)
    else:
        sheet.put_centred(cx_l, number_y, label, "regular", style.body_pt)
    y = number_y
    if f.type_name == "CÔNG VĂN":
        for line in sheet.wrap("V/v " + f.subject, "regular", style.head_pt, left_w * v.vv_frac):
            y += hl
            sheet.put_centred(cx_l, y, line, "regular", style.head_pt)
    by_title = v.stamps_by_title and f.type_name != "CÔNG VĂN"
    for stamp in (s for s in (f.secrecy, f.urgency) if s and not by_title):
        y += hl * 2
        sheet.put_centred(cx_l, y, stamp, "bold", style.body_pt)
    for k, line in enumerate(right_lines):
        pt = style.head_pt + (1 if k else 0)
        if sheet.length(line, "bold", pt) > right_w:
            pt = style.head_pt - 1
        sheet.put_centred(cx_r, y0 + hl * k, line, "bold", pt)
    face = "regular" if v.family == "mono" else "italic"
    sheet.put_centred(cx_r, number_y, date_text(f.place, f.issued, v.date_style), face,
                      style.body_pt - (1 if v.family == "mono" else 0))
    return max(y, number_y) + hl


def _title(sheet: Sheet, f: DocumentFields, v: Variant, style: letterhead.Style,
           y: float) -> float:
    """The type title and a trích yếu wrapped to the variant's width (often 2-3 lines)."""
    if f.type_name == "CÔNG VĂN":
        return y
    cx = (style.left + style.right) / 2
    lh = style.line(sheet)
    if v.stamps_by_title:
        x = style.left
        for stamp in (s for s in (f.secrecy, f.urgency) if s):
            y_stamp = y + lh * 0.8
            width = sheet.length(stamp, "bold", style.body_pt)
            letterhead.boxed_mark(sheet, x + width / 2, y_stamp, stamp, style, "red")
            x += width + sheet.px(12)
        y += lh * 0.6 if x > style.left else 0
    y += lh * 1.2
    sheet.put_centred(cx, y, f.type_name, "bold", style.body_pt + 1)
    lines = sheet.wrap(f.subject, "bold", style.body_pt, sheet.px(v.title_mm))
    for line in lines:
        y += lh
        sheet.put_centred(cx, y, line, "bold", style.body_pt)
    if v.seal:
        r = sheet.px(17)
        x_seal = cx + sheet.length(lines[0], "bold", style.body_pt) / 2
        y_seal = y - lh * len(lines) / 2
        for k in (0, 1):
            rk = r - k * sheet.px(2.5)
            sheet.draw("red").ellipse((x_seal - rk, y_seal - rk, x_seal + rk, y_seal + rk),
                                      outline=255, width=max(1, round(sheet.px(0.6))))
    return y + lh * 0.6


def typewriter_ink(layer: Image.Image, kind: str, rng: np.random.Generator,
                   dpi: int) -> Image.Image:
    """A typed page's ink coverage (an 8-bit mask) as a ribbon leaves it: "faint" lighter in
    patches about a letter or a word wide (a worn ribbon, keys struck unevenly) and its strokes
    thinned, "filled" with strokes thickened so that small counters close, "even" as set."""
    mask = np.asarray(layer)
    if kind == "filled":
        return Image.fromarray(cv2.dilate(mask, np.ones((3, 3), np.uint8)))
    if kind != "faint":
        return layer
    h, w = mask.shape
    cell = max(4, round(dpi * 2.5 / 25.4))  # about one letter
    coarse = rng.uniform(0.35, 1.0, (h // cell + 2, w // cell + 2)).astype(np.float32)
    field = cv2.resize(coarse, (w + 2 * cell, h + 2 * cell),
                       interpolation=cv2.INTER_CUBIC)[cell:cell + h, cell:cell + w]
    thin = cv2.erode(mask, np.ones((2, 2), np.uint8)) if rng.random() < 0.5 else mask
    return Image.fromarray(np.clip(thin * np.clip(field, 0.3, 1.0), 0, 255).astype(np.uint8))


def render_variant(
    rng: np.random.Generator, *, dpi: int = 300, paper_rgb: tuple[int, int, int] = (255,) * 3,
    faces: str = "liberation", spread: bool = False,
) -> tuple[RenderedPage, Variant]:
    """One upright first page in a layout variant set in `faces` (one of FACES, or DEV_FACES
    or DEV_MONO_SETS for dev pages), and the variant; a typewriter set (TYPEWRITER_FACES)
    types the whole page with a typewriter's ink (INKS, see `typewriter_ink`). `spread` widens
    the layout (the dev pages the extractor's failures are looked for on): trích yếu wrapped
    45-150 mm (up to 4-5 lines), "V/v" lines wrapped narrow, issuers over 1-4 lines, a parent
    line or not, secrecy/urgency marks over the title, a red seal ring across the title's end,
    tight or loose leading."""
    typed = faces in _TYPEWRITERS
    v = pick_variant(rng, typewriter=typed, spread=spread)
    width, height = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    scale = 0.86 if v.family == "mono" else 0.95 if v.family == "sans" else 1.0
    if faces == "dejavu":  # DejaVu is set wider than Liberation at the same size
        scale *= 0.9
    sheet = FamilySheet(width, height, dpi, v.family, scale, faces)
    style = letterhead.Style.pick(sheet, rng, 1 if v.tight else 0)
    fields = variant_fields(rng, v, spread)
    y = _header(sheet, fields, v, style, rng)
    y = _title(sheet, fields, v, style, y)
    ctx = prose.Context(fields.issued.year, prose.pick(rng, vocab.TOPICS), "quận")
    blocks = iter([*prose.opening(rng, ctx, fields.type_name, fields.issuer),
                   *islice(prose.stream(rng, ctx, fields.type_name), 12)])
    room = style.bottom - sheet.px(letterhead.CLOSING_MM)
    y = letterhead.flow(sheet, blocks, style, y, max(room, y + style.line(sheet) * 3), whole=True)
    letterhead.closing(sheet, fields.issuer, fields.number, style, rng, y)
    inks = {"black": (int(rng.integers(12, 45)),) * 3, "red": (190, 30, 40),
            "blue": (30, 45, int(rng.integers(120, 170)))}
    if typed:
        v = dataclasses.replace(v, ink=INKS[int(rng.choice(len(INKS), p=[0.3, 0.4, 0.3]))])
        sheet.layers["black"] = typewriter_ink(sheet.layers["black"], v.ink, rng, dpi)
    img = paper(height, width, paper_rgb, rng)
    ink_sheet(sheet, img, inks)
    return RenderedPage(img, "\n".join(sheet.lines), fields, dpi), v
