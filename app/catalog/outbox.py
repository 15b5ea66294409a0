"""The sync outbox, part of the catalog: fed by the workflow, gated by the secrecy policy."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.catalog import audit, convert, policy, workflow
from app.catalog.errors import Refused, SecretRefused
from app.catalog.models import Document, OutboxItem, SyncState
from app.catalog.rows import DocumentRow, OutboxRow
from app.catalog.store import sha256_of

if TYPE_CHECKING:
    from app.catalog.exchange import Exchange

SYNC_USER = "sync"


def version_key(doc: Document) -> str:
    """What makes a version distinct for the server: the newest file and the metadata."""
    meta = json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{doc.current.sha256}\n{meta}".encode()).hexdigest()


def _item(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        doc_uuid=row.document.uuid,
        doc_code=row.document.doc_code,
        version_key=row.version_key,
        state=SyncState(row.state),
        package_sha256=row.package_sha256,
        package_size=row.package_size,
        attempts=row.attempts,
        error=row.error,
        receipt=json.loads(row.receipt) if row.receipt else {},
        updated_at=row.updated_at,
        created_at=row.created_at,
    )


def enqueue(document_id: int) -> OutboxItem | None:
    """Queue the document's current version if it may leave and is not queued yet.

    Call inside a write transaction (record_signed does). A secret never enters.
    """
    doc = convert.document(DocumentRow.get_by_id(document_id))
    if not policy.may_leave_machine(doc)[0]:
        return None
    key = version_key(doc)
    now = audit.now()
    OutboxRow.insert(
        document=document_id,
        version_key=key,
        state=SyncState.PENDING,
        created_at=now,
        updated_at=now,
    ).on_conflict_ignore().execute()
    row = OutboxRow.get((OutboxRow.document == document_id) & (OutboxRow.version_key == key))
    return _item(row)


class Outbox:
    """The outbox of one catalog; `catalog.outbox` hands it out. Thread-safe like the catalog."""

    def __init__(self, catalog: Exchange) -> None:
        self.catalog = catalog
        self.folder = catalog.folder / "outbox"

    def feed(self) -> int:
        """Queue every signed or synced document whose current version is not queued yet."""
        added = 0
        leave = [str(s) for s in policy.LEAVE_STATES]
        ids = [
            r.id
            for r in DocumentRow.select(DocumentRow.id).where(
                DocumentRow.state.in_(leave) & (DocumentRow.secret == False)  # noqa: E712
            )
        ]
        for start in range(0, len(ids), 200):
            with self.catalog.db.atomic():
                before = OutboxRow.select().count()
                for doc_id in ids[start : start + 200]:
                    enqueue(doc_id)
                added += OutboxRow.select().count() - before
        return added

    def items(self, states: Iterable[SyncState] | None = None, limit: int = 0) -> list[OutboxItem]:
        """Outbox items, oldest first, optionally only in `states` and at most `limit`."""
        query = OutboxRow.select(OutboxRow, DocumentRow).join(DocumentRow).order_by(OutboxRow.id)
        if states is not None:
            query = query.where(OutboxRow.state.in_([str(s) for s in states]))
        if limit:
            query = query.limit(limit)
        return [_item(r) for r in query]

    def item(self, item_id: int) -> OutboxItem:
        return _item(OutboxRow.get_by_id(item_id))

    def status(self, key: str) -> OutboxItem | None:
        """The newest outbox item of a document (by docCode or UUID): its sync state."""
        doc = self.catalog.document(key)
        row = (
            OutboxRow.select(OutboxRow, DocumentRow)
            .join(DocumentRow)
            .where(DocumentRow.uuid == doc.uuid)
            .order_by(OutboxRow.id.desc())
            .first()
        )
        return None if row is None else _item(row)

    def summary(self) -> dict[str, int]:
        """How many items are in each state (for the status bar)."""
        counts = {str(s): 0 for s in SyncState}
        cursor = self.catalog.db.execute_sql("SELECT state, COUNT(*) FROM outbox GROUP BY state")
        for state, count in cursor.fetchall():
            counts[str(state)] = int(count)
        return counts

    def check(self, item: OutboxItem) -> None:
        """Re-check the document itself right before sending; a refusal is recorded and raised.

        This catches a crafted or stale outbox row for a document that may not leave.
        """
        doc = self.catalog.document(item.doc_uuid)
        allowed, why = policy.may_leave_machine(doc)
        if not allowed:
            self.refuse(item.id, why)
            policy.ensure_may_leave(doc)

    def prepare(self, item_id: int) -> OutboxItem:
        """The item with its package written to `outbox/<id>.zip` (built once, then reused)."""
        item = self.item(item_id)
        self.check(item)
        path = self.package_path(item_id)
        if item.package_sha256 and path.is_file():
            return item
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self.catalog.network_package(item.doc_uuid, path)
        except (SecretRefused, Refused) as err:
            self.refuse(item_id, err.message)
            raise
        sha, size = sha256_of(path), path.stat().st_size
        with self.catalog.db.atomic():
            OutboxRow.update(package_sha256=sha, package_size=size, updated_at=audit.now()).where(
                OutboxRow.id == item_id
            ).execute()
        return self.item(item_id)

    def package_path(self, item_id: int) -> Path:
        return self.folder / f"{item_id}.zip"

    def record_receipt(self, item_id: int, receipt: dict[str, Any]) -> OutboxItem:
        """Store the server's receipt; the document becomes `synced` (audited)."""
        with self.catalog.db.atomic():
            row = OutboxRow.get_by_id(item_id)
            if receipt.get("sha256") != row.package_sha256:
                raise Refused(f"The receipt is for another package than outbox item {item_id}.",
                              code="outbox.receipt_mismatch", params={"item": item_id})
            OutboxRow.update(
                state=SyncState.SENT,
                receipt=json.dumps(receipt, sort_keys=True),
                error="",
                attempts=row.attempts + 1,
                updated_at=audit.now(),
            ).where(OutboxRow.id == item_id).execute()
            extra = {"server_id": receipt["server_id"], "package_sha256": row.package_sha256}
            workflow.record_synced(row.document, SYNC_USER, extra)
        with contextlib.suppress(FileNotFoundError):
            self.package_path(item_id).unlink()
        return self.item(item_id)

    def record_error(self, item_id: int, error: str, *, permanent: bool) -> OutboxItem:
        """Note a failed attempt; a permanent one (the server refused) stops retries."""
        state = SyncState.FAILED if permanent else SyncState.PENDING
        with self.catalog.db.atomic():
            OutboxRow.update(
                state=state,
                error=error[:2000],
                attempts=OutboxRow.attempts + 1,
                updated_at=audit.now(),
            ).where((OutboxRow.id == item_id) & (OutboxRow.state != SyncState.SENT)).execute()
        return self.item(item_id)

    def refuse(self, item_id: int, why: str) -> None:
        """Mark an item the station will not send; its package file is deleted."""
        with self.catalog.db.atomic():
            row = OutboxRow.get_by_id(item_id)
            OutboxRow.update(state=SyncState.REFUSED, error=why, updated_at=audit.now()).where(
                OutboxRow.id == item_id
            ).execute()
            audit.append(SYNC_USER, "sync-refused", "document", row.document.uuid, {"why": why})
        with contextlib.suppress(FileNotFoundError):
            self.package_path(item_id).unlink()

    def retry_failed(self) -> int:
        """Put every failed item back to pending (after the cause was fixed)."""
        with self.catalog.db.atomic():
            return int(
                OutboxRow.update(state=SyncState.PENDING, error="")
                .where(OutboxRow.state == SyncState.FAILED)
                .execute()
            )
