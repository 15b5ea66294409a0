"""The hash-chained audit log: each entry carries the previous entry's hash."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from app.catalog.models import AuditEntry
from app.catalog.rows import AuditRow, MetaRow
from app.catalog.text import nfc_deep

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def now() -> str:
    """The current time as ISO 8601 with the local offset, to the second."""
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def entry_hash(entry: AuditEntry) -> str:
    """SHA-256 over the entry's canonical JSON and the previous entry's hash."""
    body = {
        "seq": entry.seq,
        "at": entry.at,
        "user": entry.user,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "data": entry.data,
        "prev": entry.prev_hash,
    }
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    user: str, action: str, entity: str, entity_id: str, data: Mapping[str, Any]
) -> AuditEntry:
    """Add an entry; call inside the transaction that makes the change it records."""
    head = MetaRow.get_or_none(MetaRow.key == HEAD_KEY)
    seq, prev = (0, GENESIS) if head is None else _split(head.value)
    entry = AuditEntry(
        seq=seq + 1,
        at=now(),
        user=user,
        action=action,
        entity=entity,
        entity_id=entity_id,
        data=nfc_deep(dict(data)),
        prev_hash=prev,
    )
    digest = entry_hash(entry)
    AuditRow.insert(
        seq=entry.seq,
        at=entry.at,
        user=entry.user,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        data=_dump(entry.data),
        prev_hash=prev,
        hash=digest,
    ).execute()
    MetaRow.insert(key=HEAD_KEY, value=f"{entry.seq}:{digest}").on_conflict_replace().execute()
    return AuditEntry(**{**entry.__dict__, "hash": digest})


def entries(entity_id: str | None = None) -> Iterator[AuditEntry]:
    """The log in order, optionally only the entries about one entity."""
    query = AuditRow.select().order_by(AuditRow.seq)
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == entity_id)
    for row in query.iterator():
        yield _entry(row)


def verify() -> list[str]:
    """Every break in the chain: edited, removed, inserted or reordered entries."""
    problems: list[str] = []
    expected_seq, prev = 1, GENESIS
    for row in AuditRow.select().order_by(AuditRow.seq).iterator():
        entry = _entry(row)
        if entry.seq != expected_seq:
            problems.append(f"entry {entry.seq}: expected entry {expected_seq} (entries removed?)")
        if entry.prev_hash != prev:
            problems.append(f"entry {entry.seq}: does not follow the previous entry (reordered?)")
        if entry_hash(entry) != entry.hash:
            problems.append(f"entry {entry.seq}: its content was changed after it was written")
        expected_seq, prev = entry.seq + 1, entry.hash
    head = MetaRow.get_or_none(MetaRow.key == HEAD_KEY)
    last = (expected_seq - 1, prev)
    if (head is None and last[0] != 0) or (head is not None and _split(head.value) != last):
        problems.append("the newest entries were removed (the log ends before its recorded head)")
    return problems


def _split(value: str) -> tuple[int, str]:
    seq, _, digest = value.partition(":")
    return int(seq), digest


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        user=row.user,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        data=json.loads(row.data),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )
