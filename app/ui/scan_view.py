"""The clerk's desk: scan, see each page at once, fix pages, key the metadata, file."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import asdict, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import Document, Hoso
from app.pipeline.interactive import PageSession, ScanPage
from app.scanner.base import DeviceInfo, ScanSettings
from app.scanner.driver import DriverStopped
from app.scanner.factory import list_devices, open_scanner
from app.ui.batch import Batch
from app.ui.desk import Desk
from app.ui.handover import Handed, HandingFolder
from app.ui.help import ShortcutsDialog
from app.ui.hoso_dialog import HosoDialog
from app.ui.index_form import IndexForm
from app.ui.page_strip import PageStrip
from app.ui.preview import Preview
from app.ui.workers import Reporter, Task

log = logging.getLogger(__name__)
TOOLS = ("left", "right", "delete", "rescan", "insert", "split", "undo")


class ScanView(QWidget):
    """Device and profile, the page strip and preview, the indexing form, the clerk's queue."""

    page_shown = Signal(float)  # ms from the scanner's hand-over to the thumbnail in the strip
    filed = Signal(object)  # the Document just filed

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.batch = Batch()
        self.batch_uuid: str | None = None
        self.correcting: Document | None = None  # a returned document open for correction
        self._filed_ids: list[str] = []  # its pages as they were filed
        self.hoso_list: list[Hoso] = []
        self.scan_task: Task | None = None
        self._retry: dict[str, object] = {}  # the scan to start again after a driver failure
        self._build()
        self._shortcuts()
        self.retranslate()
        self.refresh_devices()
        self.refresh_hoso()
        self.refresh_queue()

    @property
    def reader(self) -> PageSession:
        """The page pipeline with the OCR engine chosen in Settings (a change applies to the next
        page read); read it in the GUI thread: QSettings stays there."""
        return PageSession.reading(self.desk.prefs.ocr)

    # layout

    def _build(self) -> None:
        top = QHBoxLayout()
        self.device = QComboBox()
        self.profile = QComboBox()
        for profile in self.desk.prefs.scan_profiles():
            self.profile.addItem(profile.name, profile)
        self.profile.currentIndexChanged.connect(self._profile_chosen)
        self.dpi = QSpinBox()
        self.dpi.setRange(75, 1200)
        self.dpi.setSuffix(" dpi")
        self.mode = QComboBox()
        self.mode.addItem("", "color")
        self.mode.addItem("", "gray")
        self.source = QComboBox()
        self.source.addItem("", "adf")
        self.source.addItem("", "flatbed")
        self.duplex = QCheckBox()
        self.scan_button = QPushButton()
        self.scan_button.clicked.connect(lambda: self.start_scan())
        self.retry_button = QPushButton()
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.retry_scan)
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.device_label, self.profile_label = QLabel(), QLabel()
        top.addWidget(self.device_label)
        top.addWidget(self.device)
        top.addWidget(self.profile_label)
        for widget in (self.profile, self.dpi, self.mode, self.source, self.duplex,
                       self.scan_button, self.retry_button):
            top.addWidget(widget)
        top.addStretch()

        self.preview = Preview()
        self.preview.corner_moved.connect(self._corner_moved)
        tools = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, slot in zip(TOOLS, (lambda: self.rotate(-1), lambda: self.rotate(1),
                                     self.delete_page, self.rescan_page, self.insert_page,
                                     self.toggle_split, self.undo), strict=True):
            button = QPushButton()
            button.clicked.connect(slot)
            tools.addWidget(button)
            self.buttons[key] = button
        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addLayout(tools)
        left_box = QWidget()
        left_box.setLayout(left)

        right = QVBoxLayout()
        hoso_row = QHBoxLayout()
        self.hoso = QComboBox()
        self.hoso.setEditable(True)
        self.hoso.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.hoso.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_hoso_button = QPushButton()
        self.new_hoso_button.clicked.connect(self.new_hoso)
        self.hoso_label = QLabel()
        hoso_row.addWidget(self.hoso_label)
        hoso_row.addWidget(self.hoso, 1)
        hoso_row.addWidget(self.new_hoso_button)
        right.addLayout(hoso_row)
        self.form = IndexForm(self.desk.session.profile(), "document")
        self.form.accepted.connect(self.save)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        right.addWidget(scroll, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        save_row = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.put_back_button = QPushButton()
        self.put_back_button.clicked.connect(self.put_back)
        self.help_button = QPushButton()
        self.help_button.clicked.connect(self.show_help)
        for button in (self.save_button, self.put_back_button, self.help_button):
            save_row.addWidget(button)
        right.addLayout(save_row)
        self.queue_label = QLabel()
        right.addWidget(self.queue_label)
        self.queue = QListWidget()
        self.queue.setMaximumHeight(110)
        self.queue.itemActivated.connect(self._open_queued)
        right.addWidget(self.queue)
        right_box = QWidget()
        right_box.setLayout(right)

        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.strip = PageStrip()
        self.strip.page_selected.connect(self._page_selected)
        self.strip.reordered.connect(self._reordered)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.strip)
        self._profile_chosen()
        self._sync_buttons()

    def retranslate(self) -> None:
        """Every fixed text, in the current language (also after a switch in Settings)."""
        self.mode.setItemText(0, self.tr("Colour"))
        self.mode.setItemText(1, self.tr("Grey"))
        self.source.setItemText(0, self.tr("Feeder (ADF)"))
        self.source.setItemText(1, self.tr("Flatbed"))
        self.duplex.setText(self.tr("Both sides"))
        self.scan_button.setText(self.tr("Scan (F5)"))
        self.retry_button.setText(self.tr("Try the scanner again"))
        self.device_label.setText(self.tr("Scanner"))
        self.profile_label.setText(self.tr("Profile"))
        texts = (self.tr("⟲ Rotate left"), self.tr("⟳ Rotate right"), self.tr("Delete page"),
                 self.tr("Rescan page"), self.tr("Insert page"), self.tr("Split / merge here"),
                 self.tr("Undo"))
        for key, text in zip(TOOLS, texts, strict=True):
            self.buttons[key].setText(text)
        self.hoso_label.setText(self.tr("Hồ sơ *"))
        self.new_hoso_button.setText(self.tr("New hồ sơ…"))
        self.save_button.setText(self.tr("Save and next (Enter)"))
        self.put_back_button.setText(self.tr("Put the returned document back"))
        self.help_button.setText(self.tr("Shortcuts (F1)"))
        self.queue_label.setText(self.tr("Sent back to me (double-click to correct or rescan)"))
        self.form.retranslate()
        self.strip.show_state(self.batch.state, self.strip.current_id())

    def _shortcuts(self) -> None:
        for keys, slot in (
            ("F5", self.start_scan),
            ("Ctrl+Return", self.save),
            ("Ctrl+R", lambda: self.rotate(1)),
            ("Ctrl+Shift+R", lambda: self.rotate(-1)),
            ("Ctrl+U", lambda: self.rotate(2)),
            ("Delete", self.delete_page),
            ("Ctrl+Z", self.undo),
            ("Ctrl+K", self.toggle_split),
            ("Ctrl+I", self.insert_page),
            ("F1", self.show_help),
        ):
            QShortcut(QKeySequence(keys), self, slot)

    # devices, profiles, hồ sơ, queue

    def refresh_devices(self) -> None:
        task = self.desk.pools.run(lambda r: list_devices(), name="devices")
        task.signals.done.connect(self._devices)

    def _devices(self, devices: list[DeviceInfo]) -> None:
        self.device.clear()
        for info in devices:
            self.device.addItem(f"{info.vendor} {info.model} ({info.id})", info.id)
        wanted = self.device.findData(self.desk.prefs.device)
        if wanted >= 0:
            self.device.setCurrentIndex(wanted)

    def _profile_chosen(self) -> None:
        profile = self.profile.currentData()
        if profile is None:
            return
        self.dpi.setValue(profile.dpi)
        self.mode.setCurrentIndex(max(0, self.mode.findData(profile.mode)))
        self.source.setCurrentIndex(max(0, self.source.findData(profile.source)))
        self.duplex.setChecked(profile.duplex)
        for widget in (self.dpi, self.mode, self.source, self.duplex):
            widget.setEnabled(not profile.locked)

    def refresh_hoso(self, select: str | None = None) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.list_hoso(), name="hoso")
        task.signals.done.connect(lambda found: self._hoso(found, select))

    def _hoso(self, found: list[Hoso], select: str | None) -> None:
        current = select or self.hoso.currentData()
        self.hoso_list = found
        self.hoso.clear()
        for item in found:
            self.hoso.addItem(f"{item.file_code} – {item.title}", item.file_code)
        index = self.hoso.findData(current)
        self.hoso.setCurrentIndex(index if index >= 0 else self.hoso.count() - 1)
        line = self.hoso.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # the code, not the end of the title

    def new_hoso(self) -> None:
        dialog = HosoDialog(self.desk, self)
        if dialog.exec() and dialog.created is not None:
            self.refresh_hoso(dialog.created.file_code)

    def refresh_queue(self) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.my_queue(), name="queue")
        task.signals.done.connect(self._queue)

    def _queue(self, docs: list[Document]) -> None:
        self.queue.clear()
        for doc in docs:
            item = QListWidgetItem(f"{doc.doc_code}: {doc.reason}")
            item.setData(Qt.ItemDataRole.UserRole, doc)
            self.queue.addItem(item)

    def _open_queued(self, item: QListWidgetItem) -> None:
        self.correct(item.data(Qt.ItemDataRole.UserRole))

    def correct(self, doc: Document) -> None:
        """Open a returned document: its metadata in the form, its filed pages in the strip."""
        if self.batch.state.pages and self.correcting is None:
            self.message.setText(self.tr("File or delete the pages in the strip first, then "
                                         "open the returned document."))
            return
        self.correcting = doc
        self._filed_ids = []
        self.batch.load([])
        self.show_strip()
        self.form.clear()
        self.form.set_values(doc.metadata)
        index = self.hoso.findData(doc.hoso_code)
        self.hoso.setCurrentIndex(index)
        self.message.setText(self.tr("Correcting %1 — sent back: %2. Rescan or fix pages, "
                                     "correct the fields, then save.")
                             .replace("%1", doc.doc_code).replace("%2", doc.reason))
        folder = self._batch_folder()
        task = self.desk.pools.run(lambda r: self.desk.session.filed_pages(doc, folder),
                                   name="filed-pages")
        task.signals.done.connect(lambda pages: self._correcting_pages(doc, pages))
        task.signals.failed.connect(self.message.setText)
        self.desk.status.track(task, self.tr("Opening the returned document…"),
                               cancellable=False)
        self._sync_buttons()

    def _correcting_pages(self, doc: Document, pages: list[ScanPage]) -> None:
        if self.correcting is None or self.correcting.uuid != doc.uuid:
            return
        self.batch.load(pages)
        self._filed_ids = [p.id for p in pages]
        self.show_strip(pages[0].id if pages else None)
        for page in pages:
            self._read(page)

    def put_back(self) -> None:
        """Close the returned document without filing anything (it stays in the queue)."""
        self.correcting = None
        self._filed_ids = []
        self.batch.load([])
        self.form.clear()
        self.message.clear()
        self.show_strip()

    # scanning

    def settings(self, max_pages: int | None = None) -> ScanSettings:
        return ScanSettings(dpi=self.dpi.value(), mode=str(self.mode.currentData()),
                            source=str(self.source.currentData()),
                            duplex=self.duplex.isChecked(), max_pages=max_pages)

    def _batch_folder(self) -> Path:
        return self.desk.session.folder.parent / "batches" / str(uuid.uuid4())

    def start_scan(self, *, max_pages: int | None = None, at: int | None = None,
                   replacing: str | None = None) -> None:
        """Scan in a worker; each page is cleaned in another and shown the moment it is."""
        device = str(self.device.currentData() or "")
        if not device or self.scan_task is not None:
            return
        self.desk.prefs.device = device
        self._retry = {"max_pages": max_pages, "at": at, "replacing": replacing}
        self.retry_button.setVisible(False)
        settings = self.settings(max_pages)
        if self.batch_uuid is None:
            task = self.desk.pools.run(
                lambda r: self.desk.session.start_batch(device, asdict(settings)), write=True,
                name="batch")
            task.signals.done.connect(lambda b: setattr(self, "batch_uuid", b.uuid))
        folder = self._batch_folder()
        task = self.desk.pools.run(lambda r: self._scan(r, device, settings, folder),
                                   pool="scan", name="scan")
        task.signals.item.connect(lambda handed: self._arrived(handed, at, replacing))
        task.signals.failed.connect(self.message.setText)
        task.signals.ended.connect(self._scan_ended)
        self.scan_task = task
        self.scan_button.setEnabled(False)
        self.desk.status.track(task, self.tr("Scanning…"))

    @staticmethod
    def _scan(report: Reporter, device: str, settings: ScanSettings, folder: Path) -> int:
        """Pages are on disk before they are handed over; Cancel stops after the current one.

        A driver that crashed or hung is handed over too, after the pages it delivered.
        """
        count = 0
        store = HandingFolder(folder)
        try:
            with open_scanner(device) as scanner:
                for raw in scanner.scan(settings, store):
                    count += 1
                    report.item(store.hand_over(raw))
                    report.progress(count, 0, "")
                    if report.cancelled:
                        break
        except DriverStopped as err:
            report.item(err)
        return count

    def _driver_stopped(self, err: DriverStopped) -> None:
        """Say the scanner stopped answering, keep the pages, offer to try again."""
        self.message.setText(self.tr("The scanner stopped responding. The pages already "
                                     "received are kept. Check the scanner's cable and power, "
                                     "then try again."))
        log.warning("scan stopped: %s", err.message)
        self.retry_button.setVisible(True)

    def retry_scan(self) -> None:
        """Start the scan that the driver failure stopped again (the pages so far stay)."""
        self.retry_button.setVisible(False)
        self.message.clear()
        self.start_scan(**self._retry)  # type: ignore[arg-type]

    def _scan_ended(self) -> None:
        self.scan_task = None
        self.scan_button.setEnabled(True)

    def _arrived(self, handed: Handed | DriverStopped, at: int | None,
                 replacing: str | None) -> None:
        if isinstance(handed, DriverStopped):
            self._driver_stopped(handed)
            return
        reader = self.reader
        task = self.desk.pools.run(lambda r: reader.arrive(handed.raw, handed.pixels),
                                   pool="clean", name="clean")
        task.signals.done.connect(lambda page: self._cleaned(page, handed.at, at, replacing))
        task.signals.failed.connect(self.message.setText)

    def _cleaned(self, page: ScanPage, handed_at: float, at: int | None,
                 replacing: str | None) -> None:
        if replacing is not None:
            page = replace(page, id=replacing)
            self.batch.replace_page(page)
        elif at is not None:
            self.batch.insert(at, page)
        else:
            self.batch.arrived(page)
        self.show_strip(page.id if (replacing or at is not None) else None)
        self.page_shown.emit((time.perf_counter() - handed_at) * 1000.0)
        self._read(page)

    def _read(self, page: ScanPage) -> None:
        reader = self.reader
        task = self.desk.pools.run(lambda r: reader.read(page), pool="ocr", name="ocr")
        task.signals.done.connect(self._read_done)
        task.signals.failed.connect(self.message.setText)

    def _read_done(self, page: ScanPage) -> None:
        self.batch.refreshed(page)
        docs = self.batch.state.documents()
        if docs and docs[0][0].id == page.id and self.correcting is None:
            self._prefill(page, len(docs[0]))

    def _prefill(self, first: ScanPage, pages: int) -> None:
        """Read the document's fields from its first page in a worker; show them highlighted."""
        reader = self.reader
        task = self.desk.pools.run(lambda r: reader.fields(first, pages), name="prefill")
        task.signals.done.connect(lambda values: self._prefilled(first.id, values))

    def _prefilled(self, page_id: str, values: dict[str, str]) -> None:
        docs = self.batch.state.documents()
        if docs and docs[0][0].id == page_id and self.correcting is None:
            self.form.set_values(values, prefilled=True)

    # page tools

    def show_strip(self, current: str | None = None) -> None:
        pages = self.batch.state.pages
        current = current or self.strip.current_id() or (pages[0].id if pages else None)
        self.strip.show_state(self.batch.state, current)
        self.preview.show_page(self.current_page())
        self._sync_buttons()

    def current_page(self) -> ScanPage | None:
        current = self.strip.current_id()
        for page in self.batch.state.pages:
            if page.id == current:
                return page
        return None

    def _sync_buttons(self) -> None:
        has_page = self.current_page() is not None
        for key in ("left", "right", "delete", "rescan"):
            self.buttons[key].setEnabled(has_page)
        self.buttons["split"].setEnabled(has_page and self.correcting is None)
        self.buttons["undo"].setEnabled(self.batch.can_undo)
        self.put_back_button.setVisible(self.correcting is not None)

    def _page_selected(self, page_id: str) -> None:
        self.preview.show_page(self.current_page())
        self._sync_buttons()

    def _reordered(self, ids: list[str]) -> None:
        self.batch.reorder(ids)
        self.show_strip()

    def rotate(self, quarter_turns: int) -> None:
        page = self.current_page()
        if page is not None:
            turned = page.rotated(quarter_turns)
            self.batch.replace_page(turned)
            self.show_strip(turned.id)
            self._read(turned)

    def _corner_moved(self, corner: int, x: float, y: float) -> None:
        page = self.current_page()
        if page is not None:
            moved = page.with_corner(corner, (x, y))
            self.batch.replace_page(moved)
            self.show_strip(moved.id)
            self._read(moved)

    def delete_page(self) -> None:
        page = self.current_page()
        if page is not None:
            self.batch.delete(page.id)
            self.show_strip()

    def rescan_page(self) -> None:
        page = self.current_page()
        if page is not None:
            self.start_scan(max_pages=1, replacing=page.id)

    def insert_page(self) -> None:
        page = self.current_page()
        at = self.batch.index(page.id) + 1 if page is not None else None
        self.start_scan(max_pages=1, at=at if at is not None else len(self.batch.state.pages))

    def toggle_split(self) -> None:
        page = self.current_page()
        if page is not None and self.batch.index(page.id) > 0 and self.correcting is None:
            self.batch.toggle_split(page.id)
            self.show_strip(page.id)

    def undo(self) -> None:
        self.batch.undo()
        self.show_strip()

    def show_help(self) -> None:
        ShortcutsDialog(self).exec()

    # filing

    def _chosen_hoso(self) -> Hoso | None:
        code = self.hoso.currentData()
        return next((h for h in self.hoso_list if h.file_code == code), None)

    def save(self) -> None:
        """Check the form; file the first document of the strip (or the corrected one)."""
        hoso = self._chosen_hoso()
        if hoso is None:
            self.message.setText(self.tr("Choose or create the hồ sơ first."))
            return
        meta = self.form.check(inherited=hoso.metadata)
        if meta is None:
            self.message.setText(self.tr("Fix the fields marked in red."))
            return
        values = self.form.values()
        session, reader = self.desk.session, self.reader
        if self.correcting is not None:
            code = self.correcting.doc_code
            pages = list(self.batch.state.pages)
            if not pages:
                self.message.setText(self.tr("A document needs at least one page: scan it "
                                             "again, or put it back."))
                return
            if [p.id for p in pages] == self._filed_ids and all(p.as_filed for p in pages):
                task = self.desk.pools.run(lambda r: session.resubmit(code, values),
                                           write=True, name="resubmit")
            else:
                task = self.desk.pools.run(
                    lambda r: session.rescan(code, pages, values, reader),
                    write=True, name="rescan")
        else:
            docs = self.batch.state.documents()
            if not docs:
                self.message.setText(self.tr("Scan the pages first."))
                return
            pages, batch = docs[0], self.batch_uuid
            task = self.desk.pools.run(
                lambda r: session.file_document(pages, values, hoso.file_code, batch, reader),
                write=True, name="file")
        task.signals.done.connect(lambda doc: self._filed(doc, pages))
        task.signals.failed.connect(self.message.setText)
        self.save_button.setEnabled(False)
        task.signals.ended.connect(lambda: self.save_button.setEnabled(True))
        self.desk.status.track(task, self.tr("Filing the document…"), cancellable=False)

    def _filed(self, doc: Document, pages: list[ScanPage]) -> None:
        self.correcting = None
        self._filed_ids = []
        self.batch.remove_filed(pages)
        self.form.clear()
        self.show_strip()
        self.message.setText(self.tr("Filed as %1.").replace("%1", doc.doc_code))
        docs = self.batch.state.documents()
        if docs and docs[0][0].ocr is not None:
            self._prefill(docs[0][0], len(docs[0]))
        self.refresh_queue()
        self.filed.emit(doc)
