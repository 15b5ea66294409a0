"""Report periods: a month (2026-11), a quarter (2026-Q4), a half-year (2026-H2), a year."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
_FORM = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """Months [first, first + months) of one year or spanning years; Vietnam time."""

    year: int
    first: int  # first month, 1–12
    months: int  # 1, 3, 6 or 12

    @property
    def code(self) -> str:
        if self.months == 1:
            return f"{self.year}-{self.first:02d}"
        if self.months == 3:
            return f"{self.year}-Q{(self.first - 1) // 3 + 1}"
        if self.months == 6:
            return f"{self.year}-H{(self.first - 1) // 6 + 1}"
        return str(self.year)

    @property
    def label(self) -> str:
        """The period as a Vietnamese report names it."""
        if self.months == 1:
            return f"tháng {self.first:02d}/{self.year}"
        if self.months == 3:
            return f"quý {(self.first - 1) // 3 + 1}/{self.year}"
        if self.months == 6:
            return f"6 tháng {'đầu' if self.first == 1 else 'cuối'} năm {self.year}"
        return f"năm {self.year}"

    @property
    def start(self) -> datetime.datetime:
        return datetime.datetime(self.year, self.first, 1, tzinfo=VN)

    @property
    def end(self) -> datetime.datetime:
        """The first instant after the period."""
        month = self.first - 1 + self.months
        return datetime.datetime(self.year + month // 12, month % 12 + 1, 1, tzinfo=VN)

    def previous(self) -> Period:
        """The period of the same length just before."""
        month = self.first - 1 - self.months
        return Period(self.year + month // 12, month % 12 + 1, self.months)


def parse(text: str) -> Period:
    """A Period from 2026-11, 2026-Q4, 2026-H2 or 2026 (ValueError says the accepted forms)."""
    found = _FORM.match(text.strip())
    if found is None or (found.group(2) and not 1 <= int(found.group(2)) <= 12):
        raise ValueError(
            f"Kỳ báo cáo {text!r} không hợp lệ; dùng dạng 2026-11 (tháng), 2026-Q4 (quý), "
            "2026-H2 (6 tháng) hoặc 2026 (năm)."
        )
    year, month, quarter, half = found.groups()
    if month:
        return Period(int(year), int(month), 1)
    if quarter:
        return Period(int(year), (int(quarter) - 1) * 3 + 1, 3)
    if half:
        return Period(int(year), (int(half) - 1) * 6 + 1, 6)
    return Period(int(year), 1, 12)
