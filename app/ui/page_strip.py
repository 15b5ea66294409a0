"""The page strip: thumbnails as pages arrive, flags, split markers, drag to reorder."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from app.pipeline.interactive import THUMB_PX
from app.ui.batch import StripState
from app.ui.images import to_qimage

SPLIT_COLOUR = QColor("#d0e4ff")


class PageStrip(QListWidget):
    """Shows a StripState; tells the scan view about reorders and the current page."""

    reordered = Signal(list)  # page ids in the new order
    page_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setMinimumHeight(THUMB_PX + 60)
        self.setMovement(QListView.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.currentItemChanged.connect(self._current)
        self._icons: dict[str, tuple[int, QIcon]] = {}

    def show_state(self, state: StripState, current: str | None = None) -> None:
        """Redraw every item (cheap: icons are cached per page and thumbnail)."""
        self.blockSignals(True)
        self.clear()
        number = 0
        for index, page in enumerate(state.pages):
            if index == 0 or page.id in state.splits:
                number += 1
            caption = self._caption(index, number, page.flags)
            item = QListWidgetItem(self._icon(page.id, page.thumb), caption)
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            if page.id in state.splits:
                item.setBackground(SPLIT_COLOUR)
                item.setToolTip(self.tr("A new document starts here"))
            self.addItem(item)
            if page.id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)

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

    def ids(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())]

    def current_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        super().dropEvent(event)
        self.reordered.emit(self.ids())

    def _current(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.page_selected.emit(str(item.data(Qt.ItemDataRole.UserRole)))
