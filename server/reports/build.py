"""Build a report: per organisation (own and rolled up along the tree), in total, this period
against the previous one, rejection reasons and per-clerk counts."""

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


def _counts(
    pool: Pool, orgs: list[str] | None, period: Period, before: Period
) -> tuple[dict[str, Counts], dict[str, Counts], list[tuple[str, str, int]], list[tuple]]:
    """Own counts per organisation for `period` and `before`, reasons and clerks (period)."""
    now: dict[str, Counts] = defaultdict(zero)
    old: dict[str, Counts] = defaultdict(zero)
    args = {"orgs": orgs, "s": period.start, "e": period.end, "ps": before.start}
    scoped = "(%(orgs)s::text[] IS NULL OR org = ANY(%(orgs)s::text[]))"
    with pool.connection() as conn:
        conn.execute("SET LOCAL work_mem = '256MB'")  # hash aggregates stay in memory
        for org, cur, docs, pages in conn.execute(
            "SELECT org, created_at >= %(s)s, count(*), coalesce(sum(pages), 0) FROM rpt_document"
            f" WHERE created_at >= %(ps)s AND created_at < %(e)s AND {scoped} GROUP BY 1, 2",
            args,
        ):
            (now if cur else old)[org].update(documents=docs, pages=int(pages))
        for org, cur, hoso in conn.execute(
            "SELECT org, cur, count(*) FROM (SELECT DISTINCT org, created_at >= %(s)s AS cur,"
            " hoso_code FROM rpt_document"
            f" WHERE created_at >= %(ps)s AND created_at < %(e)s AND {scoped}) x GROUP BY 1, 2",
            args,
        ):
            (now if cur else old)[org]["hoso"] = hoso
        for org, cur, signed in conn.execute(
            "SELECT org, cur, count(*) FROM (SELECT DISTINCT org, at >= %(s)s AS cur,"
            " document_uuid FROM rpt_event WHERE kind = 'sign'"
            f" AND at >= %(ps)s AND at < %(e)s AND {scoped}) x GROUP BY 1, 2",
            args,
        ):
            (now if cur else old)[org]["signed"] = signed
        for org, cur, rejected, rescanned in conn.execute(
            "SELECT org, at >= %(s)s,"
            " count(*) FILTER (WHERE kind = 'state' AND detail->>'to' = 'rejected'),"
            " count(*) FILTER (WHERE kind = 'rescan')"
            " FROM rpt_event WHERE kind IN ('state', 'rescan')"
            f" AND at >= %(ps)s AND at < %(e)s AND {scoped} GROUP BY 1, 2",
            args,
        ):
            (now if cur else old)[org].update(rejected=rejected, rescanned=rescanned)
        reasons = [
            (r[0], r[1], r[2])
            for r in conn.execute(
                "SELECT org, coalesce(nullif(detail->>'reason', ''), '(không ghi lý do)'),"
                " count(*) FROM rpt_event WHERE kind = 'state' AND detail->>'to' = 'rejected'"
                f" AND at >= %(s)s AND at < %(e)s AND {scoped} GROUP BY 1, 2 ORDER BY 1, 3 DESC",
                args,
            )
        ]
        clerks = list(
            conn.execute(
                "SELECT org, clerk, count(*), coalesce(sum(pages), 0) FROM rpt_document"
                f" WHERE created_at >= %(s)s AND created_at < %(e)s AND {scoped}"
                " GROUP BY 1, 2 ORDER BY 1, 3 DESC",
                args,
            )
        )
    return now, old, reasons, [(r[0], r[1], r[2], int(r[3])) for r in clerks]


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
