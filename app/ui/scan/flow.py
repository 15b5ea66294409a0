"""A page's way through the workers: clean-up (`clean` pool), OCR (`ocr`), fields (`general`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.pipeline.interactive import PageSession, ScanPage
from app.ui.desk import Desk
from app.ui.handover import Handed
from app.ui.workers import Task


class PageFlow(QObject):
    """Starts each step in its pool; results come back in the GUI thread through the signals."""

    read_done = Signal(object)  # the ScanPage with its OCR
    prefilled = Signal(str, object)  # the first page's id, the fields read from it
    failed = Signal(str)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk

    @property
    def reader(self) -> PageSession:
        """The page pipeline with the OCR engine chosen in Settings (a change applies to the next
        page read); read it in the GUI thread: QSettings stays there."""
        return PageSession.reading(self.desk.prefs.ocr)

    def clean(self, handed: Handed) -> Task:
        """Find the page's outline and render its thumbnail; `done` carries the ScanPage."""
        reader = self.reader
        task = self.desk.pools.run(lambda r: reader.arrive(handed.raw, handed.pixels),
                                   pool="clean", name="clean")
        task.signals.failed.connect(self.failed)
        return task

    def read(self, page: ScanPage) -> None:
        reader = self.reader
        task = self.desk.pools.run(lambda r: reader.read(page), pool="ocr", name="ocr")
        task.signals.done.connect(self.read_done)
        task.signals.failed.connect(self.failed)

    def prefill(self, first: ScanPage, pages: int) -> None:
        """Read a document's fields from its first page (already read by OCR)."""
        reader = self.reader
        task = self.desk.pools.run(lambda r: reader.fields(first, pages), name="prefill")
        task.signals.done.connect(lambda values: self.prefilled.emit(first.id, values))
