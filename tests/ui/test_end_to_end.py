"""The whole day: scan, fix, index, file, send back, rescan, approve, sign, find."""

from __future__ import annotations

import pikepdf
from PySide6.QtCore import Qt

from app.catalog import State
from app.ui.review import ReviewView
from app.ui.search_view import SearchView
from app.ui.sign_view import SignView
from testkit.softhsm import SOFTHSM
from tests.fixtures.tokens import PIN, TOKEN
from tests.ui.conftest import (
    HOSO,
    PASSWORD,
    document_meta,
    open_returned,
    sane_scan_view,
    settle,
)

DOCUMENT = document_meta(3)
REASON = "Trang 3 bị mờ, quét lại"


def _scan(qtbot, view, **kwargs: object) -> None:
    view.controls.start_scan(**kwargs)
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=30000)
    settle(qtbot)


def test_scan_file_send_back_rescan_approve_sign_find(qtbot, desk, pki, sane_device):
    """Scan three pages from SANE's test device, fix a page, index, file; the supervisor sends it
    back, the clerk rescans a page and files it again, the supervisor approves; sign with the
    SoftHSM2 token, and find the document by search. No traceback on the terminal
    (tests/ui/conftest.py fails a test that prints or logs one).
    """
    session = desk.session
    session.sign_in("lan", PASSWORD)
    hoso = session.create_hoso(HOSO)
    view = sane_scan_view(qtbot, desk, sane_device)
    shown: list[float] = []
    view.page_shown.connect(shown.append)
    view.controls.start_scan(max_pages=3)
    qtbot.waitUntil(lambda: len(view.strip.batch.state.pages) == 3, timeout=30000)
    settle(qtbot)
    assert view.strip.count() == 3
    qtbot.waitUntil(lambda: all(p.ocr is not None for p in view.strip.batch.state.pages))

    second = view.strip.batch.state.pages[1]
    view.strip.setCurrentRow(1)
    view.tools.rotate(1)
    settle(qtbot)
    turned = view.strip.batch.state.pages[1]
    assert turned.id == second.id
    assert turned.geometry.size == second.geometry.size[::-1]

    view.filing.refresh_hoso(hoso.file_code)
    settle(qtbot)
    view.filing.form.set_values(DOCUMENT)
    with qtbot.waitSignal(view.filed, timeout=30000) as filed:
        qtbot.keyPress(view.filing.form.editors["subject"].line, Qt.Key.Key_Return)
    settle(qtbot)
    doc = filed.args[0]
    assert doc.state == State.INDEXED and doc.page_count == 3
    assert view.strip.count() == 0
    with pikepdf.open(session.file_of(doc)) as pdf:
        boxes = [tuple(float(v) for v in p.mediabox[2:]) for p in pdf.pages]
    assert boxes[1] == boxes[0][::-1]

    session.sign_in("hung", PASSWORD)
    review = ReviewView(desk)
    qtbot.addWidget(review)
    review.show()
    review.activateWindow()  # the supervisor approves by keyboard: its keys are the window's
    qtbot.waitActive(review)
    review.refresh()
    qtbot.waitUntil(lambda: review.table.rowCount() == 1)
    assert "page_count" not in review.items[0].flags
    current = review.current()  # the first document is open at once
    assert current is not None and current.document.doc_code == doc.doc_code
    review.reject_with(REASON)  # sent back to the clerk
    settle(qtbot)
    assert session.document(doc.doc_code).state == State.REJECTED
    assert review.rows == []  # nothing left to review

    open_returned(qtbot, view, REASON)
    assert view.correcting is not None and view.strip.count() == 3
    view.strip.setCurrentRow(2)
    kept = [p.id for p in view.strip.batch.state.pages]
    _scan(qtbot, view, max_pages=1, replacing=kept[2])  # the blurred page, scanned again
    pages = view.strip.batch.state.pages
    assert [p.id for p in pages] == kept and not pages[2].as_filed
    with qtbot.waitSignal(view.filed, timeout=30000) as filed:
        view.save()
    settle(qtbot)
    again = filed.args[0]
    assert (again.uuid, again.doc_code) == (doc.uuid, doc.doc_code)
    assert again.state == State.INDEXED and again.page_count == 3
    assert [f.kind for f in again.files] == ["scan", "scan"]

    session.sign_in("hung", PASSWORD)
    review.refresh()
    qtbot.waitUntil(lambda: review.table.rowCount() == 1)
    assert "rescanned" in review.items[0].flags  # marked as such for the supervisor
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert session.document(doc.doc_code).state == State.APPROVED

    session.sign_in("mai", PASSWORD)
    desk.prefs.set_token(SOFTHSM, TOKEN, "rsa")  # selected again in the lists of what is plugged in
    sign = SignView(desk)
    qtbot.addWidget(sign)
    asked: list[str] = []

    def ask(request):
        asked.append(request.token_label)
        return PIN

    sign.ask_pin = ask
    sign.refresh()
    settle(qtbot)
    assert sign.table.rowCount() == 1
    chosen = sign.picker.certificate()
    assert chosen is not None and chosen.label == "rsa"
    sign.sign_chosen()
    qtbot.waitUntil(lambda: sign.table.item(0, 2) is not None, timeout=60000)
    settle(qtbot, timeout=60000)
    assert asked == [TOKEN]
    result = sign.table.item(0, 2)
    assert result is not None and result.text() in ("signed", "đã ký")
    signed = session.document(doc.doc_code)
    assert signed.state == State.SIGNED and signed.files[-1].kind == "signed"
    assert [f.kind for f in signed.files] == ["scan", "scan", "signed"]

    search = SearchView(desk)
    qtbot.addWidget(search)
    search.query.setText("so hoa tai lieu")
    search.search()
    settle(qtbot)
    assert [h.doc_code for h in search.hits] == [doc.doc_code]
    dialog = search.open(0)
    settle(qtbot)
    assert dialog.loaded is not None
    qtbot.waitUntil(lambda: not dialog.pages.item.pixmap().isNull(), timeout=20_000)
    assert dialog.pages.count == 3  # the signed copy, stamp and all, in the page viewer
    assert any(e.action == "sign" for e in dialog.loaded.history)
