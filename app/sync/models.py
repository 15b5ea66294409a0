"""Values of the sync side: outbox items (a document version to send) and receipts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SyncState(StrEnum):
    """Where an outbox item is."""

    PENDING = "pending"  # waiting to be sent (again)
    SENT = "sent"  # the server acknowledged it; `receipt` holds its answer
    FAILED = "failed"  # the server refused it; `error` says why (retried only on request)
    REFUSED = "refused"  # the station refused to send it (a state secret, or not signed)


@dataclass(frozen=True)
class OutboxItem:
    """One document version in the outbox, with its package, attempts, error and receipt."""

    id: int
    doc_uuid: str
    doc_code: str
    version_key: str
    state: SyncState
    package_sha256: str
    package_size: int
    attempts: int
    error: str
    receipt: dict[str, Any] = field(default_factory=dict)
    updated_at: str = ""
    created_at: str = ""  # when it was queued (ISO 8601 with offset)

    @property
    def server_id(self) -> str:
        return str(self.receipt.get("server_id", ""))
