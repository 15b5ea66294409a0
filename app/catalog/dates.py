"""Dates as the rules write them (DD/MM/YYYY, MM/YYYY, YYYY) to and from ISO."""

from __future__ import annotations

import datetime
import re

_FULL = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_date(text: str, *, partial: bool) -> str:
    """ISO form of a DD/MM/YYYY date (or, if `partial`, MM/YYYY or YYYY); ValueError if invalid.

    ISO input (YYYY-MM-DD, YYYY-MM, YYYY) is accepted too, so stored values validate again.
    """
    text = text.strip()
    if _ISO.match(text):
        parts = [int(p) for p in text.split("-")]
        return _iso(parts[0], *parts[1:], partial=partial)
    if match := _FULL.match(text):
        day, month, year = (int(g) for g in match.groups())
        return _iso(year, month, day, partial=partial)
    if partial and (match := _MONTH.match(text)):
        month, year = (int(g) for g in match.groups())
        return _iso(year, month, partial=partial)
    if partial and _YEAR.match(text):
        return _iso(int(text), partial=partial)
    raise ValueError(text)


def _iso(year: int, month: int | None = None, day: int | None = None, *, partial: bool) -> str:
    if day is None and not partial:
        raise ValueError("a full date is required")
    if month is None:
        if not 1 <= year <= 9999:
            raise ValueError(year)
        return f"{year:04d}"
    if day is None:
        datetime.date(year, month, 1)
        return f"{year:04d}-{month:02d}"
    return datetime.date(year, month, day).isoformat()


def show(iso: str) -> str:
    """Dd/mm/yyyy (or mm/yyyy, yyyy) for display from a stored ISO value."""
    parts = iso.split("-")
    return "/".join(reversed(parts))


def sort_key(iso: str, *, end: bool = False) -> str:
    """A full ISO date for comparing partial dates: the first (or last, if `end`) day covered."""
    parts = iso.split("-")
    if len(parts) == 3:
        return iso
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    month = int(parts[1])
    if not end:
        return f"{year:04d}-{month:02d}-01"
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).isoformat()
