"""The clerk's page pane: the cleaned page in the page viewer, or the raw scan with its outline."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.page import Geometry
from app.pipeline.interactive import ScanPage, preview_upright, upright_image
from app.ui.desk import Desk
from app.ui.images import to_qimage
from app.ui.scan.preview import Preview
from app.ui.viewer import CACHED_PAGES, PageViewer

Drawn = tuple[tuple[str, Geometry], QImage, float]  # the page and geometry, picture, resolution


class PagePane(QWidget):
    """Shows the current page as it will be filed (fit, zoom, pan), or, toggled, the raw scan
    whose outline handles crop it; a filed document's PDF can be shown too."""

    corner_moved = Signal(int, float, float)  # from the raw scan's handles, in raw pixels
    step_wanted = Signal(int)  # PgUp/PgDn on a strip page: the previous (-1) or next (+1) one

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.page: ScanPage | None = None
        self._asked: tuple[str, Geometry] | None = None  # the cleaned page being shown
        self._full: OrderedDict[tuple[str, Geometry], QImage] = OrderedDict()  # recent pages
        self._sharpness = 0.0  # the resolution the asked page is shown at (0: not yet)
        self.viewer = PageViewer(desk.pools)
        self.viewer.step_wanted.connect(self.step_wanted)
        self.preview = Preview()
        self.preview.corner_moved.connect(self.corner_moved)
        for key, delta in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1)):
            shortcut = QShortcut(QKeySequence(key), self.preview)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda delta=delta: self.step_wanted.emit(delta))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.viewer)
        self.stack.addWidget(self.preview)
        self.raw_button = QPushButton()
        self.raw_button.setCheckable(True)
        self.raw_button.toggled.connect(self._mode)
        row = QHBoxLayout()
        row.addWidget(self.raw_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)

    def retranslate(self) -> None:
        self.raw_button.setText(self.tr("Show the cleaned page") if self.raw_button.isChecked()
                                else self.tr("Show the raw scan (crop by its corners)"))
        self.viewer.retranslate()

    def show_page(self, page: ScanPage | None) -> None:
        """The strip's current page (None: nothing)."""
        self.page = page
        self.preview.show_page(page)
        if not self.raw_button.isChecked():
            self._render()

    def show_pdf(self, path: Path) -> None:
        """A filed document's pages (PgUp/PgDn), in the cleaned view."""
        self.raw_button.setChecked(False)
        self._asked = None
        self.viewer.show_pdf(path)

    def _mode(self, raw: bool) -> None:
        self.stack.setCurrentWidget(self.preview if raw else self.viewer)
        self.retranslate()
        if not raw:
            self._render()

    def _render(self) -> None:
        """The page cropped, straightened and turned, drawn in workers: at once from the
        reduced scan for the screen, then at full resolution (unless the clerk moved on)."""
        page = self.page
        if page is None:
            self._asked = None
            self.viewer.show_image(None)
            return
        key = (page.id, page.geometry)
        if key == self._asked:
            return
        self._asked, self._sharpness = key, 0.0
        if key in self._full:
            self._full.move_to_end(key)
            self._sharpness = 1.0
            self.viewer.show_image(self._full[key])
            return
        quick = self.desk.pools.run(
            lambda r: (key, to_qimage(preview_upright(page)), page.scale), pool="view",
            name="cleaned-preview")
        quick.signals.done.connect(self._rendered)  # a method: dropped if the pane is gone
        if page.scale < 1.0:  # the reduced scan is smaller than the page
            full = self.desk.pools.run(lambda r: self._full_size(key, page), name="cleaned")
            full.signals.done.connect(self._rendered)

    def _full_size(self, key: tuple[str, Geometry], page: ScanPage) -> Drawn | None:
        """In a worker: the page at full resolution, if it is still the one asked for."""
        if key != self._asked:
            return None
        return key, to_qimage(upright_image(page)), 1.0

    def _rendered(self, drawn: Drawn | None) -> None:
        if drawn is None:
            return
        key, image, resolution = drawn
        if resolution >= 1.0:
            self._full[key] = image
            while len(self._full) > CACHED_PAGES:
                self._full.popitem(last=False)
        if key == self._asked and resolution > self._sharpness:
            self._sharpness = resolution
            self.viewer.show_image(image, resolution)
