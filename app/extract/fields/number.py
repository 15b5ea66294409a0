"""Số and ký hiệu: "2242/KH-UBND", "15/MTTQ-BTT", Party style "40-HD/VPTW"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.layout import Layout, Segment
from app.extract.model import EMPTY, FieldValue, found
from app.extract.text import letters

_DIGITS = r"[0-9OoIl]{1,5}"
_PART = r"[A-Za-zĐđÐ]+"
_NOISE = r"[\s.,'‘’`]*"  # specks OCR reads around the number's / and -
_NOTATION = rf"{_PART}(?:{_NOISE}-{_NOISE}{_PART})*"
_PARTY = re.compile(
    rf"(?<![\w/-])(?P<n>{_DIGITS}){_NOISE}-{_NOISE}(?P<t>{_PART}){_NOISE}/{_NOISE}(?P<k>{_NOTATION})"
)
_STATE = re.compile(rf"(?<![\w/-])(?P<n>{_DIGITS}){_NOISE}/{_NOISE}(?P<k>{_NOTATION})")
_LABELS = ("so", "s")
_CONFUSED = str.maketrans("OoIl", "0011")


@dataclass(frozen=True)
class Number:
    """A number read from the page, and the segment it is on."""

    text: str  # "2242/KH-UBND" or "40-HD/VPTW"
    number: str  # số: "2242"
    notation: str  # ký hiệu: "KH-UBND" or "HD/VPTW"
    type_abbr: str  # the type abbreviation inside the notation ("" for a công văn)
    segment: Segment
    factor: float


def _clean(part: str) -> str:
    return re.sub(r"[\s.,'‘’`]+", "", part).replace("ĐÐ", "Đ").replace("Ð", "Đ")


def _digits(raw: str) -> tuple[str, float] | None:
    """The digits of a number, undoing O/0 and l/1 confusions at a lower confidence."""
    if not any(c.isdigit() for c in raw):
        return None
    fixed = raw.translate(_CONFUSED)
    return fixed.lstrip("0") or "0", 1.0 if fixed == raw else 0.8


def parse(segment: Segment) -> Number | None:
    """The number on `segment` when it carries the "Số" label or starts with the number."""
    for pattern, party in ((_PARTY, True), (_STATE, False)):
        m = pattern.search(segment.text)
        if not m:
            continue
        label = letters(segment.text[: m.start()])
        if label not in _LABELS and label != "":
            continue
        digits = _digits(m["n"])
        if digits is None:
            continue
        n, factor = digits
        if label == "":
            factor *= 0.7
        notation = _clean(m["k"])
        if party:
            abbr = _clean(m["t"])
            return Number(f"{n}-{abbr}/{notation}", n, f"{abbr}/{notation}", abbr, segment,
                          factor)
        head = notation.split("-")[0] if "-" in notation else ""
        return Number(f"{n}/{notation}", n, notation, head, segment, factor)
    return None


def find(layout: Layout) -> Number | None:
    """The number line of the left header column (upper 45 % of the page)."""
    for segment in layout.left(0, layout.height * 0.45):
        number = parse(segment)
        if number is not None:
            return number
    return None


def field(number: Number | None) -> FieldValue:
    """The number as a FieldValue (empty when none was read)."""
    if number is None:
        return EMPTY
    return found(number.text, number.segment.words, number.factor)


def split(text: str) -> tuple[str, str] | None:
    """(số, ký hiệu): "2242/KH-UBND" → ("2242", "KH-UBND"), "40-HD/VPTW" → ("40", "HD/VPTW")."""
    m = re.fullmatch(r"(\d+)[/-](.+)", text)
    return (m[1], m[2]) if m else None
