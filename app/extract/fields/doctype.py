"""The document type: the centred capital title, checked against the number's abbreviation."""

from __future__ import annotations

from dataclasses import dataclass

from app.extract.doctypes import DocType, TypeTable
from app.extract.fields.number import Number
from app.extract.layout import Layout, Segment
from app.extract.model import EMPTY, FieldValue, found
from app.extract.text import capitals_text

TEXT_CENTRE = 0.535  # ND30 margins: the text area's centre, as a share of the page width


@dataclass(frozen=True)
class Title:
    """The type title line and the type it names."""

    type: DocType
    segment: Segment


def _centred(layout: Layout, segment: Segment) -> bool:
    return abs(segment.cx / layout.width - TEXT_CENTRE) < 0.08


def find_title(layout: Layout, top: float, types: TypeTable,
               expected: DocType | None = None) -> Title | None:
    """The first centred segment below `top` (upper 60 % of the page) naming a type, or naming
    the `expected` type (the number's) but for one misread letter ("NGHT QUYẾT"; "THÔNG EÁO"
    under a number of TB, though THÔNG CÁO is as near: the number decides); a digit among a
    word's capitals is read as the capital it stands for ("BÁ0 CÁO", "N6HỊ QUYẾT")."""
    for segment in layout.below(top):
        if segment.cy > layout.height * 0.6:
            break
        upper = [c for c in segment.text if c.isalpha()]
        if not upper or sum(c.isupper() for c in upper) < 0.8 * len(upper):
            continue
        text = capitals_text(segment.text)
        doc_type = types.by_title(text)
        if doc_type is None and expected in types.near_titles(text):
            doc_type = expected
        if doc_type is not None and _centred(layout, segment):
            return Title(doc_type, segment)
    return None


def field(
    title: Title | None, number: Number | None, vv: Segment | None, types: TypeTable
) -> FieldValue:
    """The type from the title, the number's abbreviation, or a "V/v" line (công văn): with
    the number read (its notation naming no other type), or alone when no number was read
    (NĐ 30 gives a "V/v" trích yếu to a công văn only; confidence × 0.8)."""
    from_abbr = types.by_abbreviation(number.type_abbr) if number and number.type_abbr else None
    if title is not None:
        agree = from_abbr is None or from_abbr == title.type
        factor = 1.0 if from_abbr == title.type else 0.85 if agree else 0.5
        return found(title.type.code, title.segment.words, factor)
    cong_van = types.cong_van
    if vv is not None and cong_van and from_abbr in (None, cong_van):
        if number is not None:
            return found(cong_van.code, number.segment.words, 0.9)
        label = vv.words[:1]  # the "V/v" word itself: the rest is the trích yếu's
        return found(cong_van.code, label, 0.8)
    if from_abbr is not None and number is not None:
        return found(from_abbr.code, number.segment.words, 0.6)
    return EMPTY
