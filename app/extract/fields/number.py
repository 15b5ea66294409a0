"""Số and ký hiệu as printed: "05/HD-MTTQ-BTT", Party "12-KH/QU", "30/2020/NĐ-CP"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.layout import Layout, Segment
from app.extract.model import (
    ABBR_DIFFERS,
    DIGITS_UNSURE,
    EMPTY,
    NUMBER_RUNS_ON,
    SLASH_LOST,
    FieldValue,
    found,
)
from app.extract.text import as_capitals, letters

_DIGITS = r"[0-9OoØøIl]{1,5}"
# letters, and digits standing for capitals among them ("6M" for GM: app.extract.text.as_capitals)
_PART = r"(?=[0-9]*[A-Za-zĐđÐ])[A-Za-zĐđÐ0-9]+"
_NOISE = r"[\s.,'‘’`]*"  # specks OCR reads around the number's / and -
_DASH = rf"{_NOISE}[-–—]{_NOISE}"
_NOTATION = rf"{_PART}(?:{_DASH}{_PART})*"
_PARTY = re.compile(
    rf"(?<![\w/-])(?P<n>{_DIGITS}){_DASH}(?P<t>{_PART}){_NOISE}/{_NOISE}(?P<k>{_NOTATION})"
)
_STATE = re.compile(
    rf"(?<![\w/-])(?P<n>{_DIGITS}){_NOISE}/{_NOISE}(?:(?P<y>(?:19|20)\d\d){_NOISE}/{_NOISE})?"
    rf"(?P<k>{_NOTATION})"
)
# "Số: 7KH-MTTQ": the slash lost; only read after the label, and only offered as a suggestion
_NO_SLASH = re.compile(rf"(?<![\w/-])(?P<n>\d{{1,5}})(?P<k>[A-ZĐ]{{1,4}}(?:{_DASH}[A-ZĐ]+)+)")
_LABELS = ("so", "s")
_CONFUSED = str.maketrans("OoØøIl", "000011")  # Ø: a slashed zero
_ENDS = ".,:;)"  # what may follow a number's notation in its word


@dataclass(frozen=True)
class Number:
    """A number read from the page, and the segment it is on."""

    text: str  # "2242/KH-UBND" or "40-HD/VPTW"
    number: str  # số: "2242", "05"
    notation: str  # ký hiệu: "KH-UBND" or "HD/VPTW"
    type_abbr: str  # the type abbreviation inside the notation ("" for a công văn)
    segment: Segment
    factor: float
    why: str = ""  # set when the reading is only a suggestion


def _clean(part: str) -> str:
    part = re.sub(r"[\s.,'‘’`]+", "", part)
    return re.sub(r"[–—]", "-", part).replace("ĐÐ", "Đ").replace("Ð", "Đ")


def _capitals(notation: str) -> tuple[str, float]:
    """The notation with each part's digits and small q among capitals read as the capitals
    they stand for ("6M-MTTq" → "GM-MTTQ"), at a lower confidence; a part read otherwise
    ("TTr", "QyĐ") as it is."""
    def part(text: str) -> str:
        if any(c.isupper() for c in text) and set(c for c in text if c.islower()) <= {"q"}:
            text = text.replace("q", "Q")
        return as_capitals(text)

    read = re.sub(r"[^-/]+", lambda m: part(m[0]), notation)
    return read, 1.0 if read == notation else 0.8


def _digits(raw: str) -> tuple[str, float] | None:
    """The digits as printed (leading zeros kept), undoing O/Ø/0 and l/1 at a lower confidence."""
    if not any(c.isdigit() for c in raw):
        return None
    fixed = raw.translate(_CONFUSED)
    return fixed, 1.0 if fixed == raw else 0.8


def _label(segment: Segment, start: int) -> str | None:
    """The folded label before the number ("so", or "" when the number opens the segment);
    None when anything else is before it."""
    before = segment.text[:start]
    if before.rstrip()[-1:] not in ("", ":", ".") and not before.rstrip()[-1].isalpha():
        return None  # a speck read before the digits ("Số: @5"): a digit may be lost in it
    label = letters(before)
    return label if label in _LABELS or not before.strip() else None


def _runs_on(text: str, end: int) -> bool:
    """True when the word holding a number's notation goes on past its end (`end` in `text`):
    a character no part of a notation reads as ("555/B£-MTTQ-BTT", "389/MTTQ—-BTT"), so the
    notation read may be cut short."""
    return end < len(text) and not text[end].isspace() and text[end] not in _ENDS


def parse(segment: Segment) -> Number | None:
    """The number on `segment` when it carries the "Số" label or starts with the number; a
    suggestion when its word runs on past the notation read (NUMBER_RUNS_ON)."""
    for pattern, party in ((_PARTY, True), (_STATE, False)):
        for m in pattern.finditer(segment.text):
            label = _label(segment, m.start())
            digits = _digits(m["n"]) if label is not None else None
            if digits is None:
                continue
            why = NUMBER_RUNS_ON if _runs_on(segment.text, m.end()) else ""
            n, factor = digits
            if label == "":
                factor *= 0.7
            notation, read = _capitals(_clean(m["k"]))
            if any(c.isdigit() for c in notation):
                continue
            factor *= read
            if party:
                abbr, read = _capitals(_clean(m["t"]))
                if any(c.isdigit() for c in abbr):
                    continue
                factor *= read
                return Number(f"{n}-{abbr}/{notation}", n, f"{abbr}/{notation}", abbr, segment,
                              factor, why)
            if m["y"]:
                notation = f"{m['y']}/{notation}"
            head = notation.rsplit("/", 1)[-1]
            abbr = head.split("-")[0] if "-" in head else ""
            return Number(f"{n}/{notation}", n, notation, abbr, segment, factor, why)
    lost = _NO_SLASH.search(segment.text)
    if lost and _label(segment, lost.start()) in _LABELS:
        notation = _clean(lost["k"])
        return Number(f"{lost['n']}/{notation}", lost["n"], notation, notation.split("-")[0],
                      segment, 0.5, SLASH_LOST)
    return None


def _lines(layout: Layout, bottom: float) -> list[Segment]:
    """Left-column segments, each joined with the left-column segments on its visual line."""
    segments = layout.left(0, bottom)
    out = []
    for segment in segments:
        same = [s for s in segments if abs(s.cy - segment.cy) < 0.5 * segment.height]
        same.sort(key=lambda s: s.box[0])
        out.append(segment if len(same) == 1 else Segment(tuple(w for s in same for w in s.words)))
    return out


def _labelled(lines: list[Segment]) -> list[Segment]:
    """The lines opening with the "Số" label."""
    return [s for s in lines if s.letters.split(" ", 1)[0] in _LABELS]


def find(layout: Layout) -> Number | None:
    """The number line of the left header column (upper 45 % of the page, not under a "Số"
    line); failing that, a header segment starting in the left column and running on (a long
    date line set close)."""
    bottom = layout.height * 0.45
    lines = _lines(layout, bottom)
    starting_left = [s for s in layout.segments
                     if s.cy < bottom and s.box[0] < layout.column_split <= s.cx]
    # under a "Số" line whose number cannot be parsed ("Số: 0§/QĐ-MTTQ-BTT") a number is one
    # the text cites ("Chỉ thị 318/CT-TTg"), not the document's
    label = next((s for s in _labelled(lines) if "/" in s.text), None)
    end = label.box[3] if label is not None else bottom
    for segment in (*lines, *starting_left):
        if segment.cy > end:
            continue
        number = parse(segment)
        if number is not None:
            return number
    return None


def unread_line(layout: Layout, dated: Segment | None) -> Segment | None:
    """Where the number should be when none was read: the left-column line opening with the
    "Số" label, else the one beside the date line (NĐ 30 sets the two on one row)."""
    lines = _lines(layout, layout.height * 0.45)
    labelled = _labelled(lines)
    if labelled:
        return labelled[0]
    if dated is None:
        return None
    beside = [s for s in lines if abs(s.cy - dated.cy) < 0.6 * dated.height]
    return beside[0] if beside else None


def _one_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def field(number: Number | None, title_abbrs: tuple[str, ...] = ()) -> FieldValue:
    """The number as a FieldValue (empty when none was read); a suggestion when its type
    letters are one letter off those of the type the title names ("TE" under THÔNG BÁO, TB)."""
    if number is None:
        return EMPTY
    digits = [w for w in number.segment.words if number.number in w.text]
    why = number.why or (DIGITS_UNSURE if any(w.rival for w in digits) else "")
    if not why and any(_one_off(number.type_abbr, a) for a in title_abbrs):
        why = ABBR_DIFFERS
    return found(number.text, number.segment.words, number.factor, why)


def split(text: str) -> tuple[str, str] | None:
    """(số, ký hiệu): "2242/KH-UBND" → ("2242", "KH-UBND"), "40-HD/VPTW" → ("40", "HD/VPTW")."""
    m = re.fullmatch(r"(\d+)[/-](.+)", text)
    return (m[1], m[2]) if m else None
