"""The secrecy (độ mật) and urgency (độ khẩn) stamps near the number line."""

from __future__ import annotations

from app.extract.layout import Layout, Segment
from app.extract.model import EMPTY, FieldValue, found

SECRECY = {"mat": "MẬT", "toi mat": "TỐI MẬT", "tuyet mat": "TUYỆT MẬT"}
URGENCY = {"khan": "KHẨN", "thuong khan": "THƯỢNG KHẨN", "hoa toc": "HỎA TỐC"}


def _core(letters: str) -> str:
    """The stamp's words without the one-letter bits a stamp's frame is misread as."""
    return " ".join(part for part in letters.split() if len(part) > 1)


def is_stamp(segment: Segment) -> bool:
    """True when `segment` is a secrecy or urgency stamp ("MẬT", "HỎA TỐC"), frame bits aside."""
    core = _core(segment.letters)
    return core in SECRECY or core in URGENCY


def find(layout: Layout, top: float, bottom: float) -> tuple[FieldValue, FieldValue]:
    """(secrecy, urgency) read from whole segments of the left column between the bounds."""
    secrecy, urgency = EMPTY, EMPTY
    for segment in layout.left(top, bottom):
        core = _core(segment.letters)
        if core in SECRECY and secrecy.empty:
            secrecy = found(SECRECY[core], segment.words)
        elif core in URGENCY and urgency.empty:
            urgency = found(URGENCY[core], segment.words)
    return secrecy, urgency
