"""The desk's filing: hồ sơ, scan batches, documents written from pages, rescans."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.catalog import Document, SearchFilters, State
from app.catalog.models import Batch, Hoso
from app.catalog.store import sha256_of
from app.catalog.text import nfc_deep
from app.pipeline.interactive import PageSession, ScanPage
from app.pipeline.journal import Filing as Filed
from app.pipeline.journal import Journal
from app.pipeline.refile import filed_pages
from app.ui.session.base import ALL_LIMIT, SessionBase

FLAGS_EVENT = "page-flags"  # audit action holding each page's clean-up flags at filing time


class Filing(SessionBase):
    """What the clerk files: hồ sơ, batches, documents, and documents sent back."""

    def list_hoso(self) -> list[Hoso]:
        return self.catalog.list_hoso()

    def create_hoso(self, meta: Mapping[str, Any]) -> Hoso:
        return self.catalog.create_hoso(nfc_deep(dict(meta)), self.name)

    def start_batch(self, device: str, settings: Mapping[str, Any]) -> Batch:
        return self.catalog.start_batch(self.name, device, settings)

    def file_document(self, pages: list[ScanPage], meta: Mapping[str, Any], hoso: str,
                      batch: str | None, reader: PageSession,
                      journal: Journal | None = None) -> Document:
        """Write the pages as one PDF/A, file it in `hoso` and mark it indexed.

        With a `journal`, the filing is recorded before the catalog is called (the document's
        UUID chosen here) and after it: a kill at any point files it once or not at all.
        """
        with self.catalog.store.workdir() as tmp:
            pdf = reader.write(pages, tmp / "document.pdf", str(meta.get("subject", "")))
            item = Filed(str(uuid.uuid4()), tuple(p.id for p in pages), sha256_of(pdf),
                         tuple(tuple(sorted(p.flags)) for p in pages))
            if journal is not None:
                journal.filing(item)
            try:
                doc = self.catalog.add_document(pdf, nfc_deep(dict(meta)), self.name, batch,
                                                hoso=hoso, doc_uuid=item.doc)
            except Exception:
                if journal is not None:
                    journal.not_filed(item.doc)
                raise
        self._record_flags(doc.uuid, pages)
        doc = self.catalog.set_state(doc.doc_code, State.INDEXED, self.name)
        if journal is not None:
            journal.filed(item)
        return doc

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
               reader: PageSession) -> Document:
        """File a returned document's pages as its next version (same document, same code),
        with its corrected metadata, and send it back for review."""
        self.catalog.update_metadata(doc_code, nfc_deep(dict(changes)), self.name)
        with self.catalog.store.workdir() as tmp:
            pdf = reader.write(pages, tmp / "document.pdf", str(changes.get("subject", "")))
            doc = self.catalog.replace_scan(doc_code, pdf, self.name)
        self._record_flags(doc.uuid, pages)
        return self.catalog.set_state(doc_code, State.INDEXED, self.name)
