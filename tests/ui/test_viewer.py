"""The page viewer: a filed PDF shown at 300 dpi, fit modes, zoom, page keys; metadata in words."""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import numpy as np
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from app.catalog import profiles
from app.ui.images import pdf_preview
from app.ui.metadata_rows import labelled_rows
from app.ui.viewer import PageViewer
from app.ui.workers import Pools
from tests.ui.conftest import settle

SIZE = (600, 900)  # pixels at 300 dpi: 2 × 3 inches


def _pdf(tmp_path: Path, pages: int = 3) -> Path:
    images = []
    for number in range(pages):
        pixels = np.full((SIZE[1], SIZE[0], 3), 255, np.uint8)
        pixels[100 + 50 * number: 200 + 50 * number, 100:500] = (20 * number, 0, 0)
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, "PNG", dpi=(300, 300))
        images.append(buffer.getvalue())
    path = tmp_path / "doc.pdf"
    path.write_bytes(img2pdf.convert(images))
    return path


def _scan_pdf(tmp_path: Path) -> Path:
    """Two pages, each one JPEG over the whole page, as the station files a scan."""
    images = []
    for number in range(2):
        pixels = np.full((SIZE[1] * 2, SIZE[0] * 2, 3), 250, np.uint8)  # 4 × 6 inches
        pixels[200:400, 200 + 100 * number:1000] = (10, 10, 120)
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, "JPEG", dpi=(300, 300), quality=90)
        images.append(buffer.getvalue())
    path = tmp_path / "scan.pdf"
    path.write_bytes(img2pdf.convert(images))
    return path


def _viewer(qtbot, path: Path) -> PageViewer:
    viewer = PageViewer(Pools())
    qtbot.addWidget(viewer)
    viewer.resize(500, 600)
    viewer.show()
    with qtbot.waitSignal(viewer.page_shown, timeout=20_000):
        viewer.show_pdf(path)
    return viewer


def test_pages_at_filed_resolution_and_page_keys(qtbot, tmp_path):
    viewer = _viewer(qtbot, _pdf(tmp_path))
    assert (viewer.count, viewer.index) == (3, 0)
    size = viewer.item.pixmap().size()
    assert abs(size.width() - SIZE[0]) <= 1 and abs(size.height() - SIZE[1]) <= 1
    viewer.view.setFocus()
    with qtbot.waitSignal(viewer.page_shown, timeout=20_000):
        qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert viewer.index == 1 and "2" in viewer.where.text()
    with qtbot.waitSignal(viewer.page_shown, timeout=20_000):
        qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    assert viewer.index == 0
    viewer.previous()  # nothing before the first page
    assert viewer.index == 0


def test_a_scan_is_shown_at_screen_size_first_then_sharpened_in_place(qtbot, tmp_path):
    path = _scan_pdf(tmp_path)
    full = (SIZE[0] * 2, SIZE[1] * 2)
    quick = pdf_preview(path, 1, (300, 450))  # JPEG's own 1/4 decoding is enough here
    assert quick is not None
    image, resolution = quick
    assert resolution == 0.25 and (image.width(), image.height()) == (full[0] // 4, full[1] // 4)
    assert pdf_preview(_pdf(tmp_path), 0, (300, 450)) is None  # not a JPEG scan: in full only
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(path.read_bytes()[:2000])
    assert pdf_preview(broken, 0, (300, 450)) is None

    viewer = PageViewer(Pools())
    qtbot.addWidget(viewer)
    viewer.resize(300, 420)
    viewer.show()
    shown: list[tuple[float, int, int]] = []

    def seen(index: int) -> None:
        rect = viewer.item.sceneBoundingRect()
        shown.append((viewer.resolution, round(rect.width()), round(rect.height())))

    viewer.page_shown.connect(seen)
    viewer.show_pdf(path)
    qtbot.waitUntil(lambda: viewer.resolution == 1.0, timeout=20_000)
    resolutions = [r for r, _, _ in shown]
    assert resolutions == sorted(resolutions) and resolutions[-1] == 1.0  # never less sharp
    for _, width, height in shown:  # the same place on screen throughout (±1 px: rounding)
        assert abs(width - full[0]) <= 1 and abs(height - full[1]) <= 1
    size = viewer.item.pixmap().size()
    assert abs(size.width() - full[0]) <= 1 and abs(size.height() - full[1]) <= 1
    port = viewer.view.viewport().size()
    assert abs(viewer.scale - min(port.width() / full[0], port.height() / full[1])) < 0.01
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: viewer.index == 1 and viewer.resolution == 1.0, timeout=20_000)
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)  # from the cache: at once, full size
    assert viewer.index == 0 and viewer.resolution == 1.0
    settle(qtbot)


def test_fit_modes_zoom_keys_and_ctrl_wheel(qtbot, tmp_path):
    viewer = _viewer(qtbot, _pdf(tmp_path, pages=1))
    port = viewer.view.viewport().size()
    assert viewer.mode == "page"
    assert abs(viewer.scale - min(port.width() / SIZE[0], port.height() / SIZE[1])) < 0.01
    viewer.fit_width()
    assert abs(viewer.scale - port.width() / SIZE[0]) < 0.01
    viewer.actual_size()
    assert viewer.scale == 1.0 and viewer.view.transform().m11() == 1.0
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale < 1.0
    before = viewer.scale
    wheel = QWheelEvent(QPointF(50, 50), QPointF(viewer.view.mapToGlobal(QPoint(50, 50))),
                        QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewer.view.viewport(), wheel)
    assert viewer.scale > before and viewer.mode == "free"
    viewer.show_pdf(None)
    assert viewer.item.pixmap().isNull() and viewer.where.text() == ""


def test_metadata_in_the_profiles_order_with_code_names_and_dates():
    profile = profiles.load()
    specs = [s for s in profile.fields("document") if s.codes]
    coded = specs[0]
    code, name = coded.codes[0]
    dated = next(s for s in profile.fields("document") if s.type == "date")
    metadata = {dated.tag: "2025-01-05", coded.tag: [code], "zzUnknown": "x"}
    rows = labelled_rows(profile, "document", metadata)
    order = [s.tag for s in profile.fields("document")]
    expected_known = sorted([(dated, "05/01/2025"), (coded, name)],
                            key=lambda pair: order.index(pair[0].tag))
    assert rows == [*[(s.label, v) for s, v in expected_known], ("zzUnknown", "x")]
