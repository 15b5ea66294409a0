"""Dragging an outline handle in the preview re-crops the page; undo puts the crop back."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.pipeline.interactive import clean_page
from app.ui.handover import HandingFolder
from app.ui.scan.view import ScanView
from tests.ui.conftest import settle


def test_dragging_a_handle_moves_that_corner_and_undo_restores(qtbot, desk, tmp_path):
    view = ScanView(desk)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot)
    sheet = np.full((1100, 850, 3), 70, np.uint8)  # a white sheet on the dark scanner lid
    sheet[60:1040, 80:780] = 245
    sheet[200:230, 150:700] = 20
    store = HandingFolder(tmp_path / "batch")
    raw = store.save(sheet, dpi=100, source="flatbed")
    page = clean_page(raw, store.hand_over(raw).pixels)
    view.strip.arrived(page)
    view.pane.raw_button.click()  # from the cleaned page to the raw scan with its handles
    before = page.geometry
    assert view.pane.stack.currentWidget() is view.pane.preview
    assert len(view.pane.preview.handles) == 4 and not view.tools.buttons["undo"].isEnabled()

    preview = view.pane.preview
    corner = preview.handles[0].pos()
    start = preview.mapFromScene(corner)
    end = start + QPoint(25, 18)
    port = preview.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(port, start + QPoint(10, 7))
    QTest.mouseMove(port, end)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    settle(qtbot)

    moved = view.strip.current_page()
    assert moved is not None and moved.id == page.id
    target = corner + preview.mapToScene(end) - preview.mapToScene(start)  # the drag's delta
    x, y = moved.geometry.quad[0]
    assert abs(x - target.x() / page.scale) < 1 and abs(y - target.y() / page.scale) < 1
    assert (x, y) != before.quad[0]
    assert moved.geometry.quad[1:] == before.quad[1:]
    assert view.tools.buttons["undo"].isEnabled()
    view.tools.undo()
    restored = view.strip.current_page()
    assert restored is not None and restored.geometry == before
    assert preview.handles[0].pos() == corner
