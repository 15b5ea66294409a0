"""What a report holds: per organisation, totals, the previous period, reasons, per clerk."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .period import Period

METRICS: tuple[tuple[str, str], ...] = (
    ("documents", "Tài liệu số hóa"),
    ("pages", "Trang số hóa"),
    ("hoso", "Hồ sơ có tài liệu số hóa"),
    ("signed", "Tài liệu đã ký số"),
    ("rejected", "Lượt trả lại"),
    ("rescanned", "Lượt quét lại"),
)
Counts = dict[str, int]


def zero() -> Counts:
    """Every figure at 0."""
    return {key: 0 for key, _ in METRICS}


@dataclass(frozen=True)
class OrgLine:
    """One organisation: its own figures and those of its subtree, now and before."""

    code: str
    name: str
    depth: int
    own: Counts
    total: Counts
    previous: Counts  # the subtree's figures in the previous period


@dataclass(frozen=True)
class Report:
    """Everything a report shows, in the order it shows it.

    Per organisation (own and rolled up), totals, the previous period, reasons sent back, per-clerk
    counts and the notes on where the numbers come from.
    """

    period: Period
    previous: Period
    scope: str  # the organisation asked for, or "" for all the reader may see
    lines: tuple[OrgLine, ...]
    total: Counts
    previous_total: Counts
    reasons: tuple[tuple[str, str, int], ...]  # org, reason, times sent back
    clerks: tuple[tuple[str, str, int, int], ...]  # org, clerk, documents, pages
    built_at: datetime.datetime
    notes: tuple[str, ...] = ()


def change(now: int, before: int) -> str:
    """The change as the report prints it: +12,5 %, −3 %, or "mới" when there was nothing."""
    if before == 0:
        return "—" if now == 0 else "mới"
    pct = (now - before) * 100 / before
    text = f"{abs(pct):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{'+' if pct >= 0 else '−'}{text} %"
