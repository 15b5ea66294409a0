"""The scan controls: device, profile, resolution, colour, source, sides; the scan worker."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.scanner.base import DeviceInfo, ScanSettings
from app.scanner.driver import DriverStopped
from app.scanner.factory import list_devices, open_scanner
from app.ui.batch_files import BatchFiles
from app.ui.desk import Desk
from app.ui.handover import HandingFolder
from app.ui.workers import Reporter, Task

log = logging.getLogger(__name__)


class ScanControls(QWidget):
    """The top row; `start_scan` runs the device in the `scan` pool and hands each page out.

    `handed(page, at, replacing)`: a `Handed` page (on disk already) with where it goes — at the
    end (both None), inserted at index `at`, or in place of page id `replacing`.
    """

    handed = Signal(object, object, object)
    message = Signal(str)  # something for the clerk to read ("" clears it)

    def __init__(self, desk: Desk, files: BatchFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.files = files  # the batch folder the pages are saved in, and its journal
        self.batch_uuid: str | None = None  # the catalog's batch the scans so far belong to
        self.scan_task: Task | None = None
        self._retry: dict[str, object] = {}  # the scan to start again after a driver failure
        self._build()
        QShortcut(QKeySequence("F5"), self, lambda: self.start_scan())

    def _build(self) -> None:
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        self.device = QComboBox()
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
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
        self.device_label, self.profile_label = QLabel(), QLabel()
        for widget in (self.device_label, self.device, self.profile_label, self.profile,
                       self.dpi, self.mode, self.source, self.duplex, self.scan_button,
                       self.retry_button):
            top.addWidget(widget)
        top.addStretch()
        self._profile_chosen()

    def retranslate(self) -> None:
        self.mode.setItemText(0, self.tr("Colour"))
        self.mode.setItemText(1, self.tr("Grey"))
        self.source.setItemText(0, self.tr("Feeder (ADF)"))
        self.source.setItemText(1, self.tr("Flatbed"))
        self.duplex.setText(self.tr("Both sides"))
        self.scan_button.setText(self.tr("Scan (F5)"))
        self.retry_button.setText(self.tr("Try the scanner again"))
        self.device_label.setText(self.tr("Scanner"))
        self.profile_label.setText(self.tr("Profile"))

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

    def settings(self, max_pages: int | None = None) -> ScanSettings:
        return ScanSettings(dpi=self.dpi.value(), mode=str(self.mode.currentData()),
                            source=str(self.source.currentData()),
                            duplex=self.duplex.isChecked(), max_pages=max_pages)

    def batch_folder(self) -> Path:
        """The batch's folder for pages on disk (scanned, or a returned document's filed
        pages): one per batch, journalled, removed once its documents are filed."""
        return self.files.folder()

    def start_scan(self, *, max_pages: int | None = None, at: int | None = None,
                   replacing: str | None = None) -> None:
        """Scan in a worker; each page is handed out the moment it is on disk."""
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
        folder = self.batch_folder()
        task = self.desk.pools.run(lambda r: self._scan(r, device, settings, folder),
                                   pool="scan", name="scan")
        task.signals.item.connect(lambda handed: self._handed(handed, at, replacing))
        task.signals.failed.connect(self.message)
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

    def _handed(self, handed: object, at: int | None, replacing: str | None) -> None:
        if isinstance(handed, DriverStopped):
            self.message.emit(self.tr("The scanner stopped responding. The pages already "
                                      "received are kept. Check the scanner's cable and power, "
                                      "then try again."))
            log.warning("scan stopped: %s", handed.message)
            self.retry_button.setVisible(True)
            return
        self.handed.emit(handed, at, replacing)

    def retry_scan(self) -> None:
        """Start the scan that the driver failure stopped again (the pages so far stay)."""
        self.retry_button.setVisible(False)
        self.message.emit("")
        self.start_scan(**self._retry)  # type: ignore[arg-type]

    def _scan_ended(self) -> None:
        self.scan_task = None
        self.scan_button.setEnabled(True)
