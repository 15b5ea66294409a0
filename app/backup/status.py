"""After a verification: remember it and mark the hồ sơ it covers; how fresh the backups are."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from app.backup.verify import VerifyReport
from app.backup.write import BackupReport
from app.catalog import backup_state
from app.catalog.backup_state import TargetState
from app.catalog.service import Catalog


def record_written(catalog: Catalog, report: BackupReport) -> TargetState:
    """Remember that this catalog's backup set on `report.folder` got a new generation."""
    return backup_state.record_written(
        catalog, report.set_id, str(report.folder.resolve()), report.generation
    )


def record(catalog: Catalog, folder: Path, report: VerifyReport) -> list[str]:
    """Remember the verification of a set this catalog wrote; when every file checked out,
    set riskRecoveryStatus on the hồ sơ it covers. The hồ sơ codes changed."""
    problem = "; ".join(f"{', '.join(d.paths)}: {d.why}" for d in report.damaged)[:1000]
    if not report.good and not problem:
        problem = "no finished backup"
    newest = report.newest_good
    state = backup_state.record_verified(
        catalog,
        report.set_id,
        str(folder.resolve()),
        newest.generation if newest else 0,
        newest.created_at if newest else "",
        problem,
    )
    if state is None or not report.ok or newest is None:
        return []
    return backup_state.mark_backed_up(catalog, newest.hoso)


@dataclass(frozen=True)
class Freshness:
    """Which targets hold a verified backup young enough, against the policy."""

    fresh: tuple[TargetState, ...]
    stale: tuple[TargetState, ...]
    policy: backup_state.Policy
    last: str  # when the newest verified backup was written (ISO), "" for never

    @property
    def enough(self) -> bool:
        return len(self.fresh) >= self.policy.targets


def freshness(catalog: Catalog, at: datetime.datetime | None = None) -> Freshness:
    """The targets with a verified backup younger than the policy's age, and the others."""
    chosen = backup_state.policy(catalog)
    at = at or datetime.datetime.now().astimezone()
    limit = at - datetime.timedelta(days=chosen.max_age_days)
    fresh: list[TargetState] = []
    stale: list[TargetState] = []
    for target in backup_state.targets(catalog):
        young = target.verified_ok and datetime.datetime.fromisoformat(
            target.verified_backup_at
        ) >= limit
        (fresh if young else stale).append(target)
    return Freshness(tuple(fresh), tuple(stale), chosen, backup_state.last_backup(catalog))


def show_date(stamp: str) -> str:
    """An ISO time as dd/mm/yyyy (local date)."""
    return datetime.datetime.fromisoformat(stamp).strftime("%d/%m/%Y") if stamp else ""
