"""The date of issue: "ngày 05 tháng 01 năm 2020", unpadded, damaged, "5/1/1998", typed."""

from __future__ import annotations

import datetime
import re

from app.extract.layout import Layout, Segment
from app.extract.model import EMPTY, FieldValue, found
from app.extract.text import as_digits, fold

_D = r"[0-9oøil|]{1,2}"
_WORDS = re.compile(
    rf"ng[a-z]?y\s*(?P<d>{_D})\s*th[a-z]?ng\s*(?P<m>{_D})\s*n[a-z]?m\s*(?P<y>[0-9oøil|]{{4}})"
)
_NUMERIC = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?!\d)"
)
_DAY_NUMERIC = re.compile(rf"ng[a-z]?y\s*(?P<d>{_D})\s*[/.-]\s*(?P<m>{_D})\s*[/.-]\s*"
                          r"(?P<y>[0-9oøil|]{4})(?![0-9])")
BODY_WIDTH = 0.55  # a segment wider than this share of the page is body text
_CONFUSED = str.maketrans("oøil|", "00111")  # ø: a slashed zero
FIRST_YEAR = 1945  # and no later than next year: a document is not dated decades ahead


def _date(d: str, m: str, y: str) -> tuple[datetime.date, float] | None:
    """A valid date from its three parts; confused letters cost confidence."""
    raw = d + m + y
    fixed = raw.translate(_CONFUSED)
    try:
        date = datetime.date(int(fixed[-4:]), int(m.translate(_CONFUSED)),
                             int(d.translate(_CONFUSED)))
    except ValueError:
        return None
    if not FIRST_YEAR <= date.year <= datetime.date.today().year + 1:
        return None
    return date, 1.0 if fixed == raw else 0.75


def parse(segment: Segment) -> tuple[datetime.date, float] | None:
    """The date written on `segment`, in words ("ngày … tháng … năm …") or as dd/mm/yyyy; a
    6 read as ó ("tháng ó", "1ó/3/1995": app.extract.text.as_digits) costs confidence."""
    read = " ".join(as_digits(t) for t in segment.text.split())
    cost = 1.0 if read == " ".join(segment.text.split()) else 0.75
    text = fold(read)
    m = _WORDS.search(text) or _DAY_NUMERIC.search(text)
    if m:
        date = _date(m["d"], m["m"], m["y"])
        return (date[0], date[1] * cost) if date else None
    if "," in segment.text:  # "Hà Nội, 05/01/2020": a place-and-date line
        m = _NUMERIC.search(text)
        if m:
            date = _date(m["d"], m["m"], m["y"])
            return (date[0], date[1] * 0.85 * cost) if date else None
    return None


def line(layout: Layout, bottom: float) -> Segment | None:
    """The place-and-date segment of the right header column above `bottom` (not a line of
    body text that runs into it, "… quyết số 18-NQ/TU ngày 15/02/2000 …"); failing that, a
    header segment across the columns (a wide face can push the line over the column split)
    above the first line of body text."""
    found = next((s for s in layout.right(0, bottom)
                  if s.width <= BODY_WIDTH * layout.width and parse(s) is not None), None)
    if found is not None:
        return found
    body = next((s.box[1] for s in layout.segments if s.width > BODY_WIDTH * layout.width),
                layout.height)
    return next((s for s in layout.segments
                 if s.cy < min(bottom, body) and s.box[2] > layout.column_split
                 and parse(s) is not None), None)


_NUMBER_LABEL = re.compile(r"so\b")  # "Số" opening a line: the number line
_LOOSE = re.compile(r"ng[a-z]?y\s*\S{1,3}\s*(th[a-z]?ng|[/.-])|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]")


def unread_line(layout: Layout, bottom: float) -> Segment | None:
    """Where the date should be when none was read: a right-column segment above `bottom`
    that starts like one ("ngày 04 tháng 69 …", "ngày 11/6/2060") but holds no valid date;
    not a line of body text that runs into the column ("Thực hiện Hướng dẫn số … ngày
    06/11/2000 của …", wider than BODY_WIDTH: `line` passes it over too) — unless it opens
    with the number's label, the number line run into the date line ("Số: 1417/KH-MTTQ-BTT
    Kiến Xương, ngày …" read as one line in a wide face)."""
    return next((s for s in layout.right(0, bottom)
                 if (s.width <= BODY_WIDTH * layout.width or _NUMBER_LABEL.match(fold(s.text)))
                 and _LOOSE.search(fold(s.text))), None)


def value(segment: Segment) -> FieldValue:
    """The date on `segment` as a field (empty when it holds no valid date)."""
    result = parse(segment)
    if result is None:
        return EMPTY
    date, factor = result
    return found(date.strftime("%d/%m/%Y"), segment.words, factor)


def find(layout: Layout, bottom: float) -> FieldValue:
    """The date read from the place-and-date line of the right header column, above `bottom`."""
    segment = line(layout, bottom)
    return value(segment) if segment is not None else EMPTY
