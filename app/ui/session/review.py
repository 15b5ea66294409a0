"""The desk's review: what the supervisor checks, approves or sends back, and the day's figures."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from app.catalog import Document, SearchFilters, State
from app.ui.session.base import ALL_LIMIT, SessionBase
from app.ui.session.filing import FLAGS_EVENT


@dataclass(frozen=True)
class ReviewItem:
    """A document as the supervisor reviews it, with what deserves a look."""

    document: Document
    flags: tuple[str, ...]  # blank_page, page_count, low_quality, missing_metadata, rescanned


@dataclass(frozen=True)
class ClerkDay:
    """One clerk's output over the chosen days."""

    clerk: str
    pages: int = 0
    documents: int = 0
    rejections: int = 0


class Review(SessionBase):
    """The supervisor's review of filed documents."""

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
        rescanned = False
        for entry in self.catalog.history(doc.doc_code):
            if entry.action == FLAGS_EVENT:
                pages = entry.data.get("pages", [])
            rescanned = rescanned or entry.action == "rescan"
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
        if rescanned:
            flags.append("rescanned")
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


def _day(stamp: str) -> datetime.date:
    return datetime.datetime.fromisoformat(stamp).date()
