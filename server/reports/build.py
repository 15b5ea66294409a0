"""Build a report: per organisation, in total, this period against the previous one."""

from __future__ import annotations

import datetime
from collections import defaultdict

from app.reports.model import Counts, OrgLine, Report, zero
from app.reports.period import VN, Period
from server.db import Pool

from .orgtree import OrgTree

NOTES = (
    "Số liệu lấy từ các gói tài liệu đã ký số mà máy trạm gửi lên: tài liệu chưa ký hoặc "
    "chưa đồng bộ, và tài liệu mật (không bao giờ rời máy trạm), không được tính.",
    "Ngày số hóa là ngày máy trạm tạo tài liệu; ký số, trả lại và quét lại theo nhật ký của "
    "máy trạm gửi kèm gói.",
    "Máy trạm không gửi sự kiện đóng hồ sơ: cột hồ sơ đếm các hồ sơ có tài liệu được số hóa "
    "trong kỳ, không phải hồ sơ đã hoàn thành.",
)


_METRICS = {"documents", "pages", "rejected", "rescanned"}  # summed over the months


def _counts(
    pool: Pool, orgs: list[str] | None, period: Period, before: Period
) -> tuple[dict[str, Counts], dict[str, Counts], list[tuple[str, str, int]], list[tuple]]:
    """Own counts per organisation for `period` and `before`, reasons and clerks (period),
    from the per-organisation, per-month counters (`rpt_count`, kept by triggers on the
    report rows; hồ sơ and signed documents counted once per period of this length)."""
    now: dict[str, Counts] = defaultdict(zero)
    old: dict[str, Counts] = defaultdict(zero)
    reasons: list[tuple[str, str, int]] = []
    clerks: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    distinct = {f"hoso{period.months}": "hoso", f"signed{period.months}": "signed"}
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT org, month >= %(s)s, metric, key, sum(n) FROM rpt_count"
            " WHERE month >= %(ps)s AND month < %(e)s AND metric = ANY(%(metrics)s)"
            " AND (%(orgs)s::text[] IS NULL OR org = ANY(%(orgs)s::text[]))"
            " GROUP BY 1, 2, 3, 4",
            {
                "orgs": orgs,
                "s": period.start.date(),
                "e": period.end.date(),
                "ps": before.start.date(),
                "metrics": [*_METRICS, *distinct, "reason", "clerk_documents", "clerk_pages"],
            },
        ).fetchall()
    for org, cur, metric, key, n in rows:
        if metric in _METRICS or metric in distinct:
            (now if cur else old)[org][distinct.get(metric, metric)] += int(n)
        elif not cur:
            continue
        elif metric == "reason" and n:
            reasons.append((org, key, int(n)))
        elif metric == "clerk_documents":
            clerks[org, key][0] += int(n)
        elif metric == "clerk_pages":
            clerks[org, key][1] += int(n)
    reasons.sort(key=lambda r: (r[0], -r[2]))
    listed = sorted(
        ((o, c, d, p) for (o, c), (d, p) in clerks.items() if d), key=lambda r: (r[0], -r[2])
    )
    return now, old, reasons, listed


def _sum(codes: list[str], table: dict[str, Counts]) -> Counts:
    out = zero()
    for code in codes:
        for key, value in table.get(code, {}).items():
            out[key] += value
    return out


def build(
    pool: Pool, tree: OrgTree, period: Period, readable: set[str] | None, org: str = ""
) -> Report:
    """The report of `period` for `org`'s subtree (all of `readable` when empty; None = all).

    Raises PermissionError when `org` is outside what the reader may see.

    Per organisation means its own figures and those rolled up along the tree; the report also holds
    the rejection reasons and per-clerk counts.
    """
    if org and readable is not None and org not in readable:
        raise PermissionError(f"Không được xem báo cáo của đơn vị {org}.")
    scope: set[str] | None = set(tree.subtree(org)) if org else readable
    before = period.previous()
    now, old, reasons, clerks = _counts(
        pool, None if scope is None else sorted(scope), period, before
    )
    present = set(now) | set(old)
    known = set(tree.names) if scope is None else scope
    codes = tree.ordered((known | present) if scope is None else (scope | (present & scope)))
    shown = set(codes)
    lines = []
    for code in codes:
        below = [c for c in tree.subtree(code) if c in shown]
        lines.append(
            OrgLine(
                code=code,
                name=tree.name(code),
                depth=tree.depth(code, shown),
                own=dict(now.get(code, zero())),
                total=_sum(below, now),
                previous=_sum(below, old),
            )
        )
    roots = tree.roots(shown)
    order = {code: i for i, code in enumerate(codes)}
    return Report(
        period=period,
        previous=before,
        scope=org,
        lines=tuple(lines),
        total=_sum([c for r in roots for c in tree.subtree(r) if c in shown], now),
        previous_total=_sum([c for r in roots for c in tree.subtree(r) if c in shown], old),
        reasons=tuple(sorted(reasons, key=lambda r: (order.get(r[0], 0), -r[2]))),
        clerks=tuple(sorted(clerks, key=lambda r: (order.get(r[0], 0), -r[2]))),
        built_at=datetime.datetime.now(VN),
        notes=NOTES,
    )
