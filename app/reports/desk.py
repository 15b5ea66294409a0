"""The desk's offline report for its own catalog: the same figures the server reports."""

from __future__ import annotations

import datetime
from collections import Counter

from app.catalog import audit
from app.catalog.service import Catalog

from .model import Counts, OrgLine, Report, zero
from .period import VN, Period

NOTES = (
    "Số liệu lấy từ sổ tài liệu của máy trạm này (kể cả tài liệu mật và tài liệu chưa gửi lên).",
    "Ngày số hóa là ngày tạo tài liệu; ký số, trả lại và quét lại theo nhật ký của máy trạm.",
    "Máy trạm không ghi sự kiện đóng hồ sơ: cột hồ sơ đếm các hồ sơ có tài liệu được số hóa "
    "trong kỳ, không phải hồ sơ đã hoàn thành.",
)


def _when(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=VN)


def _figures(
    catalog: Catalog, period: Period
) -> tuple[Counts, Counter[str], dict[str, tuple[int, int]]]:
    """The counts of `period`, the reasons sent back and documents/pages per clerk."""
    counts: Counts = zero()
    hoso: set[str] = set()
    clerks: dict[str, tuple[int, int]] = {}
    for folder in catalog.list_hoso():
        for doc in catalog.documents(folder.file_code):
            if period.start <= _when(doc.created_at) < period.end:
                counts["documents"] += 1
                counts["pages"] += doc.page_count
                hoso.add(folder.file_code)
                done, pages = clerks.get(doc.clerk, (0, 0))
                clerks[doc.clerk] = (done + 1, pages + doc.page_count)
    counts["hoso"] = len(hoso)
    reasons: Counter[str] = Counter()
    signed: set[str] = set()
    for entry in audit.entries():
        if entry.entity != "document" or not period.start <= _when(entry.at) < period.end:
            continue
        if entry.action == "sign":
            signed.add(entry.entity_id)
        elif entry.action == "rescan":
            counts["rescanned"] += 1
        elif entry.action == "state" and entry.data.get("to") == "rejected":
            counts["rejected"] += 1
            reasons[str(entry.data.get("reason") or "(không ghi lý do)")] += 1
    counts["signed"] = len(signed)
    return counts, reasons, clerks


def build(catalog: Catalog, period: Period) -> Report:
    """The report of `period` for the catalog's organisation, against the previous period.

    The figures come from the local rows, secret documents included: the report stays with the
    office.
    """
    org = catalog.organisation()
    now, reasons, clerks = _figures(catalog, period)
    before, _, _ = _figures(catalog, period.previous())
    line = OrgLine(org.code, org.name, 0, dict(now), dict(now), dict(before))
    return Report(
        period=period,
        previous=period.previous(),
        scope=org.code,
        lines=(line,),
        total=dict(now),
        previous_total=dict(before),
        reasons=tuple((org.code, reason, n) for reason, n in reasons.most_common()),
        clerks=tuple(
            (org.code, clerk, d, p)
            for clerk, (d, p) in sorted(clerks.items(), key=lambda kv: -kv[1][0])
        ),
        built_at=datetime.datetime.now(VN),
        notes=NOTES,
    )
