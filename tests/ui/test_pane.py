"""The clerk's page pane: the cleaned page in the viewer, the raw scan, a returned document."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from app.pipeline.interactive import clean_page
from app.ui.handover import HandingFolder
from app.ui.scan.view import ScanView
from tests.ui.conftest import HOSO, PASSWORD, document_meta, settle


def _page(tmp_path, extra: int = 0):
    """A white sheet (taller by `extra` rows) on the dark scanner lid, with lines of "text"."""
    sheet = np.full((1100 + extra, 850, 3), 70, np.uint8)
    sheet[60:1040 + extra, 80:780] = 245
    for y in range(150, 950, 30):
        sheet[y:y + 10, 150:650] = 20
    store = HandingFolder(tmp_path / "batch")
    raw = store.save(sheet, dpi=100, source="flatbed")
    return clean_page(raw, store.hand_over(raw).pixels)


def _view(qtbot, desk) -> ScanView:
    view = ScanView(desk)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot)
    return view


def _shown(view: ScanView) -> tuple[int, int]:
    pixmap = view.pane.viewer.item.pixmap()
    return pixmap.width(), pixmap.height()


def test_cleaned_page_in_the_viewer_follows_rotation_and_toggles_to_raw(qtbot, desk, tmp_path):
    """Rotation redraws the page; the toggle shows the raw scan with its handles."""
    view = _view(qtbot, desk)
    page = _page(tmp_path)
    view.strip.arrived(page)
    pane = view.pane
    assert pane.stack.currentWidget() is pane.viewer
    qtbot.waitUntil(lambda: _shown(view) == page.geometry.size, timeout=20000)
    view.tools.rotate(1)
    qtbot.waitUntil(lambda: _shown(view) == page.geometry.size[::-1], timeout=20000)
    pane.viewer.zoom_in()  # the viewer's own zoom works on the clerk's page
    assert pane.viewer.mode == "free"

    pane.raw_button.click()
    assert pane.stack.currentWidget() is pane.preview and len(pane.preview.handles) == 4
    assert pane.preview.page is not None and pane.preview.page.geometry.size == \
        page.geometry.size[::-1]
    pane.raw_button.click()
    assert pane.stack.currentWidget() is pane.viewer
    view.tools.delete_page()
    qtbot.waitUntil(lambda: pane.viewer.item.pixmap().isNull())
    settle(qtbot)


def test_page_keys_in_the_pane_turn_the_strips_pages(qtbot, desk, tmp_path):
    view = _view(qtbot, desk)
    pages = [_page(tmp_path, extra) for extra in (0, 40, 80)]
    for page in pages:
        view.strip.arrived(page)
    sizes = [p.geometry.size for p in pages]
    assert len(set(sizes)) == 3  # each page is told apart by its size on screen
    pane, strip = view.pane, view.strip
    qtbot.waitUntil(lambda: _shown(view) == sizes[0], timeout=20000)
    pane.viewer.view.setFocus()
    assert pane.viewer.view.hasFocus()
    for key, row in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageDown, 2),
                     (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_PageUp, 1)):
        qtbot.keyClick(pane.viewer.view, key)  # a real key event to the focused viewer
        current = strip.current_page()
        assert strip.currentRow() == row and current is not None and current.id == pages[row].id
        qtbot.waitUntil(lambda row=row: _shown(view) == sizes[row], timeout=20000)
        assert pane.viewer.view.hasFocus()  # the clerk keeps turning pages without the mouse
    pane.raw_button.click()  # the raw scan with its handles turns pages the same way
    pane.preview.setFocus()
    qtbot.keyClick(pane.preview, Qt.Key.Key_PageUp)
    assert strip.currentRow() == 0 and pane.preview.page is not None
    assert pane.preview.page.id == pages[0].id
    qtbot.keyClick(pane.preview, Qt.Key.Key_PageUp)  # nothing before the first page
    assert strip.currentRow() == 0
    settle(qtbot)


def test_a_returned_document_is_shown_in_the_viewer_when_selected(qtbot, desk, tmp_path):
    """A returned document's filed pages are shown in the same viewer."""
    session = desk.session
    session.sign_in("lan", PASSWORD)
    hoso = session.create_hoso(HOSO)
    view = _view(qtbot, desk)
    doc = session.file_document([_page(tmp_path)], document_meta(1), hoso.file_code, None,
                                view.flow.reader)
    session.sign_in("hung", PASSWORD)
    session.reject(doc.doc_code, "Trang mờ")
    session.sign_in("lan", PASSWORD)
    view.filing.refresh_queue()
    settle(qtbot)
    view.filing.queue.setCurrentRow(0)
    viewer = view.pane.viewer
    qtbot.waitUntil(lambda: viewer.count == 1 and not viewer.item.pixmap().isNull(),
                    timeout=20000)
    assert viewer.path == session.file_of(doc)
    assert view.filing.queue.item(0).data(Qt.ItemDataRole.UserRole).doc_code == doc.doc_code
    settle(qtbot)
