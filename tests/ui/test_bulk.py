"""The strip in bulk: multi-select, blank pages removed, split at separator and Patch-T sheets."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from app.extract.patch import render_patch_t
from app.extract.separator import Separator
from app.extract.sheets import render_sheet
from app.pipeline.interactive import ScanPage, clean_page
from app.ui import i18n
from app.ui.handover import HandingFolder
from app.ui.scan.view import ScanView
from tests.ui.conftest import HOSO, PASSWORD, document_meta, settle

DPI = 100
W, H = 827, 1169  # A4 at 100 dpi


def _text() -> np.ndarray:
    page = np.full((H, W), 245, np.uint8)
    for y in range(120, 1050, 28):
        page[y:y + 9, 90:90 + 500 + (y * 7) % 200] = 25
    return page


def _on_lid(sheet: np.ndarray) -> np.ndarray:
    lid = np.full((H + 60, W + 60, 3), 60, np.uint8)
    lid[30:30 + H, 30:30 + W] = sheet[..., None]
    return lid


@pytest.fixture(autouse=True)
def english(qtbot):
    """The messages are checked in English (Vietnamese is the desk's default); the pages'
    OCR and the viewer's drawing finish before the test ends."""
    i18n.install("en")
    yield
    settle(qtbot)
    i18n.install(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(scope="module")
def sheets(tmp_path_factory) -> dict[str, ScanPage]:
    """One page of each kind, cleaned by the pipeline as the desk cleans a scanned page."""
    store = HandingFolder(tmp_path_factory.mktemp("sheets"))
    separator = np.asarray(render_sheet(Separator("000.00.00.G09.2025.1", 3), dpi=DPI)
                           .convert("L"))
    kinds = {"text": _text(), "separator": separator, "patch": render_patch_t(W, H, DPI),
             "blank": np.full((H, W), 245, np.uint8)}
    out = {}
    for kind, image in kinds.items():
        raw = store.save(_on_lid(image), dpi=DPI, source="adf")
        out[kind] = clean_page(raw, store.hand_over(raw).pixels)
    assert "blank" in out["blank"].flags and "blank" not in out["text"].flags
    return out


def _view(qtbot, desk, pages: list[ScanPage]) -> ScanView:
    view = ScanView(desk)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot)
    view.strip.add_pages([replace(p, id=f"{p.id}-{i}") for i, p in enumerate(pages)])
    return view


def _ids(view: ScanView) -> list[str]:
    return [p.id for p in view.strip.pages()]


def _click(view: ScanView, row: int, modifier: Qt.KeyboardModifier) -> None:
    strip = view.strip
    rect = strip.visualItemRect(strip.item(row))
    QTest.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _answer(qtbot, view: ScanView, ok: bool = True):
    qtbot.waitUntil(lambda: view.bulk.dialog is not None, timeout=60000)
    dialog = view.bulk.dialog
    assert dialog is not None
    button = QDialogButtonBox.StandardButton.Ok if ok else QDialogButtonBox.StandardButton.Cancel
    shown = (dialog.text.text(), [dialog.pages.item(r).text() for r in range(dialog.pages.count())])
    return dialog, button, shown


def test_selected_pages_turn_move_and_go_together(qtbot, desk, sheets):
    """Multi-select with rotate / move / delete."""
    view = _view(qtbot, desk, [sheets["text"]] * 4)
    ids = _ids(view)
    view.strip.setFocus()
    QTest.keyClick(view.strip, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.strip.selected_pages()) == 4
    view.tools.rotate(1)
    assert all(p.geometry.size == sheets["text"].geometry.size[::-1] for p in view.strip.pages())
    assert len(view.strip.selected_pages()) == 4  # the selection outlives the redraw
    view.tools.undo()  # one step for the whole selection
    assert all(p.geometry == sheets["text"].geometry for p in view.strip.pages())

    _click(view, 1, Qt.KeyboardModifier.NoModifier)
    _click(view, 2, Qt.KeyboardModifier.ShiftModifier)
    assert [p.id for p in view.strip.selected_pages()] == ids[1:3]
    view.tools.shift(-1)
    assert _ids(view) == [ids[1], ids[2], ids[0], ids[3]]
    view.tools.shift(-1)  # already first: stays
    assert _ids(view) == [ids[1], ids[2], ids[0], ids[3]]
    _click(view, 3, Qt.KeyboardModifier.ControlModifier)
    assert {p.id for p in view.strip.selected_pages()} == {ids[1], ids[2], ids[3]}
    QTest.keyClick(view.strip, Qt.Key.Key_Delete)
    assert _ids(view) == [ids[0]]
    view.tools.undo()
    assert len(_ids(view)) == 4
    settle(qtbot)  # the turned pages' OCR


def test_nothing_selected_says_so_and_changes_nothing(qtbot, desk, sheets):
    view = _view(qtbot, desk, [sheets["text"]] * 2)
    view.strip.clearSelection()
    before = view.strip.batch.state
    assert not view.tools.buttons["delete"].isEnabled()
    for act in (view.tools.delete_page, lambda: view.tools.rotate(1),
                lambda: view.tools.shift(1)):
        view.filing.message.clear()
        act()
        assert "Ctrl+A" in view.filing.message.text()
    assert view.strip.batch.state is before and not view.strip.batch.can_undo


def test_blank_pages_are_listed_then_removed_in_one_step(qtbot, desk, sheets):
    view = _view(qtbot, desk, [sheets["text"], sheets["blank"], sheets["text"], sheets["blank"]])
    ids = _ids(view)
    view.bulk.blank_button.click()
    dialog, ok, (text, captions) = _answer(qtbot, view)
    assert "2" in text and captions == ["p. 2", "p. 4"]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert _ids(view) == ids  # cancelled: nothing removed

    view.bulk.remove_blank()
    dialog, ok, _ = _answer(qtbot, view)
    dialog.buttons.button(ok).click()
    assert _ids(view) == [ids[0], ids[2]]
    assert "2" in view.filing.message.text()
    view.bulk.remove_blank()  # none left
    assert view.bulk.dialog is None and view.filing.message.text()
    view.tools.undo()
    assert _ids(view) == ids


def test_all_pages_blank_warns_the_strip_will_be_empty(qtbot, desk, sheets):
    view = _view(qtbot, desk, [sheets["blank"]] * 3)
    view.bulk.remove_blank()
    dialog, ok, (text, captions) = _answer(qtbot, view)
    assert len(captions) == 3 and "empty" in text
    dialog.buttons.button(ok).click()
    assert view.strip.count() == 0 and not view.bulk.blank_button.isEnabled()
    view.tools.undo()
    assert view.strip.count() == 3


def test_split_at_sheets_files_each_part_as_its_own_document(qtbot, desk, sheets):
    session = desk.session
    session.sign_in("lan", PASSWORD)
    hoso = session.create_hoso(HOSO)
    kinds = ["text", "separator", "text", "text", "patch", "text"]
    view = _view(qtbot, desk, [sheets[k] for k in kinds])
    ids = _ids(view)
    view.bulk.split_button.click()
    dialog, ok, (_, captions) = _answer(qtbot, view)
    assert len(captions) == 2 and captions[0].startswith("p. 2") and captions[1].startswith("p. 5")
    assert dialog.ticked() == [0, 1]
    dialog.buttons.button(ok).click()
    documents = [[p.id for p in doc] for doc in view.strip.batch.state.documents()]
    assert documents == [[ids[0]], [ids[2], ids[3]], [ids[5]]]  # the sheets are gone

    view.filing.refresh_hoso(hoso.file_code)
    settle(qtbot)
    view.filing.form.set_values(document_meta(1))
    with qtbot.waitSignal(view.filed, timeout=60000) as filed:
        view.save()
    settle(qtbot)
    assert filed.args[0].page_count == 1
    assert [[p.id for p in doc] for doc in view.strip.batch.state.documents()] == documents[1:]
    view.tools.undo()  # filing is not undone
    assert view.strip.count() == 3


def test_an_unticked_sheet_stays_a_page_and_no_split_leaves_an_empty_document(qtbot, desk,
                                                                             sheets):
    kinds = ["separator", "separator", "text", "patch", "text"]
    view = _view(qtbot, desk, [sheets[k] for k in kinds])
    ids = _ids(view)
    view.bulk.find_splits()
    dialog, ok, (_, captions) = _answer(qtbot, view)
    assert len(captions) == 3
    dialog.pages.item(2).setCheckState(Qt.CheckState.Unchecked)  # keep the Patch-T sheet
    dialog.buttons.button(ok).click()
    documents = [[p.id for p in doc] for doc in view.strip.batch.state.documents()]
    assert documents == [[ids[2], ids[3], ids[4]]]  # two sheets in a row make no empty document


def test_a_strip_of_sheets_only_is_left_as_it_is(qtbot, desk, sheets):
    view = _view(qtbot, desk, [sheets["separator"], sheets["patch"]])
    before = view.strip.batch.state
    view.bulk.find_splits()
    dialog, ok, _ = _answer(qtbot, view)
    dialog.buttons.button(ok).click()
    assert view.strip.batch.state is before
    assert "no document" in view.filing.message.text()
    settle(qtbot)
