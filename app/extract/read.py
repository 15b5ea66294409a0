"""Read the metadata fields of a document from the OCR words of its first page."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from app.catalog.profiles import DEFAULT_PROFILE
from app.extract.agree import agree
from app.extract.confirm import confirm, settle
from app.extract.doctypes import TypeTable, table
from app.extract.fields import date, doctype, issuer, number, stamps, subject
from app.extract.glyphs import Glyphs, recased
from app.extract.layout import Layout, Segment
from app.extract.marks import restack
from app.extract.model import EMPTY, FieldValue
from app.extract.numbers import settle_numbers
from app.extract.reread import Rereader
from app.extract.second import second_reading
from app.ocr.base import OcrResult
from app.ocr.pitch import fixed_pitch

BODY_WIDTH = 0.55  # a segment wider than this share of the page is body text, not header


@dataclass(frozen=True)
class PageFields:
    """The fields read from a first page; an unknown field is empty with confidence 0."""

    number: FieldValue = EMPTY  # số và ký hiệu, "2242/KH-UBND"
    issued: FieldValue = EMPTY  # DD/MM/YYYY
    doc_type: FieldValue = EMPTY  # TT 05/2025 typeName code, "10"
    subject: FieldValue = EMPTY  # trích yếu
    issuer: FieldValue = EMPTY  # cơ quan, tổ chức ban hành
    secrecy: FieldValue = EMPTY  # "MẬT", "TỐI MẬT", "TUYỆT MẬT"
    urgency: FieldValue = EMPTY  # "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"
    page_count: FieldValue = EMPTY

    def to_json(self, types: TypeTable | None = None) -> dict[str, Any]:
        """Every field as {value, confidence, box}, plus số, ký hiệu and the type's name."""
        out = {f.name: getattr(self, f.name).to_json() for f in fields(self)}
        parsed = number.split(self.number.value)
        out["code_number"] = {**out["number"], "value": parsed[0] if parsed else None}
        out["code_notation"] = {**out["number"], "value": parsed[1] if parsed else None}
        known = (types or table()).by_code(self.doc_type.value)
        out["doc_type"]["name"] = known.name if known else None
        return out


def _page_count(pages: int | None) -> FieldValue:
    return FieldValue(str(pages), 1.0) if pages else EMPTY


def _number_top(layout: Layout, num: number.Number | None, dated: Segment | None) -> float:
    """The top of the number line: where the issuer block ends. Without a number read, the
    date line beside it, else the first left-column line under the national header."""
    if num is not None:
        return float(num.segment.box[1])
    if dated is not None:
        return float(dated.box[1])
    national = max((s.box[3] for s in layout.national), default=layout.height * 0.1)
    below = [s for s in layout.left(national, layout.height * 0.45)
             if s.letters in ("so", "s") or s.letters.startswith(("so ", "s "))]
    return float(below[0].box[1]) if below else layout.height * 0.2


def read_fields(
    ocr: OcrResult, size: tuple[int, int], pages: int | None = None,
    profile_id: str = DEFAULT_PROFILE, reread: Rereader | None = None,
) -> PageFields:
    """Read every field from a first page of `size` (width, height) pixels, typed per profile.

    Each field is looked for on its own: a number line that cannot be read leaves the date,
    the issuer, the type and the trích yếu to be found all the same. With `reread` (the page
    image and its OCR engine), a number or date line whose reading failed or is unsure is
    read again from the image (app.extract.reread).
    """
    types = table(profile_id)
    layout = Layout.of(ocr, size)
    num = number.find(layout)
    dated = date.line(layout, layout.height * 0.45)
    if num is None and dated is None and not layout.national:
        return PageFields(page_count=_page_count(pages))  # no header of an official document
    number_top = _number_top(layout, num, dated)
    # where the title is looked for: under the number or date line; with neither read, under
    # the national name (the fallback number_top, a fifth of the page down, can lie below a
    # title set high)
    national = max((s.box[3] for s in layout.national), default=number_top)
    top = num.segment.cy if num else dated.cy if dated else min(number_top, national)
    expected = types.by_abbreviation(num.type_abbr) if num and num.type_abbr else None
    title = doctype.find_title(layout, top, types, expected)
    bottom = title.segment.box[1] if title else next(
        (s.box[1] for s in layout.below(top) if s.width > BODY_WIDTH * layout.width),
        layout.height * 0.5,
    )
    vv = subject.vv_line(layout, min(number_top, top), bottom) if title is None else None
    if title is not None:
        trich_yeu = subject.under_title(layout, title.segment)
    else:
        trich_yeu = subject.after_vv(layout, vv, bottom) if vv else EMPTY
    height = num.segment.height if num else 0.0
    secrecy, urgency = stamps.find(layout, top + height, bottom)
    abbrs = title.type.abbreviations if title else ()
    number_line = num.segment if num else number.unread_line(layout, dated)
    date_bottom = bottom if title else layout.height * 0.45
    date_line = date.line(layout, date_bottom) or date.unread_line(layout, date_bottom)
    number_field = settle(number.field(num, abbrs), number_line, reread,
                          lambda line: number.field(number.parse(line), abbrs))
    typed = fixed_pitch(ocr.words)  # typewritten: checked by the second model too
    # typewritten: a capital in mid-sentence told by the page's own glyphs
    glyphs = Glyphs(reread.image, ocr.words) if typed and reread is not None else None
    settled = settle_numbers(trich_yeu, reread)  # its doubted years and numerals, from the page
    subject_field = agree(restack(confirm(settled, reread, respell=True), reread), reread,
                          typed=typed, glyphs=glyphs)
    if typed:
        number_field, subject_field = second_reading(number_field, subject_field, reread, abbrs,
                                                     types, glyphs)
        subject_field = recased(subject_field, glyphs)
    # the place the issuer's is checked against: the date line's, or a line the date was read
    # from though it runs across the columns (a wide face's number line run into it)
    placed = dated or (date_line if date_line is not None and date.parse(date_line) else None)
    if number_field.value and not number_field.suggested and (
            num is None or num.text != number_field.value):  # read again: the type may need it
        num = number.parse(Segment(number_field.words))
    return PageFields(
        number=number_field,
        issued=settle(date.value(date_line) if date_line else EMPTY, date_line, reread,
                      date.value),
        doc_type=doctype.field(title, num, vv, types),
        subject=subject_field,
        issuer=confirm(issuer.find(layout, min(number_top, bottom), issuer.place_words(placed)),
                       reread),
        secrecy=secrecy,
        urgency=urgency,
        page_count=_page_count(pages),
    )
