"""The catalog's record of its backups: targets written and verified, and riskRecoveryStatus."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from app.catalog import audit, profiles
from app.catalog.rows import HosoRow, MetaRow

if TYPE_CHECKING:
    from app.catalog.service import Catalog

# Kept in the `meta` table (no migration); the hồ sơ fields change through an audited edit.
STATE_KEY = "backup_targets"
POLICY_KEY = "backup_policy"
BACKED_UP, NOT_YET = "01", "02"
STATUS, REGIME = "riskRecoveryStatus", "riskRecovery"

# A hồ sơ's content as a backup sees it: its documents, their states and file versions.
FINGERPRINT_SQL = (
    "SELECT h.file_code, d.uuid, d.updated_at, d.state, f.version, f.sha256 FROM hoso h "
    "LEFT JOIN document d ON d.hoso_id = h.id LEFT JOIN file f ON f.document_id = d.id "
    "ORDER BY h.file_code, d.number, f.version"
)


@dataclass(frozen=True)
class TargetState:
    """One backup target: where it was last seen, when it was written and verified."""

    id: str
    path: str
    written_at: str = ""
    generation: int = 0
    verified_at: str = ""
    verified_generation: int = 0
    verified_backup_at: str = ""  # when the newest generation that passed was written
    problem: str = ""  # what the last verification found wrong ("" when it passed)

    @property
    def verified_ok(self) -> bool:
        return bool(self.verified_at) and not self.problem


def fingerprints(rows: Iterable[tuple[Any, ...]]) -> dict[str, str]:
    """fileCode → SHA-256 over its documents and files, from the rows of FINGERPRINT_SQL."""
    digests: dict[str, Any] = {}
    for file_code, *rest in rows:
        digest = digests.setdefault(file_code, hashlib.sha256())
        digest.update(json.dumps(rest).encode())
    return {code: digest.hexdigest() for code, digest in digests.items()}


def targets(catalog: Catalog) -> list[TargetState]:
    """Every target this catalog has written to, newest write first."""
    row = MetaRow.get_or_none(MetaRow.key == STATE_KEY)
    found = [TargetState(**item) for item in json.loads(row.value)] if row else []
    return sorted(found, key=lambda t: t.written_at, reverse=True)


def _save(items: Iterable[TargetState]) -> None:
    value = json.dumps([asdict(t) for t in items], ensure_ascii=False, sort_keys=True)
    MetaRow.insert(key=STATE_KEY, value=value).on_conflict_replace().execute()


def record_written(catalog: Catalog, set_id: str, path: str, generation: int) -> TargetState:
    """Remember that generation `generation` of set `set_id` was written at `path` now."""
    with catalog.db.atomic():
        known = {t.id: t for t in targets(catalog)}
        state = replace(
            known.get(set_id, TargetState(set_id, path)),
            path=path,
            written_at=audit.now(),
            generation=generation,
        )
        known[set_id] = state
        _save(known.values())
    return state


def record_verified(
    catalog: Catalog, set_id: str, path: str, generation: int, backup_at: str, problem: str = ""
) -> TargetState | None:
    """Remember a verification of a set this catalog wrote (None for another station's set)."""
    with catalog.db.atomic():
        known = {t.id: t for t in targets(catalog)}
        if set_id not in known:
            return None
        state = replace(
            known[set_id],
            path=path,
            verified_at=audit.now(),
            verified_generation=generation,
            verified_backup_at=backup_at,
            problem=problem,
        )
        known[set_id] = state
        _save(known.values())
    return state


@dataclass(frozen=True)
class Policy:
    """How fresh the backups must be: `targets` media each with a verified backup younger
    than `max_age_days` (TT 02/2019: at least two sets on independent media)."""

    max_age_days: int = 7
    targets: int = 2


def policy(catalog: Catalog) -> Policy:
    row = MetaRow.get_or_none(MetaRow.key == POLICY_KEY)
    return Policy(**json.loads(row.value)) if row else Policy()


def set_policy(catalog: Catalog, chosen: Policy) -> None:
    with catalog.db.atomic():
        MetaRow.insert(key=POLICY_KEY, value=json.dumps(asdict(chosen))).on_conflict_replace(
        ).execute()


def last_backup(catalog: Catalog) -> str:
    """When the newest backup that passed verification was written (ISO time, "" for none)."""
    return max((t.verified_backup_at for t in targets(catalog) if t.verified_ok), default="")


def mark_backed_up(catalog: Catalog, covered: Mapping[str, str], user: str = "system") -> list[str]:
    """Set riskRecoveryStatus to 01 on each hồ sơ whose content a verified backup holds as it
    is now, and back to 02 on one marked 01 that changed since; return the codes changed.

    riskRecovery (the backup regime) is set to 1 where it was not given. Each change is an
    audited edit of the hồ sơ's metadata.
    """
    changed: list[str] = []
    with catalog.db.atomic():
        now_prints = fingerprints(catalog.db.execute_sql(FINGERPRINT_SQL).fetchall())
        for row in HosoRow.select().order_by(HosoRow.file_code):
            tags = {f.tag for f in profiles.load(row.profile).hoso}
            if STATUS not in tags:
                continue
            meta: dict[str, Any] = json.loads(row.metadata)
            held = covered.get(row.file_code) == now_prints.get(row.file_code)
            new = dict(meta)
            if held:
                new[STATUS] = BACKED_UP
                if REGIME in tags and not meta.get(REGIME):
                    new[REGIME] = "1"
            elif meta.get(STATUS) == BACKED_UP:
                new[STATUS] = NOT_YET
            if new == meta:
                continue
            diff = {tag: [meta.get(tag), new.get(tag)] for tag in (REGIME, STATUS)
                    if meta.get(tag) != new.get(tag)}
            HosoRow.update(
                metadata=json.dumps(new, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            ).where(HosoRow.id == row.id).execute()
            audit.append(user, "edit", "hoso", row.uuid, {"changes": diff, "why": "backup"})
            changed.append(row.file_code)
    return changed
