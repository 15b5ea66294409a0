"""The page viewer: a filed PDF's pages (or one page not filed yet) at reading size."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.images import pdf_page, pdf_page_count, pdf_preview
from app.ui.workers import Pools

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.05, 4.0)
CACHED_PAGES = 3  # a 300-dpi A4 page is ~26 MB: the current page and its neighbours
Drawn = tuple[tuple[Path, int], tuple[QImage, float] | None]  # (pdf, page), picture, resolution


class _View(QGraphicsView):
    """Drag to pan; Ctrl+wheel zooms around the pointer (the wheel alone scrolls)."""

    zoomed = Signal(float)
    painted = Signal()  # the viewport was painted (the bench times a page to its first paint)

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a white page on a white ground has no edge: the ground is grey, as in PDF readers
        self.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Mid))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomed.emit(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
        else:
            super().wheelEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted.emit()


class PageViewer(QWidget):
    """Fit page, fit width, 100 % (one scan pixel per screen pixel), zoom, pan, PgUp/PgDn.

    A page is shown at once at screen size, then sharpened to its full 300 dpi.
    """

    page_shown = Signal(int)  # index of the page now on screen (again once sharpened)
    step_wanted = Signal(int)  # PgUp/PgDn (-1/+1) on a single picture: its owner turns the page

    def __init__(self, pools: Pools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pools = pools
        self.path: Path | None = None
        self.count = 0
        self.index = 0
        self.mode = "page"  # "page", "width" or "free"
        self.scale = 1.0
        self.resolution = 0.0  # pixels shown per 300-dpi pixel of the page (1.0: all of them)
        self._cache: OrderedDict[tuple[Path, int], QImage] = OrderedDict()  # full resolution
        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        self.view = _View(self.scene)
        self.view.zoomed.connect(self.zoom_by)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for name, slot in (("previous", self.previous), ("next", self.next),
                           ("fit_page", self.fit_page), ("fit_width", self.fit_width),
                           ("actual", self.actual_size), ("zoom_out", self.zoom_out),
                           ("zoom_in", self.zoom_in)):
            button = QToolButton()
            button.clicked.connect(slot)
            self.buttons[name] = button
            bar.addWidget(button)
        self.where = QLabel()
        bar.addWidget(self.where)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        keys = ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), ("Ctrl+=", self.zoom_in),
                (QKeySequence.StandardKey.ZoomOut, self.zoom_out), ("Ctrl+0", self.fit_page),
                (Qt.Key.Key_PageUp, self.previous), (Qt.Key.Key_PageDown, self.next))
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text in the current language."""
        texts = {"previous": "◀ " + self.tr("Previous page"), "next": self.tr("Next page") + " ▶",
                 "fit_page": self.tr("Fit page"), "fit_width": self.tr("Fit width"),
                 "actual": "100%", "zoom_out": "−", "zoom_in": "+"}
        tips = {"previous": "PgUp", "next": "PgDn", "fit_page": "Ctrl+0", "zoom_out": "Ctrl+-",
                "zoom_in": "Ctrl++"}
        for name, button in self.buttons.items():
            button.setText(texts[name])
            button.setToolTip(tips.get(name, ""))
        self._show_where()

    def show_pdf(self, path: Path | None) -> None:
        """Show `path`'s first page (None clears the viewer)."""
        self.path, self.index, self.count = path, 0, 0
        self.item.setPixmap(QPixmap())
        self.resolution = 0.0
        self._show_where()
        if path is None:
            return
        task = self.pools.run(lambda r: (path, pdf_page_count(path)), name="viewer-count")
        task.signals.done.connect(self._counted)  # methods: dropped once the viewer is gone

    def show_image(self, image: QImage | None, resolution: float = 1.0) -> None:
        """Show one picture (a page not filed yet) in place of a PDF, drawn with `resolution`
        of its full-size pixels per pixel; None clears the viewer."""
        self.path, self.index, self.count = None, 0, 0
        self._show_where()
        if image is None:
            self.item.setPixmap(QPixmap())
            self.resolution = 0.0
        else:
            self._display(image, resolution)

    def _counted(self, counted: tuple[Path, int]) -> None:
        path, count = counted
        if path == self.path:
            self.count = count
            self.show_page(0)

    def show_page(self, index: int) -> None:
        """Page `index` (0-based) from the cache, or decoded off the UI thread: a scan's JPEG at
        screen size first (its own fast 1/2–1/8 decoding), then the page as filed at 300 dpi,
        stamps and all."""
        if self.path is None or not 0 <= index < self.count:
            return
        self.index = index
        self.resolution = 0.0
        self._show_where()
        key = (self.path, index)
        if key in self._cache:
            self._cache.move_to_end(key)
            self._display(self._cache[key], 1.0)
            return
        path = self.path
        box = self._box()
        if box is None:  # zoomed in: only the full page will do
            self._render_full(key)
            return
        quick = self.pools.run(lambda r: (key, pdf_preview(path, index, box)), pool="view",
                               name="viewer-preview")
        quick.signals.done.connect(self._previewed)
        quick.signals.failed.connect(self._full_after_all)

    def _box(self) -> tuple[int, int] | None:
        """Where a fitted page goes on screen, in device pixels (None: zoomed freely)."""
        port = self.view.viewport().size() * self.devicePixelRatio()
        sides = {"page": (port.width(), port.height()), "width": (port.width(), 1 << 20)}
        return sides.get(self.mode)

    def _previewed(self, drawn: Drawn) -> None:
        """The quick picture first, then the full rendering (not both at once: one would slow
        the other)."""
        self._rendered(drawn)
        self._render_full(drawn[0])

    def _full_after_all(self, message: str) -> None:
        """The quick picture failed (a defect, logged): the full rendering still comes."""
        if self.path is not None:
            self._render_full((self.path, self.index))

    def _render_full(self, key: tuple[Path, int]) -> None:
        """The page as filed at 300 dpi, stamps and all, unless another page is asked for."""
        if key != (self.path, self.index):
            return
        path, index = key
        full = self.pools.run(lambda r: (key, (pdf_page(path, index), 1.0)),
                              name="viewer-page")
        full.signals.done.connect(self._rendered)

    def _rendered(self, drawn: Drawn) -> None:
        """A picture of a page came back: kept if at full size, shown if sharper than what is
        on screen (the preview may be None: a page that is not a plain scan)."""
        key, shown = drawn
        if shown is None:
            return
        image, resolution = shown
        if resolution >= 1.0:
            self._cache[key] = image
            while len(self._cache) > CACHED_PAGES:
                self._cache.popitem(last=False)
        if key == (self.path, self.index) and resolution > self.resolution:
            self._display(image, resolution)

    def _display(self, image: QImage, resolution: float) -> None:
        """Draw `image` over the page's full 300-dpi size, so zoom and fit do not move."""
        self.resolution = resolution
        self.item.setPixmap(QPixmap.fromImage(image))
        self.item.setScale(1 / resolution)
        self.scene.setSceneRect(self.item.sceneBoundingRect())
        self._apply_mode()
        self.page_shown.emit(self.index)

    def _show_where(self) -> None:
        self.where.setText(self.tr("Page %1 of %2").replace("%1", str(self.index + 1))
                           .replace("%2", str(self.count)) if self.count else "")

    def previous(self) -> None:
        self._step(-1)

    def next(self) -> None:
        self._step(1)

    def _step(self, delta: int) -> None:
        """Turn a PDF's page; a single picture's pages belong to its owner (the clerk's strip)."""
        if self.path is None:
            self.step_wanted.emit(delta)
        else:
            self.show_page(self.index + delta)

    def fit_page(self) -> None:
        self.mode = "page"
        self._apply_mode()

    def fit_width(self) -> None:
        self.mode = "width"
        self._apply_mode()

    def actual_size(self) -> None:
        self._set_scale(1.0)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_by(self, factor: float) -> None:
        self._set_scale(self.scale * factor)

    def _set_scale(self, scale: float) -> None:
        self.mode = "free"
        self.scale = min(max(scale, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.view.resetTransform()
        self.view.scale(self.scale, self.scale)

    def _apply_mode(self) -> None:
        """Recompute the scale of a fit mode for the current page and viewport."""
        rect = self.item.sceneBoundingRect()
        if rect.isEmpty() or self.mode == "free":
            return
        port = self.view.viewport().size()
        scale = port.width() / rect.width()
        if self.mode == "page":
            scale = min(scale, port.height() / rect.height())
        self.scale = scale
        self.view.resetTransform()
        self.view.scale(scale, scale)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_mode()
