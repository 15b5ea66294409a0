"""The issuing body: the lines of the top-left block above the number, under its parent body."""

from __future__ import annotations

from app.extract.layout import Layout, Segment
from app.extract.model import EMPTY, RIVAL_READING, FieldValue, found

# Folded line starts that open the issuing body itself (the parent line is above it).
ISSUER_HEADS = (
    "ban thuong truc", "ban thuong vu", "ban chap hanh", "ban dan van", "ban tuyen giao",
    "ban to chuc", "phong ", "van phong", "quan uy", "huyen uy", "thanh uy", "tinh uy",
    "thi uy", "dang uy", "chi bo", "hoi ", "so ", "cuc ",
)
# Folded line starts that may open either a parent body or the issuer ("ỦY BAN NHÂN DÂN …").
BODY_HEADS = ("uy ban", "dang bo", "doan ")


def _capitals(segment: Segment) -> Segment | None:
    """The segment's words in capitals (a body's name is set in capitals; OCR debris is not)."""
    words = tuple(w for w in segment.words
                  if (w.text.isalpha() and w.text.isupper()) or w.text in ("-", "–"))
    return Segment(words) if words else None


def _lines(layout: Layout, bottom: float) -> list[Segment]:
    """Left-column lines in capitals above `bottom`, same-height segments joined."""
    lines: list[Segment] = []
    for found_segment in layout.left(0, bottom):
        segment = _capitals(found_segment)
        if segment is None or len(segment.letters.replace(" ", "")) < 2:
            continue
        if lines and abs(segment.cy - lines[-1].cy) < 0.5 * segment.height:
            words = sorted((*lines[-1].words, *segment.words), key=lambda w: w.box[0])
            lines[-1] = Segment(tuple(words))
        else:
            lines.append(segment)
    return lines


def _split(lines: list[Segment]) -> int | None:
    """The index of the issuer's first line (the lines before it name the parent body)."""
    if lines[0].letters.startswith(ISSUER_HEADS):  # no parent line printed
        later = [i for i, line in enumerate(lines[1:], 1) if line.letters.startswith(ISSUER_HEADS)]
        return later[0] if later else 0
    for i, line in enumerate(lines[1:], 1):
        if line.letters.startswith(ISSUER_HEADS):
            return i
    for i in range(len(lines) - 1, 0, -1):
        if lines[i].letters.startswith(BODY_HEADS):
            return i
    return 0 if len(lines) == 1 else None


def find(layout: Layout, number_top: float) -> FieldValue:
    """The issuer's lines, from the top of the page down to the number line."""
    lines = _lines(layout, number_top)
    start = _split(lines) if lines else None
    if start is None:
        return EMPTY
    issuer = lines[start:]
    words = tuple(w for s in issuer for w in s.words)
    why = RIVAL_READING if any(w.rival for w in words) else ""
    return found(" ".join(s.text for s in issuer), words, 1.0 if start else 0.8, why)
