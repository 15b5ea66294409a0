"""The page tools under the preview, with their shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.pipeline.interactive import ScanPage
from app.ui.scan.strip import PageStrip

TOOLS = ("left", "right", "earlier", "later", "delete", "rescan", "insert", "split", "undo")


class PageTools(QWidget):
    """Acts on the strip's selected pages or its current page; a page whose image changed is
    sent out in `edited`.

    Rotate, move and delete act on the selected pages; rescan, insert, split and undo on the current
    page.
    """

    edited = Signal(object)  # the ScanPage turned or cropped (its OCR is stale)
    message = Signal(str)  # for the clerk (nothing selected…)
    rescan_wanted = Signal(str)  # scan one page in place of this page id
    insert_wanted = Signal(int)  # scan one page and insert it at this index

    def __init__(self, strip: PageStrip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        self.correcting = False  # a returned document: it cannot be split
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for key, slot in zip(TOOLS, (lambda: self.rotate(-1), lambda: self.rotate(1),
                                     lambda: self.shift(-1), lambda: self.shift(1),
                                     self.delete_page, self.rescan_page, self.insert_page,
                                     self.toggle_split, self.undo), strict=True):
            button = QPushButton()
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        for keys, action in (
            ("Ctrl+R", lambda: self.rotate(1)),
            ("Ctrl+Shift+R", lambda: self.rotate(-1)),
            ("Ctrl+U", lambda: self.rotate(2)),
            ("Ctrl+Left", lambda: self.shift(-1)),
            ("Ctrl+Right", lambda: self.shift(1)),
            ("Delete", self.delete_page),
            ("Ctrl+Z", self.undo),
            ("Ctrl+K", self.toggle_split),
            ("Ctrl+I", self.insert_page),
        ):
            QShortcut(QKeySequence(keys), self, action)
        strip.changed.connect(self.sync)

    def retranslate(self) -> None:
        texts = (self.tr("⟲ Rotate left"), self.tr("⟳ Rotate right"), self.tr("◀ Move"),
                 self.tr("Move ▶"), self.tr("Delete page"),
                 self.tr("Rescan page"), self.tr("Insert page"), self.tr("Split / merge here"),
                 self.tr("Undo"))
        for key, text in zip(TOOLS, texts, strict=True):
            self.buttons[key].setText(text)

    def sync(self) -> None:
        """Enable what applies to the selected pages and to the current one."""
        has_page = self.strip.current_page() is not None
        for key in ("left", "right", "earlier", "later", "delete"):
            self.buttons[key].setEnabled(bool(self.strip.selected_pages()))
        self.buttons["rescan"].setEnabled(has_page)
        self.buttons["split"].setEnabled(has_page and not self.correcting)
        self.buttons["undo"].setEnabled(self.strip.batch.can_undo)

    def _selected(self) -> list[ScanPage]:
        """The selected pages, or a message saying to select some first."""
        pages = self.strip.selected_pages()
        if not pages:
            self.message.emit(self.tr("Select one or more pages in the strip first "
                                      "(Shift or Ctrl + click, Ctrl+A for all)."))
        return pages

    def _edit(self, pages: list[ScanPage]) -> None:
        if not pages:
            return
        self.strip.batch.replace_pages(pages)
        self.strip.redraw(self.strip.current_id())
        for page in pages:
            self.edited.emit(page)

    def rotate(self, quarter_turns: int) -> None:
        """Turn every selected page."""
        self._edit([page.rotated(quarter_turns) for page in self._selected()])

    def move_corner(self, corner: int, x: float, y: float) -> None:
        """The clerk dragged an outline handle in the preview (raw-image pixels)."""
        page = self.strip.current_page()
        if page is not None:
            self._edit([page.with_corner(corner, (x, y))])

    def shift(self, step: int) -> None:
        """Move the selected pages one place earlier (-1) or later (+1)."""
        pages = self._selected()
        if pages:
            self.strip.batch.move({p.id for p in pages}, step)
            self.strip.redraw(self.strip.current_id())

    def delete_page(self) -> None:
        """Delete the selected pages (Ctrl+Z brings them back)."""
        pages = self._selected()
        if pages:
            self.strip.batch.delete({p.id for p in pages})
            self.strip.redraw()

    def rescan_page(self) -> None:
        page = self.strip.current_page()
        if page is not None:
            self.rescan_wanted.emit(page.id)

    def insert_page(self) -> None:
        page = self.strip.current_page()
        batch = self.strip.batch
        self.insert_wanted.emit(batch.index(page.id) + 1 if page is not None
                                else len(batch.state.pages))

    def toggle_split(self) -> None:
        page = self.strip.current_page()
        batch = self.strip.batch
        if page is not None and batch.index(page.id) > 0 and not self.correcting:
            batch.toggle_split(page.id)
            self.strip.redraw(page.id)

    def undo(self) -> None:
        self.strip.batch.undo()
        self.strip.redraw()
