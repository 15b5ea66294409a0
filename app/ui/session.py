"""The desk's facade over the core: the open catalog, who is signed in, and what screens ask.

Everything here is plain Python (no Qt) and may block: screens call it through workers.
"""

from __future__ import annotations

import datetime
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog import Catalog, Document, SearchFilters, SearchHit, State, profiles
from app.catalog.models import AuditEntry, Batch, Hoso, Organisation, Role, User
from app.catalog.text import nfc_deep
from app.errors import UsageError
from app.ocr.base import OcrEngine
from app.sync import credentials
from app.sync.models import SyncState
from app.ui.processing import ScanPage, write_document
from app.ui.refile import filed_pages

FLAGS_EVENT = "page-flags"  # audit action holding each page's clean-up flags at filing time
ALL_LIMIT = 5000


@dataclass(frozen=True)
class ReviewItem:
    """A document as the supervisor reviews it, with what deserves a look."""

    document: Document
    flags: tuple[str, ...]  # blank_page, page_count, low_quality, missing_metadata


@dataclass(frozen=True)
class ClerkDay:
    """One clerk's output over the chosen days."""

    clerk: str
    pages: int = 0
    documents: int = 0
    rejections: int = 0


@dataclass(frozen=True)
class SyncStatus:
    """The upward sync as the status bar shows it."""

    server: str  # "" while the station is not enrolled
    waiting: int  # documents queued to go upward
    failed: int  # refused by the server; retried on request
    sent: int


