"""Review by keyboard: approve-and-next, the pending filter, batch approval, reasons required."""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import numpy as np
from PIL import Image
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.catalog.models import State
from app.ui.reject_dialog import RejectDialog
from app.ui.review import ReviewView
from tests.ui.conftest import HOSO, PASSWORD, document_meta, settle


def _pdf(tmp_path: Path, number: int) -> Path:
    pixels = np.full((400, 300, 3), 255 - number, np.uint8)  # distinct bytes per document
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "PNG", dpi=(300, 300))
    path = tmp_path / f"doc{number}.pdf"
    path.write_bytes(img2pdf.convert([buffer.getvalue()]))
    return path


def _file(desk, tmp_path: Path, count: int) -> list[str]:
    session = desk.session
    session.sign_in("lan", PASSWORD)
    hoso = session.create_hoso(HOSO)
    codes = []
    for number in range(count):
        meta = document_meta(1) | {"codeNumber": str(10 + number)}
        doc = session.catalog.add_document(_pdf(tmp_path, number), meta, "lan",
                                           hoso=hoso.file_code, page_texts=[""])
        session.catalog.set_state(doc.doc_code, State.INDEXED, "lan")
        codes.append(doc.doc_code)
    session.sign_in("hung", PASSWORD)
    return codes


def _review(qtbot, desk) -> ReviewView:
    review = ReviewView(desk)
    qtbot.addWidget(review)
    review.show()
    review.activateWindow()  # its keys are the active window's
    qtbot.waitActive(review)
    review.refresh()
    settle(qtbot)
    return review


def test_approve_and_next_by_keyboard_then_batch_approve(qtbot, desk, tmp_path):
    codes = _file(desk, tmp_path, 4)
    review = _review(qtbot, desk)
    shown = [i.document.doc_code for i in review.rows]
    assert sorted(shown) == sorted(codes)
    codes = shown  # the table's order (filing time; the same second here)
    first = review.current()  # the first document is open at once, its pages in the viewer
    assert first is not None and first.document.doc_code == codes[0]
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert desk.session.document(codes[0]).state == State.APPROVED
    assert [i.document.doc_code for i in review.rows] == codes[1:]  # pending only
    current = review.current()
    assert current is not None and current.document.doc_code == codes[1]
    review.table.selectAll()
    review.approve()
    settle(qtbot)
    assert {desk.session.document(c).state for c in codes} == {State.APPROVED}
    assert review.rows == []
    review.pending_only.setChecked(False)
    assert len(review.rows) == 4
    settle(qtbot)  # the first row's pages open in the viewer (it counts them in a worker)


class KeyCounter(QObject):
    """Counts every key pressed (a modifier is a key of its own): Qt first offers each press
    to the focus widget as a possible shortcut, whether a shortcut takes it or not."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and watched is \
                QApplication.focusWidget():
            self.presses += 1
        return False


def test_fifty_documents_approved_by_keyboard_alone_two_keys_each(qtbot, desk, tmp_path):
    codes = _file(desk, tmp_path, 50)
    review = ReviewView(desk)
    qtbot.addWidget(review)
    review.show()
    review.activateWindow()
    qtbot.waitActive(review)
    counter = KeyCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    try:
        review.refresh()
        settle(qtbot)
        assert review.current() is not None  # the first document is open at once
        assert review.table.hasFocus()  # coming to Review puts the keys on the list
        approved = []
        while review.rows:
            current = review.current()
            assert current is not None and review.pages.path == desk.session.file_of(
                current.document)  # its page is in the large viewer while it is judged
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)  # Ctrl, then Enter
            settle(qtbot)
            approved.append(current.document.doc_code)
            assert len(approved) <= len(codes), "an approval did not take"
        per_approval = counter.presses / len(approved)  # every key since Review opened
    finally:
        app.removeEventFilter(counter)
    assert sorted(approved) == sorted(codes)
    assert {desk.session.document(c).state for c in codes} == {State.APPROVED}
    assert len(approved) <= counter.presses  # every key was counted, Ctrl as one of its own
    assert per_approval <= 2, per_approval  # Ctrl+Enter: approve and go to the next
    print(f"50 documents approved with {counter.presses} keys: {per_approval:.2f} per approval")


def test_a_reason_is_required_and_kept_with_the_pages(qtbot, desk, tmp_path):
    codes = _file(desk, tmp_path, 2)
    dialog = RejectDialog(codes[0])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.pages.setText("2")
    assert not ok.isEnabled()  # pages alone are no reason
    dialog.boxes[1].setChecked(True)
    dialog.note.setPlainText("  ký hiệu sai  ")
    assert ok.isEnabled()
    reason = dialog.reason()
    assert reason.startswith(dialog.boxes[1].text() + "; ký hiệu sai") and "2" in reason

    review = _review(qtbot, desk)
    review.table.clearSelection()  # the first document is selected on loading
    review.table.selectRow(1)
    target, other = review.rows[1].document.doc_code, review.rows[0].document.doc_code
    review.reject_with(reason)
    settle(qtbot)
    history = desk.session.history(target)
    assert any(e.data.get("to") == "rejected" and e.data.get("reason") == reason
               for e in history), [e.data for e in history]
    assert [i.document.doc_code for i in review.rows] == [other]
