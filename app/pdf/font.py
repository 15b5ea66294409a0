"""A glyphless TrueType font for invisible OCR text, as a PDF/A-embeddable Type0 font."""

from __future__ import annotations

import functools
import io
import zlib

import pikepdf
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

FONT_NAME = "GlyphLessFont"
UNITS_PER_EM = 1000
ADVANCE = 500  # every glyph is half an em wide; text is stretched to its box with Tz
ASCENT = 800  # ascent − descent = one em, so font size = line height in the text layer
DESCENT = -200
_FIXED_TIMESTAMP = 3_786_912_000  # 2024-01-01 in seconds since 1904: reproducible font bytes


@functools.cache
def glyphless_font_bytes() -> bytes:
    """Return a TrueType font with one blank glyph (and a blank .notdef), built once.

    Built here rather than copying Tesseract's pdf.ttf so the station does not depend on
    where (or whether) a Tesseract install ships that file, and so its metrics are ours.
    """
    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    builder.setupGlyphOrder([".notdef", "blank"])
    builder.setupCharacterMap({0x20: "blank"})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf({".notdef": empty, "blank": empty})
    builder.setupHorizontalMetrics({".notdef": (ADVANCE, 0), "blank": (ADVANCE, 0)})
    builder.setupHorizontalHeader(ascent=ASCENT, descent=DESCENT)
    builder.setupNameTable({"familyName": FONT_NAME, "styleName": "Regular"})
    builder.setupOS2(
        sTypoAscender=ASCENT,
        sTypoDescender=DESCENT,
        sTypoLineGap=0,
        usWinAscent=ASCENT,
        usWinDescent=-DESCENT,
    )
    builder.setupPost()
    builder.font["head"].created = _FIXED_TIMESTAMP
    builder.font["head"].modified = _FIXED_TIMESTAMP
    builder.font.recalcTimestamp = False
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def _to_unicode_cmap() -> bytes:
    """A ToUnicode CMap mapping each 2-byte code to the same BMP code point (no surrogates)."""
    ranges = [
        f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256) if not 0xD8 <= hi <= 0xDF
    ]
    blocks = []
    for start in range(0, len(ranges), 100):
        chunk = ranges[start : start + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    return (
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n"
    ).encode("ascii")


def _flate_stream(pdf: pikepdf.Pdf, data: bytes) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, zlib.compress(data, 9))
    stream.Filter = pikepdf.Name.FlateDecode
    return stream


def add_glyphless_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """Add the embedded Type0 font (Identity-H, codes = BMP code points) to `pdf`; return it."""
    font_file = _flate_stream(pdf, glyphless_font_bytes())
    font_file.Length1 = len(glyphless_font_bytes())
    descriptor = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=pikepdf.Name("/" + FONT_NAME),
            Flags=4,  # symbolic: the glyphs are not from the standard Latin set
            FontBBox=[0, DESCENT, ADVANCE, ASCENT],
            ItalicAngle=0,
            Ascent=ASCENT,
            Descent=DESCENT,
            CapHeight=ASCENT,
            StemV=80,
            FontFile2=font_file,
        )
    )
    cid_font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.CIDFontType2,
            BaseFont=pikepdf.Name("/" + FONT_NAME),
            CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
            FontDescriptor=descriptor,
            DW=ADVANCE,
            CIDToGIDMap=_flate_stream(pdf, b"\x00\x01" * 65536),  # every CID → the blank glyph
        )
    )
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type0,
            BaseFont=pikepdf.Name("/" + FONT_NAME),
            Encoding=pikepdf.Name("/Identity-H"),
            DescendantFonts=[cid_font],
            ToUnicode=_flate_stream(pdf, _to_unicode_cmap()),
        )
    )
