"""Backups: enough drives (two by default) each holding a verified backup younger than a week."""

from __future__ import annotations

from peewee import DatabaseError

from app.backup.status import freshness, show_date

from .catalog import TITLE as CATALOG_TITLE
from .catalog import Unavailable, open_catalog
from .context import Context
from .result import Result, Status, Text

TITLE = Text("Sao lưu (hai bản trên hai ổ riêng)", "Backups (two copies on separate drives)")


def check(ctx: Context) -> Result:
    """WARN when fewer drives than the policy asks hold a verified backup young enough."""
    try:
        with open_catalog(ctx) as catalog:
            state = freshness(catalog)
    except (Unavailable, DatabaseError):
        return Result(
            "backup",
            Status.INFO,
            TITLE,
            Text("Bỏ qua: chưa mở được kho lưu trữ.", "Skipped: the catalog cannot be opened."),
            Text(
                f"Làm theo cách khắc phục của mục «{CATALOG_TITLE.vi}» trước.",
                f"Apply the fix for “{CATALOG_TITLE.en}” first.",
            ),
        )
    days, wanted, have = state.policy.max_age_days, state.policy.targets, len(state.fresh)
    last_vi = show_date(state.last) or "chưa có"
    last_en = show_date(state.last) or "never"
    detail = Text(
        f"Sao lưu lần cuối: {last_vi}. {have}/{wanted} ổ có bản sao lưu đã kiểm tra trong "
        f"{days} ngày qua.",
        f"Last backup: {last_en}. {have}/{wanted} drive(s) hold a verified backup from the "
        f"last {days} days.",
    )
    if state.enough:
        return Result("backup", Status.OK, TITLE, detail)
    problems = [t for t in state.stale if t.problem]
    fix = Text(
        f"Cắm ổ sao lưu và chạy «Sao lưu» (hoặc: scanstation backup --to Ổ --verify) cho đủ "
        f"{wanted} ổ, cất mỗi ổ ở một nơi riêng.",
        f"Plug in a backup drive and run Backup (or: scanstation backup --to DRIVE --verify) "
        f"until {wanted} drives are fresh; keep each drive in a separate place.",
    )
    if problems:
        where = problems[0].path
        fix = Text(
            f"Bản sao lưu ở {where} bị hỏng: thay ổ khác rồi sao lưu lại. {fix.vi}",
            f"The backup at {where} is damaged: use another drive and back up again. {fix.en}",
        )
    return Result("backup", Status.WARN, TITLE, detail, fix)