@dataclass
class DeskSession:
    """The catalog folder, the open catalog and the signed-in user."""

    folder: Path
    catalog: Catalog = field(init=False)
    user: User | None = None

    def __post_init__(self) -> None:
        self.catalog = Catalog.open(self.folder)

    def close(self) -> None:
        self.catalog.close()

    # organisation and users

    def needs_first_run(self) -> bool:
        return not self._has_organisation()

    def _has_organisation(self) -> bool:
        try:
            self.catalog.organisation()
        except Exception:
            return False
        return True

    def first_run(self, org_name: str, org_code: str, profile: str, admin: str,
                  password: str, full_name: str = "") -> User:
        """Record the office and its first admin (who may also scan, review and sign)."""
        self.catalog.init_organisation(org_name, org_code, profile)
        roles = [Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.SIGNER]
        return self.catalog.add_user(admin, roles, password, full_name=full_name)

    def sign_in(self, name: str, password: str) -> User:
        self.user = self.catalog.authenticate(name, password)
        return self.user

    def add_user(self, name: str, roles: list[Role], password: str, full_name: str = "") -> User:
        return self.catalog.add_user(name, roles, password, full_name=full_name, by=self.name)

    @property
    def name(self) -> str:
        assert self.user is not None, "nobody is signed in"
        return self.user.name

    def has(self, role: Role) -> bool:
        return self.user is not None and role in self.user.roles

    def organisation(self) -> Organisation:
        return self.catalog.organisation()

    def profile(self) -> profiles.Profile:
        return profiles.load(self.organisation().profile)

    # scanning and filing

    def list_hoso(self) -> list[Hoso]:
        return self.catalog.list_hoso()

    def create_hoso(self, meta: Mapping[str, Any]) -> Hoso:
        return self.catalog.create_hoso(nfc_deep(dict(meta)), self.name)

    def start_batch(self, device: str, settings: Mapping[str, Any]) -> Batch:
        return self.catalog.start_batch(self.name, device, settings)

    def file_document(self, pages: list[ScanPage], meta: Mapping[str, Any], hoso: str,
                      batch: str | None, engine: OcrEngine) -> Document:
        """Write the pages as one PDF/A, file it in `hoso` and mark it indexed."""
        with tempfile.TemporaryDirectory(prefix="scanstation-desk-") as tmp:
            pdf = write_document(pages, Path(tmp) / "document.pdf", str(meta.get("subject", "")),
                                 engine)
            doc = self.catalog.add_document(pdf, nfc_deep(dict(meta)), self.name, batch,
                                            hoso=hoso)
        self._record_flags(doc.uuid, pages)
        return self.catalog.set_state(doc.doc_code, State.INDEXED, self.name)

    def _record_flags(self, doc_uuid: str, pages: list[ScanPage]) -> None:
        self.catalog.record_event(self.name, FLAGS_EVENT, "document", doc_uuid,
                                  {"pages": [sorted(p.flags) for p in pages]})

    def my_queue(self) -> list[Document]:
        """The signed-in clerk's documents sent back by the supervisor."""
        hits = self.catalog.search("", SearchFilters(state=State.REJECTED, clerk=self.name),
                                   ALL_LIMIT)
        return [self.catalog.document(h.doc_code) for h in hits]

    def resubmit(self, doc_code: str, changes: Mapping[str, Any]) -> Document:
        """Correct a rejected document's metadata and send it back for review (same identity)."""
        self.catalog.update_metadata(doc_code, nfc_deep(dict(changes)), self.name)
        return self.catalog.set_state(doc_code, State.INDEXED, self.name)

    def filed_pages(self, doc: Document, folder: Path) -> list[ScanPage]:
        """A returned document's pages for the strip (saved to the recovery `folder`)."""
        return filed_pages(self.file_of(doc), folder)

    def rescan(self, doc_code: str, pages: list[ScanPage], changes: Mapping[str, Any],
               engine: OcrEngine) -> Document:
        """File a returned document's pages as its next version (same document, same code),
        with its corrected metadata, and send it back for review."""
        self.catalog.update_metadata(doc_code, nfc_deep(dict(changes)), self.name)
        with tempfile.TemporaryDirectory(prefix="scanstation-desk-") as tmp:
            pdf = write_document(pages, Path(tmp) / "document.pdf",
                                 str(changes.get("subject", "")), engine)
            doc = self.catalog.replace_scan(doc_code, pdf, self.name)
        self._record_flags(doc.uuid, pages)
        return self.catalog.set_state(doc_code, State.INDEXED, self.name)

    # review

    def review_items(self, first: datetime.date, last: datetime.date,
                     clerk: str | None = None) -> list[ReviewItem]:
        """Documents filed between `first` and `last` (inclusive), oldest first, with flags."""
        hits = self.catalog.search("", SearchFilters(clerk=clerk or None), ALL_LIMIT)
        items = []
        for hit in hits:
            doc = self.catalog.document(hit.doc_code)
            if first <= _day(doc.created_at) <= last:
                items.append(ReviewItem(doc, self._flags(doc)))
        return sorted(items, key=lambda i: i.document.created_at)

    def _flags(self, doc: Document) -> tuple[str, ...]:
        pages: list[list[str]] = []
        for entry in self.catalog.history(doc.doc_code):
            if entry.action == FLAGS_EVENT:
                pages = entry.data.get("pages", [])
        seen = {f for page in pages for f in page}
        flags = []
        if "blank" in seen or doc.page_count == 0:
            flags.append("blank_page")
        keyed = doc.metadata.get("numberOfPage")
        if keyed is not None and int(keyed) != doc.page_count:
            flags.append("page_count")
        if seen & {"low_dpi", "blurry", "cut_off", "no_outline", "too_dark", "too_light"}:
            flags.append("low_quality")
        if not (doc.metadata.get("codeNumber") and doc.metadata.get("codeNotation")):
            flags.append("missing_metadata")
        return tuple(flags)

    def approve(self, doc_code: str) -> Document:
        return self.catalog.set_state(doc_code, State.APPROVED, self.name)

    def reject(self, doc_code: str, reason: str) -> Document:
        return self.catalog.set_state(doc_code, State.REJECTED, self.name, reason=reason)

    def summary(self, first: datetime.date, last: datetime.date) -> list[ClerkDay]:
        """Pages, documents and rejections per clerk for documents filed in the range."""
        pages: Counter[str] = Counter()
        docs: Counter[str] = Counter()
        rejected: Counter[str] = Counter()
        for item in self.review_items(first, last):
            doc = item.document
            pages[doc.clerk] += doc.page_count
            docs[doc.clerk] += 1
            rejected[doc.clerk] += sum(
                1 for e in self.catalog.history(doc.doc_code) if e.data.get("to") == "rejected"
            )
        return [ClerkDay(c, pages[c], docs[c], rejected[c]) for c in sorted(docs)]

    def clerks(self) -> list[str]:
        return sorted({b.clerk for b in self.catalog.list_batches()})

    # signing

    def approved(self) -> list[Document]:
        hits = self.catalog.search("", SearchFilters(state=State.APPROVED), ALL_LIMIT)
        return [self.catalog.document(h.doc_code) for h in hits]

    def file_of(self, doc: Document) -> Path:
        return self.catalog.file_path(doc.current.sha256)

    def record_signed(self, doc_code: str, signed_pdf: Path) -> Document:
        return self.catalog.record_signed(doc_code, signed_pdf, self.name)

    # search and the document view

    def search(self, query: str, filters: SearchFilters, limit: int = 200) -> list[SearchHit]:
        return self.catalog.search(query, filters, limit)

    def document(self, key: str) -> Document:
        return self.catalog.document(key)

    def history(self, key: str) -> list[AuditEntry]:
        return self.catalog.history(key)

    def page_texts(self, key: str) -> list[str]:
        return self.catalog.page_texts(key)

    # status

    def sync_status(self) -> SyncStatus:
        """The outbox counts and the server this station is enrolled with ("" if none)."""
        counts = self.catalog.outbox.summary()
        try:
            server = credentials.load(self.folder).server
        except UsageError:
            server = ""
        return SyncStatus(server, counts[SyncState.PENDING], counts[SyncState.FAILED],
                          counts[SyncState.SENT])


def _day(stamp: str) -> datetime.date:
    return datetime.datetime.fromisoformat(stamp).date()
