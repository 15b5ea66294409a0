"""The page strip: the clerk's pages (a Batch) as thumbnails, flags, split markers, reordering."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from app.pipeline.interactive import THUMB_PX, ScanPage
from app.ui.batch import Batch
from app.ui.images import to_qimage

SPLIT_COLOUR = QColor("#d0e4ff")


class PageStrip(QListWidget):
    """Holds the clerk's pages (`batch`) and draws them; every change ends in `changed`.
    Several pages can be selected (Shift/Ctrl+click, Ctrl+A); the current one is previewed.

    The public API for putting pages into the strip:
    - `arrived(page)`: a page the scanner delivered, appended (not undoable);
    - `add_pages(pages, splits)`: pages brought back as they were, each `ScanPage` with its
      edits (crop outline, rotation: its geometry) and OCR if read, `splits` the ids of the
      pages that start a new document (not undoable: nothing was on the strip to undo to);
    - `insert(at, page)` and `replace_page(page)`: a clerk's edit (undoable).
    """

    changed = Signal()  # the pages, their order, the split markers or the current page changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batch = Batch()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setMinimumHeight(THUMB_PX + 60)
        self.setMovement(QListView.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.currentItemChanged.connect(lambda item, previous: self.changed.emit())
        self.itemSelectionChanged.connect(self.changed)
        self._icons: dict[str, tuple[int, QIcon]] = {}

    # putting pages in

    def arrived(self, page: ScanPage) -> None:
        """A scanned page at the end of the strip."""
        self.batch.arrived(page)
        self.redraw()

    def add_pages(self, pages: Iterable[ScanPage], splits: Iterable[str] = ()) -> None:
        """Pages put back with their edits, after those already here, in the given order."""
        self.batch.add(list(pages), frozenset(splits))
        self.redraw()

    def insert(self, at: int, page: ScanPage) -> None:
        self.batch.insert(at, page)
        self.redraw(page.id)

    def replace_page(self, page: ScanPage) -> None:
        """A clerk's edit of a page (same id): rotation, crop, rescan in place."""
        self.batch.replace_page(page)
        self.redraw(page.id)

    def refreshed(self, page: ScanPage) -> None:
        """A page came back from OCR (kept only if the clerk has not changed it since)."""
        self.batch.refreshed(page)

    def load(self, pages: list[ScanPage]) -> None:
        """Only `pages`, no undo (a returned document opened for correction; [] empties)."""
        self.batch.load(pages)
        self.redraw()

    # reading

    def pages(self) -> tuple[ScanPage, ...]:
        return self.batch.state.pages

    def current_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_page(self) -> ScanPage | None:
        current = self.current_id()
        return next((p for p in self.batch.state.pages if p.id == current), None)

    def selected_pages(self) -> list[ScanPage]:
        """The selected pages (Shift/Ctrl+click, Ctrl+A), in strip order."""
        chosen = {str(item.data(Qt.ItemDataRole.UserRole)) for item in self.selectedItems()}
        return [p for p in self.batch.state.pages if p.id in chosen]

    def step(self, delta: int) -> None:
        """Make the page `delta` places on the current one (PgUp/PgDn in the page pane)."""
        row = self.currentRow() + delta
        if 0 <= row < self.count():
            self.setCurrentRow(row)

    def ids(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())]

    # drawing

    def redraw(self, current: str | None = None) -> None:
        """Redraw every item (cheap: icons are cached per page and thumbnail), keep or move the
        current page, and say so with `changed`."""
        state = self.batch.state
        ids = {p.id for p in state.pages}
        kept = self.current_id() if self.current_id() in ids else None
        current = current if current in ids else kept or (state.pages[0].id if state.pages
                                                            else None)
        selected = {p.id for p in self.selected_pages()} - {current}
        self.blockSignals(True)
        self.clear()
        number = 0
        for index, page in enumerate(state.pages):
            if index == 0 or page.id in state.splits:
                number += 1
            item = QListWidgetItem(self._icon(page.id, page.thumb),
                                   self._caption(index, number, page.flags))
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            if page.id in state.splits:
                item.setBackground(SPLIT_COLOUR)
                item.setToolTip(self.tr("A new document starts here"))
            self.addItem(item)
            if page.id == current:
                self.setCurrentItem(item)
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) in selected:
                self.item(row).setSelected(True)
        self.blockSignals(False)
        self.changed.emit()

    def _icon(self, page_id: str, thumb: object) -> QIcon:
        key = id(thumb)
        cached = self._icons.get(page_id)
        if cached is None or cached[0] != key:
            cached = (key, QIcon(QPixmap.fromImage(to_qimage(thumb))))  # type: ignore[arg-type]
            self._icons[page_id] = cached
        return cached[1]

    def _caption(self, index: int, document: int, flags: frozenset[str]) -> str:
        names = {
            "blank": self.tr("blank"),
            "skew": self.tr("skew"),
            "low_dpi": self.tr("low dpi"),
            "cut_off": self.tr("cut off"),
            "no_outline": self.tr("no edge"),
            "blurry": self.tr("blurry"),
            "orientation_unsure": self.tr("upright? (Ctrl+U turns it over)"),
        }
        text = self.tr("Doc %1 · p. %2").replace("%1", str(document)).replace("%2", str(index + 1))
        shown = [names[f] for f in sorted(flags) if f in names]
        return text + ("\n⚠ " + ", ".join(shown) if shown else "")

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        super().dropEvent(event)
        self.batch.reorder(self.ids())
        self.redraw()
