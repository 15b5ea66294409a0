"""The strip's batch folder and its journal (no Qt)."""

from __future__ import annotations

import logging
from pathlib import Path

from app.pipeline.batches import Interrupted, arrivals
from app.pipeline.interactive import PageSession, ScanPage
from app.pipeline.journal import Journal
from app.ui.batch import StripState
from app.ui.session import DeskSession

log = logging.getLogger(__name__)


class BatchFiles:
    """The folder the strip's pages are saved in, held by this desk, and its journal.

    Every change of the strip is written before the desk goes on; the folder goes once its documents
    are filed.
    """

    def __init__(self, session: DeskSession) -> None:
        self.session = session
        self.journal: Journal | None = None

    def folder(self) -> Path:
        """The current batch folder (a new one, journalled, for the first page of a batch)."""
        if self.journal is None:
            self.journal = self.session.new_journal()
        return self.journal.folder

    def record(self, state: StripState) -> None:
        """Journal the strip as it is now (called on every change of the strip)."""
        if self.journal is None:
            return
        try:
            self.journal.record([p.record for p in state.pages], state.splits)
        except (OSError, ValueError) as err:  # disk full, or a page from outside the batch
            log.error("batch %s: the strip's change is not journalled: %s",
                      self.journal.folder.name, err)

    def done(self) -> Journal | None:
        """The batch, let go, once nothing in it waits: no page in the strip, no filing under
        way, no page on disk the journal has not seen yet (a scan in flight). None otherwise."""
        journal = self.journal
        if journal is None:
            return None
        state = journal.state
        if not state.discarded and (state.pages or state.filing
                                    or arrivals(journal.folder, state)):
            return None
        self.journal = None
        return journal

    def release(self) -> bool:
        """Remove the folder when nothing in it waits and the catalog holds its documents
        (blocks: the desk runs `session.release_batch(done())` in the writer)."""
        journal = self.done()
        return journal is not None and self.session.release_batch(journal)

    def adopt(self, folder: Path) -> None:
        """Hold an interrupted batch again: the strip's changes go on in its journal
        (BatchBusy when another desk holds it)."""
        self.close()
        self.journal = self.session.resume_batch(folder)

    def discard(self) -> Journal | None:
        """Give the current batch up (a returned document put back), let go: its folder
        goes with `session.release_batch`."""
        if self.journal is not None:
            self.journal.discard()
        return self.done()

    def close(self) -> None:
        """Let the batch go without removing it (another start offers it back)."""
        if self.journal is not None:
            self.journal.close()
            self.journal = None


def read_back(found: Interrupted, reader: PageSession) -> tuple[list[ScanPage], frozenset[str],
                                                                int]:
    """An interrupted batch's pages as the clerk left them (their edits applied; pages the
    scanner saved but the journal never saw, cleaned up anew), the document starts, and how
    many pages could not be read (blocks)."""
    pages, lost = [], len(found.missing)
    for record in found.pages:
        try:
            pages.append(reader.restore(record))
        except Exception as err:  # a damaged file loses that page only
            log.warning("page %s of batch %s not restored: %s", record.id, found.folder.name,
                        err)
            lost += 1
    for raw in found.arrivals:
        try:
            pages.append(reader.arrive(raw))
        except Exception as err:
            log.warning("page %s of batch %s not restored: %s", raw.path.name,
                        found.folder.name, err)
            lost += 1
    kept = {p.id for p in pages}
    return pages, frozenset(found.state.splits & kept), lost
