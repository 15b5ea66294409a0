"""A rejected document comes back to its clerk; rescanning a page keeps the document's identity."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from app.catalog import State
from app.ui.document_view import DocumentDialog
from app.ui.names import action_name
from app.ui.scan.view import ScanView
from tests.ui.conftest import (
    HOSO,
    PASSWORD,
    document_meta,
    open_returned,
    sane_scan_view,
    settle,
)

DOCUMENT = document_meta(2)
REASON = "Trang 2 bị mờ, quét lại"


def _images(path: Path) -> list[bytes]:
    with pikepdf.open(path) as pdf:
        return [next(iter(p.get_images().values())).read_raw_bytes() for p in pdf.pages]


def _scan(qtbot, view: ScanView, **kwargs: object) -> None:
    view.controls.start_scan(**kwargs)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=30000)
    settle(qtbot)


def test_rescanned_page_files_a_new_version_of_the_same_document(qtbot, desk, sane_device):
    session = desk.session
    session.sign_in("lan", PASSWORD)
    hoso = session.create_hoso(HOSO)
    view = sane_scan_view(qtbot, desk, sane_device)
    _scan(qtbot, view, max_pages=2)
    view.filing.refresh_hoso(hoso.file_code)
    settle(qtbot)
    view.filing.form.set_values(DOCUMENT)
    with qtbot.waitSignal(view.filed, timeout=30000) as filed:
        view.save()
    settle(qtbot)
    first = filed.args[0]
    session.sign_in("hung", PASSWORD)
    session.reject(first.doc_code, REASON)

    open_returned(qtbot, view, REASON)
    assert view.correcting is not None and view.strip.count() == 2
    assert all(p.as_filed for p in view.strip.batch.state.pages)
    assert not view.filing.put_back_button.isHidden()
    view.strip.setCurrentRow(1)
    kept_id, redone_id = (p.id for p in view.strip.batch.state.pages)
    _scan(qtbot, view, max_pages=1, replacing=redone_id)
    pages = view.strip.batch.state.pages
    assert [p.id for p in pages] == [kept_id, redone_id] and not pages[1].as_filed
    with qtbot.waitSignal(view.filed, timeout=30000) as filed:
        view.save()
    settle(qtbot)

    again = filed.args[0]
    assert (again.uuid, again.doc_code, again.file_name) == \
        (first.uuid, first.doc_code, first.file_name)
    assert again.state == State.INDEXED and again.page_count == 2
    assert [(f.version, f.kind) for f in again.files] == [(1, "scan"), (2, "scan")]
    old, new = (session.catalog.file_path(f.sha256) for f in again.files)
    assert _images(new)[0] == _images(old)[0]  # the page kept is the filed JPEG, byte for byte
    actions = [(e.action, e.data.get("to"), e.data.get("reason")) for e in session.history(
        first.doc_code)]
    rejected = actions.index(("state", "rejected", REASON))
    assert actions.index(("rescan", None, None)) > rejected
    assert actions[-1] == ("state", "indexed", None)
    assert view.strip.count() == 0 and view.correcting is None
    assert view.filing.put_back_button.isHidden()
    assert view.filing.queue.count() == 0

    dialog = DocumentDialog(desk, first.doc_code)
    qtbot.addWidget(dialog)
    settle(qtbot)
    shown = [dialog.history.item(row, 2).text() for row in range(dialog.history.rowCount())]
    assert action_name("rescan") in shown


def test_a_returned_document_waits_until_the_strip_is_filed(qtbot, desk, sane_device):
    session = desk.session
    session.sign_in("lan", PASSWORD)
    view = ScanView(desk)
    qtbot.addWidget(view)
    settle(qtbot)
    view.controls.device.setCurrentIndex(view.controls.device.findData(f"sane:{sane_device}"))
    view.controls.dpi.setValue(50)
    _scan(qtbot, view, max_pages=1)
    hoso = session.create_hoso(HOSO)
    doc = session.file_document(list(view.strip.batch.state.pages), DOCUMENT, hoso.file_code, None,
                                view.flow.reader)
    session.sign_in("hung", PASSWORD)
    session.reject(doc.doc_code, REASON)
    session.sign_in("lan", PASSWORD)
    view.correct(session.document(doc.doc_code))
    assert view.correcting is None and view.filing.message.text()  # the strip still holds a page
    view.tools.delete_page()
    view.correct(session.document(doc.doc_code))
    settle(qtbot)
    assert view.correcting is not None and view.strip.count() == 1
    view.put_back()
    assert view.correcting is None and view.strip.count() == 0
    assert session.document(doc.doc_code).state == State.REJECTED
    settle(qtbot)  # the put-back batch's folder is removed in the writer
    assert not any(session.batches_root.iterdir())
