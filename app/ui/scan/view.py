"""The clerk's desk: scan, see each page at once, fix pages, key the metadata, file."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.catalog.models import Document
from app.pipeline.interactive import Prefill, ScanPage
from app.ui.desk import Desk
from app.ui.handover import Handed
from app.ui.scan.bulk import BulkTools
from app.ui.scan.controls import ScanControls
from app.ui.scan.filing import FilingPanel
from app.ui.scan.flow import PageFlow
from app.ui.scan.pane import PagePane
from app.ui.scan.recovery import BatchKeeper
from app.ui.scan.strip import PageStrip
from app.ui.scan.tools import PageTools


class ScanView(QWidget):
    """Composes the scan controls, preview and page tools, filing panel and page strip, and
    carries pages between them; filing and correcting a returned document live here."""

    page_shown = Signal(float)  # ms from the scanner's hand-over to the thumbnail in the strip
    filed = Signal(object)  # the Document just filed

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.correcting: Document | None = None  # a returned document open for correction
        self._prefilled_from: str | None = None  # the page whose fields were last read
        self._filed_ids: list[str] = []  # its pages as they were filed
        self.flow = PageFlow(desk, self)
        self.strip = PageStrip()
        self.keeper = BatchKeeper(desk, self.strip.batch, self)
        self.controls = ScanControls(desk, self.keeper.files)
        self.pane = PagePane(desk)
        self.tools = PageTools(self.strip)
        self.bulk = BulkTools(desk, self.strip, self.tools, self.flow)
        self.filing = FilingPanel(desk)
        self._layout()
        self._wire()
        self.retranslate()
        self.controls.refresh_devices()
        self.filing.refresh_hoso()
        self.filing.refresh_queue()
        self.keeper.offer(self)

    def _layout(self) -> None:
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.addWidget(self.pane, 1)
        left.addWidget(self.tools)
        left.addWidget(self.bulk)
        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(self.filing)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(split, 1)
        layout.addWidget(self.strip)
        self.tools.sync()
        self.bulk.sync()

    def _wire(self) -> None:
        self.controls.handed.connect(self._arrived)
        self.controls.message.connect(self.filing.message.setText)
        self.tools.message.connect(self.filing.message.setText)
        self.flow.failed.connect(self.filing.message.setText)
        self.flow.read_done.connect(self._read_done)
        self.flow.prefilled.connect(self._prefilled)
        self.strip.changed.connect(lambda: self.pane.show_page(self.strip.current_page()))
        self.strip.changed.connect(self._prefill)
        self.pane.corner_moved.connect(self.tools.move_corner)
        self.pane.step_wanted.connect(self.strip.step)
        self.tools.edited.connect(self.flow.read)
        self.tools.rescan_wanted.connect(
            lambda page_id: self.controls.start_scan(max_pages=1, replacing=page_id))
        self.tools.insert_wanted.connect(lambda at: self.controls.start_scan(max_pages=1, at=at))
        self.filing.save_wanted.connect(self.save)
        self.filing.put_back_wanted.connect(self.put_back)
        self.filing.correct_wanted.connect(self.correct)
        self.keeper.restored.connect(self._restored)
        for editor in self.filing.form.editors.values():
            editor.line.editingFinished.connect(self._keyed)
        self.keeper.message.connect(self.filing.message.setText)
        self.filing.peek_wanted.connect(self.peek)

    def retranslate(self) -> None:
        """Every fixed text, in the current language (also after a switch in Settings)."""
        self.controls.retranslate()
        self.pane.retranslate()
        self.tools.retranslate()
        self.bulk.retranslate()
        self.filing.retranslate()
        self.strip.redraw()

    # a page's way in

    def _arrived(self, handed: Handed, at: int | None, replacing: str | None) -> None:
        task = self.flow.clean(handed)
        task.signals.done.connect(lambda page: self._cleaned(page, handed.at, at, replacing))

    def _cleaned(self, page: ScanPage, handed_at: float, at: int | None,
                 replacing: str | None) -> None:
        if replacing is not None:
            page = replace(page, id=replacing)
            self.strip.replace_page(page)
        elif at is not None:
            self.strip.insert(at, page)
        else:
            self.strip.arrived(page)
        self.page_shown.emit((time.perf_counter() - handed_at) * 1000.0)
        self.flow.read(page)

    def _read_done(self, page: ScanPage) -> None:
        self.strip.refreshed(page)
        if page.id == self._prefilled_from:  # read again (turned, cropped): its fields too
            self._prefilled_from = None
        self._prefill()

    def _first_page(self) -> tuple[ScanPage, int] | None:
        """The page the form is filled from: the first document's first page that is not
        blank (a blank sheet or back side scanned first), and the document's page count;
        None while it has no such page."""
        docs = self.strip.batch.state.documents()
        page = next((p for p in docs[0] if "blank" not in p.flags), None) if docs else None
        return (page, len(docs[0])) if page is not None else None

    def _prefill(self) -> None:
        """Read the fields of the first document's first page once it is read, and again
        whenever another page becomes that page (blank pages deleted, pages moved, filed)."""
        first = self._first_page()
        if (first is None or first[0].ocr is None or self.correcting is not None
                or first[0].id == self._prefilled_from):
            return
        self._prefilled_from = first[0].id
        self.flow.prefill(*first)

    def _prefilled(self, page_id: str, found: Prefill) -> None:
        first = self._first_page()
        if first is not None and first[0].id == page_id and self.correcting is None:
            self.filing.form.set_values(found.values, prefilled=True, why=found.why)

    def _keyed(self) -> None:
        """What the clerk typed (not what OCR offered) goes in the batch's journal."""
        form = self.filing.form
        self.keeper.keyed({tag: e.value() for tag, e in form.editors.items()
                           if not e.prefilled and e.value() not in ("", [])})

    def _restored(self, pages: list[ScanPage], splits: frozenset[str], doc: Document | None,
                  keyed: dict[str, Any]) -> None:
        """An interrupted batch back in the strip (a returned document's: in correction), with
        the fields the clerk had typed."""
        if doc is not None:
            self._set_correcting(doc, [])
            self.filing.show_document(doc)
        self.filing.form.set_values(keyed)
        self.strip.add_pages(pages, splits)
        for page in pages:
            self.flow.read(page)

    # a returned document

    def peek(self, doc: Document) -> None:
        """Show a returned document's filed pages in the viewer (before opening it)."""
        task = self.desk.pools.run(lambda r: self.desk.session.file_of(doc), name="peek")
        task.signals.done.connect(self.pane.show_pdf)
        task.signals.failed.connect(self.filing.message.setText)

    def _set_correcting(self, doc: Document | None, filed_ids: list[str]) -> None:
        self.correcting, self._filed_ids = doc, filed_ids
        self.keeper.correcting(doc)
        self.tools.correcting = doc is not None
        self.filing.put_back_button.setVisible(doc is not None)
        self.tools.sync()
        self.bulk.sync()

    def correct(self, doc: Document) -> None:
        """Open a returned document: its metadata in the form, its filed pages in the strip."""
        if self.strip.pages() and self.correcting is None:
            self.filing.message.setText(self.tr("File or delete the pages in the strip first, "
                                                "then open the returned document."))
            return
        self._set_correcting(doc, [])
        self.strip.load([])
        self.filing.show_document(doc)
        self.filing.message.setText(self.tr("Correcting %1 — sent back: %2. Rescan or fix "
                                            "pages, correct the fields, then save.")
                                    .replace("%1", doc.doc_code).replace("%2", doc.reason))
        folder = self.controls.batch_folder()
        self.keeper.correcting(doc)  # journalled before its pages are: never filed anew
        task = self.desk.pools.run(lambda r: self.desk.session.filed_pages(doc, folder),
                                   name="filed-pages")
        task.signals.done.connect(lambda pages: self._correcting_pages(doc, pages))
        task.signals.failed.connect(self.filing.message.setText)
        self.desk.status.track(task, self.tr("Opening the returned document…"),
                               cancellable=False)

    def _correcting_pages(self, doc: Document, pages: list[ScanPage]) -> None:
        if self.correcting is None or self.correcting.uuid != doc.uuid:
            return
        self._set_correcting(doc, [p.id for p in pages])
        self.strip.load(pages)
        for page in pages:
            self.flow.read(page)

    def put_back(self) -> None:
        """Close the returned document without filing anything (it stays in the queue)."""
        self._set_correcting(None, [])
        self.strip.load([])
        self.keeper.release(discard=True)
        self.filing.form.clear()
        self.filing.message.clear()

    # filing

    def save(self) -> None:
        """Check the form; file the first document of the strip (or the corrected one)."""
        say = self.filing.message.setText
        hoso = self.filing.chosen_hoso()
        if hoso is None:
            say(self.tr("Choose or create the hồ sơ first."))
            return
        if self.filing.form.check(inherited=hoso.metadata) is None:
            say(self.tr("Fix the fields marked in red."))
            return
        values = self.filing.form.values()
        session, reader = self.desk.session, self.flow.reader
        if self.correcting is not None:
            code, pages = self.correcting.doc_code, list(self.strip.pages())
            if not pages:
                say(self.tr("A document needs at least one page: scan it again, or put it "
                            "back."))
                return
            if [p.id for p in pages] == self._filed_ids and all(p.as_filed for p in pages):
                task = self.desk.pools.run(lambda r: session.resubmit(code, values),
                                           write=True, name="resubmit")
            else:
                task = self.desk.pools.run(
                    lambda r: session.rescan(code, pages, values, reader),
                    write=True, name="rescan")
        else:
            docs = self.strip.batch.state.documents()
            if not docs:
                say(self.tr("Scan the pages first."))
                return
            pages, batch, journal = docs[0], self.controls.batch_uuid, self.keeper.files.journal
            task = self.desk.pools.run(
                lambda r: session.file_document(pages, values, hoso.file_code, batch, reader,
                                                journal),
                write=True, name="file")
        task.signals.done.connect(lambda doc: self._filed(doc, pages))
        task.signals.failed.connect(say)
        self.filing.save_button.setEnabled(False)
        task.signals.ended.connect(lambda: self.filing.save_button.setEnabled(True))
        self.desk.status.track(task, self.tr("Filing the document…"), cancellable=False)

    def _filed(self, doc: Document, pages: list[ScanPage]) -> None:
        self._set_correcting(None, [])
        self.strip.batch.remove_filed(pages)
        self.strip.redraw()
        self.filing.form.clear()
        self.filing.message.setText(self.tr("Filed as %1.").replace("%1", doc.doc_code))
        self._prefilled_from = None
        self._prefill()
        self.filing.refresh_queue()
        self.keeper.keyed({})
        if not self.strip.pages() and self.controls.scan_task is None:
            self.keeper.release()
        self.filed.emit(doc)
