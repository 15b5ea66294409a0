"""The desk's batches on disk: journalled, offered back after a crash, then removed."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.catalog import State
from app.catalog.errors import NotFound
from app.catalog.store import sha256_of
from app.pipeline import batches
from app.pipeline.batches import Copy, Interrupted
from app.pipeline.journal import Filing, Journal
from app.ui.session.base import SessionBase
from app.ui.session.filing import FLAGS_EVENT


class Recovery(SessionBase):
    """Batch folders beside the catalog (`batches/<uuid>`), each with its journal.

    A batch is journalled as the clerk works, offered back after a crash, and removed once the
    catalog holds its documents.
    """

    @property
    def batches_root(self) -> Path:
        return self.folder.parent / "batches"

    def new_journal(self) -> Journal:
        """A fresh batch folder for the signed-in clerk's pages, held until closed."""
        return Journal.create(self.batches_root / str(uuid.uuid4()), self.name)

    def copy_of(self, item: Filing) -> Copy:
        """Whether the catalog holds the document filed as `item`, with its stored file intact.

        A filing a kill cut between its steps (filed, not yet indexed) is completed on the way.
        """
        try:
            doc = self.catalog.document(item.doc)
        except NotFound:
            return Copy.ABSENT
        if doc.state is State.SCANNED:
            self.finish_filing(item)
        for version in doc.files:
            path = self.catalog.file_path(version.sha256)
            if (not item.sha256 or version.sha256 == item.sha256) and path.is_file() \
                    and sha256_of(path) == version.sha256:
                return Copy.VERIFIED
        return Copy.DAMAGED

    def finish_filing(self, item: Filing) -> None:
        """Complete a filing the catalog got: page flags recorded, the document indexed
        (each step skipped when already done, so a restart may run it again)."""
        doc = self.catalog.document(item.doc)
        if not any(e.action == FLAGS_EVENT for e in self.catalog.history(doc.doc_code)):
            self.catalog.record_event(doc.clerk, FLAGS_EVENT, "document", doc.uuid,
                                      {"pages": [sorted(f) for f in item.flags]})
        if doc.state is State.SCANNED:
            self.catalog.set_state(doc.doc_code, State.INDEXED, doc.clerk)

    def sweep_batches(self, retention_days: float, now: float | None = None) -> list[Interrupted]:
        """Tidy the batch folders; the signed-in clerk's interrupted batches, newest first."""
        found = batches.sweep(self.batches_root, self.copy_of, forget=self.catalog.drop_unfiled,
                              retention_days=retention_days, now=now,
                              still_returned=self._still_returned)
        return [item for item in found if item.state.user == self.name]

    def _still_returned(self, doc_uuid: str) -> bool:
        try:
            return self.catalog.document(doc_uuid).state is State.REJECTED
        except NotFound:
            return False

    def release_batch(self, journal: Journal) -> bool:
        """Remove the batch once nothing in it is unsaved and the catalog holds its documents
        (True); else let it go as it is, for the next start to look at again."""
        if batches.release(journal, self.copy_of):
            return True
        journal.close()
        return False

    def resume_batch(self, folder: Path) -> Journal:
        """Hold an interrupted batch again (BatchBusy when another desk holds it)."""
        return Journal.resume(folder)

    def discard_batch(self, folder: Path) -> None:
        """The clerk gave up an interrupted batch: its folder goes at once."""
        journal = Journal.resume(folder)
        journal.discard()
        batches.release(journal, self.copy_of)
