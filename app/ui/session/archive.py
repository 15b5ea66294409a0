"""The desk's archive: documents to sign, search and the document view, the sync status."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.catalog import Document, SearchFilters, SearchHit, State
from app.catalog.models import AuditEntry, SyncState
from app.errors import UsageError
from app.sync import credentials
from app.ui.session.base import ALL_LIMIT, SessionBase


@dataclass(frozen=True)
class SyncStatus:
    """The upward sync as the status bar shows it."""

    server: str  # "" while the station is not enrolled
    waiting: int  # documents queued to go upward
    failed: int  # refused by the server; retried on request
    sent: int


class Archive(SessionBase):
    """Filed documents as the signer, the search and the status bar see them."""

    def approved(self) -> list[Document]:
        hits = self.catalog.search("", SearchFilters(state=State.APPROVED), ALL_LIMIT)
        return [self.catalog.document(h.doc_code) for h in hits]

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
