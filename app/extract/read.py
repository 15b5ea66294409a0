"""Read the metadata fields of a document from the OCR words of its first page."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from app.catalog.profiles import DEFAULT_PROFILE
from app.extract.doctypes import TypeTable, table
from app.extract.fields import date, doctype, issuer, number, stamps, subject
from app.extract.layout import Layout
from app.extract.model import EMPTY, FieldValue
from app.ocr.base import OcrResult

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


def read_fields(
    ocr: OcrResult, size: tuple[int, int], pages: int | None = None,
    profile_id: str = DEFAULT_PROFILE,
) -> PageFields:
    """Read every field from a first page of `size` (width, height) pixels, typed per profile."""
    types = table(profile_id)
    layout = Layout.of(ocr, size)
    num = number.find(layout)
    if num is None:
        return PageFields(page_count=_page_count(pages))
    top = num.segment.cy
    title = doctype.find_title(layout, top, types)
    bottom = title.segment.box[1] if title else next(
        (s.box[1] for s in layout.below(top) if s.width > BODY_WIDTH * layout.width),
        layout.height * 0.5,
    )
    vv = subject.vv_line(layout, top, bottom) if title is None else None
    if title is not None:
        trich_yeu = subject.under_title(layout, title.segment)
    else:
        trich_yeu = subject.after_vv(layout, vv, bottom) if vv else EMPTY
    secrecy, urgency = stamps.find(layout, top + num.segment.height, bottom)
    return PageFields(
        number=number.field(num),
        issued=date.find(layout, bottom),
        doc_type=doctype.field(title, num, vv is not None, types),
        subject=trich_yeu,
        issuer=issuer.find(layout, num.segment.box[1]),
        secrecy=secrecy,
        urgency=urgency,
        page_count=_page_count(pages),
    )
