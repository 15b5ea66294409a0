"""The large preview: the raw scan with the detected outline, and handles the clerk drags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QWidget,
)

from app.pipeline.interactive import ScanPage, scaled_quad
from app.ui.images import to_qimage

HANDLE = 14.0


class _Handle(QGraphicsEllipseItem):
    """One corner of the outline; moving it reshapes the polygon, releasing it commits."""

    def __init__(self, view: Preview, corner: int, at: QPointF) -> None:
        super().__init__(-HANDLE / 2, -HANDLE / 2, HANDLE, HANDLE)
        self.view, self.corner = view, corner
        self.setPos(at)
        self.setBrush(QBrush(QColor("#ff6d00")))
        self.setPen(QPen(Qt.GlobalColor.white, 2))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(Qt.CursorShape.SizeAllCursor)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.view.redraw_outline()
        return super().itemChange(change, value)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self.view.commit(self.corner)


class Preview(QGraphicsView):
    """Shows one ScanPage; emits `corner_moved(corner, x, y)` in raw-image pixels."""

    corner_moved = Signal(int, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 360)
        self.page: ScanPage | None = None
        self.handles: list[_Handle] = []
        self.outline: QGraphicsPolygonItem | None = None

    def show_page(self, page: ScanPage | None) -> None:
        """Draw `page` (nothing when None); the same picture with the same outline is kept."""
        shown = self.page
        if (page is not None and shown is not None and page.id == shown.id
                and page.geometry == shown.geometry and page.preview is shown.preview):
            self.page = page
            return
        scene = self.scene()
        scene.clear()
        self.handles, self.outline, self.page = [], None, page
        if page is None:
            return
        scene.addItem(QGraphicsPixmapItem(QPixmap.fromImage(to_qimage(page.preview))))
        points = [QPointF(x, y) for x, y in scaled_quad(page.geometry.quad, page.scale)]
        self.outline = scene.addPolygon(QPolygonF(points), QPen(QColor("#00c853"), 3))
        for corner, point in enumerate(points):
            handle = _Handle(self, corner, point)
            scene.addItem(handle)
            self.handles.append(handle)
        self.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def redraw_outline(self) -> None:
        if self.outline is not None and len(self.handles) == 4:
            self.outline.setPolygon(QPolygonF([h.pos() for h in self.handles]))

    def commit(self, corner: int) -> None:
        if self.page is not None:
            pos = self.handles[corner].pos()
            scale = self.page.scale
            self.corner_moved.emit(corner, pos.x() / scale, pos.y() / scale)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.page is not None:
            self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
