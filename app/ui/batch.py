"""The strip's content as data (no Qt): pages in order, split markers, undo."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from app.pipeline.interactive import ScanPage


@dataclass(frozen=True)
class StripState:
    """Pages in order; `splits` holds the ids of pages that start a new document."""

    pages: tuple[ScanPage, ...] = ()
    splits: frozenset[str] = frozenset()

    def documents(self) -> list[list[ScanPage]]:
        """The pages cut at the split markers."""
        docs: list[list[ScanPage]] = []
        for page in self.pages:
            if not docs or page.id in self.splits:
                docs.append([])
            docs[-1].append(page)
        return docs


class Batch:
    """The clerk's pages; every clerk action can be undone, arrivals and OCR cannot."""

    def __init__(self) -> None:
        self._state = StripState()
        self._undo: list[StripState] = []
        self.on_change: Callable[[StripState], None] | None = None  # the batch journal

    @property
    def state(self) -> StripState:
        return self._state

    @state.setter
    def state(self, state: StripState) -> None:
        self._state = state
        if self.on_change is not None:
            self.on_change(state)

    def _do(self, state: StripState) -> None:
        self._undo.append(self.state)
        self.state = state

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        if self._undo:
            self.state = self._undo.pop()

    def index(self, page_id: str) -> int:
        return next(i for i, p in enumerate(self.state.pages) if p.id == page_id)

    def arrived(self, page: ScanPage, at: int | None = None) -> None:
        pages = list(self.state.pages)
        pages.insert(len(pages) if at is None else at, page)
        self.state = replace(self.state, pages=tuple(pages))

    def refreshed(self, page: ScanPage) -> None:
        """A page came back from OCR: update it where it is (if the clerk kept it)."""
        pages = tuple(
            page if p.id == page.id and p.geometry == page.geometry else p
            for p in self.state.pages
        )
        self.state = replace(self.state, pages=pages)

    def replace_page(self, page: ScanPage) -> None:
        """A clerk's edit of a page (rotate, crop, rescan in place)."""
        self.replace_pages([page])

    def replace_pages(self, edited: list[ScanPage]) -> None:
        """A clerk's edit of several pages at once (one undo step)."""
        by_id = {p.id: p for p in edited}
        self._do(replace(self.state, pages=tuple(by_id.get(p.id, p) for p in self.state.pages)))

    def insert(self, at: int, page: ScanPage) -> None:
        pages = list(self.state.pages)
        pages.insert(at, page)
        self._do(replace(self.state, pages=tuple(pages)))

    def delete(self, page_ids: Collection[str]) -> None:
        """Take these pages off the strip (one undo step)."""
        pages = tuple(p for p in self.state.pages if p.id not in page_ids)
        self._do(StripState(pages, self.state.splits - set(page_ids)))

    def move(self, page_ids: Collection[str], step: int) -> None:
        """Move these pages one place earlier (`step` -1) or later (+1), each run of them as a
        block; a run already at that end stays."""
        ids = [p.id for p in self.state.pages]
        order = range(len(ids)) if step < 0 else range(len(ids) - 1, -1, -1)
        for i in order:
            j = i + step
            if ids[i] in page_ids and 0 <= j < len(ids) and ids[j] not in page_ids:
                ids[i], ids[j] = ids[j], ids[i]
        self.reorder(ids)

    def cut(self, documents: list[list[str]]) -> None:
        """The strip as these documents (page ids; pages left out are removed, as separator
        sheets are): each starts a new document, the split markers inside them stay."""
        by_id = {p.id: p for p in self.state.pages}
        pages = tuple(by_id[i] for doc in documents for i in doc)
        kept = {p.id for p in pages}
        starts = {doc[0] for doc in documents[1:] if doc}
        self._do(StripState(pages, (self.state.splits & kept) | starts))

    def reorder(self, ids: list[str]) -> None:
        by_id = {p.id: p for p in self.state.pages}
        if ids != [p.id for p in self.state.pages] and set(ids) == set(by_id):
            self._do(replace(self.state, pages=tuple(by_id[i] for i in ids)))

    def toggle_split(self, page_id: str) -> None:
        """Start a new document at this page, or merge it back into the one before."""
        self._do(replace(self.state, splits=self.state.splits ^ {page_id}))

    def add(self, pages: list[ScanPage], splits: frozenset[str] = frozenset()) -> None:
        """Pages put back with their edits after those here; `splits`: the ids among them that
        start a new document (the first always does when the strip had pages). Not undoable,
        and the undo history ends here (an undo must not take them off again)."""
        starts = splits | ({pages[0].id} if pages and self.state.pages else set())
        self.state = StripState(self.state.pages + tuple(pages), self.state.splits | starts)
        self._undo.clear()

    def load(self, pages: list[ScanPage]) -> None:
        """Start afresh with `pages` (a returned document opened for correction), no undo."""
        self.state = StripState(tuple(pages))
        self._undo.clear()

    def remove_filed(self, filed: list[ScanPage]) -> None:
        """Take a filed document's pages off the strip (not undoable: it is in the catalog)."""
        gone = {p.id for p in filed}
        pages = tuple(p for p in self.state.pages if p.id not in gone)
        splits = self.state.splits - gone
        if pages:
            splits = splits - {pages[0].id}
        self.state = StripState(pages, splits)
        self._undo.clear()
