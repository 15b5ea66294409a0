"""Domain values the catalog hands out: frozen dataclasses, never database rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """What a user may do; one person may hold several roles."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    SIGNER = "signer"
    ADMIN = "admin"


class State(StrEnum):
    """A document's workflow state."""

    SCANNED = "scanned"
    INDEXED = "indexed"
    APPROVED = "approved"
    REJECTED = "rejected"
    SIGNED = "signed"
    SYNCED = "synced"


@dataclass(frozen=True)
class Organisation:
    """The office that owns the catalog."""

    name: str
    code: str
    profile: str


@dataclass(frozen=True)
class User:
    """A person who works at the station."""

    name: str
    roles: frozenset[Role]
    full_name: str = ""
    disabled: bool = False  # may not sign in or act
    must_change_password: bool = False  # an admin set a temporary password


@dataclass(frozen=True)
class Hoso:
    """A hồ sơ (file / dossier): its code, profile and validated metadata."""

    uuid: str
    file_code: str
    title: str
    profile: str
    metadata: dict[str, Any]
    secret: bool
    created_at: str


@dataclass(frozen=True)
class FileVersion:
    """One stored version of a document's PDF; a new version never overwrites an old one."""

    version: int
    sha256: str
    size: int
    kind: str  # scan | signed
    created_at: str


@dataclass(frozen=True)
class Document:
    """A văn bản in a hồ sơ, with its workflow state and file versions (newest last)."""

    uuid: str
    hoso_code: str
    number: int
    doc_code: str
    file_name: str
    metadata: dict[str, Any]
    state: State
    reason: str
    secret: bool
    clerk: str
    batch: str | None
    page_count: int
    files: tuple[FileVersion, ...]
    created_at: str
    duplicate_of: tuple[str, ...] = ()

    @property
    def current(self) -> FileVersion:
        return self.files[-1]


@dataclass(frozen=True)
class Batch:
    """A scan batch: who scanned, when, on which device, with which settings."""

    uuid: str
    clerk: str
    device: str
    settings: dict[str, Any]
    started_at: str
    documents: int = 0


@dataclass(frozen=True)
class SearchFilters:
    """Optional filters for a search; dates are ISO (YYYY-MM-DD)."""

    type_name: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    hoso: str | None = None
    state: State | None = None
    clerk: str | None = None


@dataclass(frozen=True)
class SearchHit:
    """One search result, best first."""

    doc_code: str
    uuid: str
    hoso_code: str
    subject: str
    type_name: str
    issued_date: str
    state: State
    secret: bool
    score: float


@dataclass(frozen=True)
class AuditEntry:
    """One line of the hash-chained audit log."""

    seq: int
    at: str
    user: str
    action: str
    entity: str
    entity_id: str
    data: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""


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
