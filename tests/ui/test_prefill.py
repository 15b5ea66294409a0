"""The form is filled from the first document's first page that is not blank."""

from __future__ import annotations

import pytest

from app.pipeline.interactive import ScanPage
from app.ui.prefs import Prefs
from app.ui.scan.flow import PageFlow
from app.ui.scan.view import ScanView
from tests.ui.conftest import PASSWORD, settle

SEED = 29  # the demo feeder's first sheet is blank for this seed, its second a first page


@pytest.fixture
def prefs(prefs: Prefs) -> Prefs:
    prefs.ocr = "tesseract"  # the fields are read from the page's OCR
    return prefs


def test_a_blank_first_sheet_does_not_leave_the_form_empty(qtbot, desk, monkeypatch):
    desk.session.sign_in("lan", PASSWORD)
    view = ScanView(desk)
    qtbot.addWidget(view)
    settle(qtbot)
    controls = view.controls
    controls.device.addItem("demo", f"demo:{SEED}")
    controls.device.setCurrentIndex(controls.device.findData(f"demo:{SEED}"))
    controls.source.setCurrentIndex(controls.source.findData("adf"))
    asked: list[str] = []  # the pages whose fields were read
    read_fields = PageFlow.prefill

    def spy(flow: PageFlow, first: ScanPage, pages: int) -> None:
        asked.append(first.id)
        read_fields(flow, first, pages)

    monkeypatch.setattr(PageFlow, "prefill", spy)
    controls.start_scan(max_pages=2)

    def pages():
        return view.strip.batch.state.pages

    qtbot.waitUntil(lambda: len(pages()) == 2 and all(p.ocr is not None for p in pages()),
                    timeout=120000)
    first, second = pages()
    assert "blank" in first.flags and "blank" not in second.flags
    assert len(view.strip.batch.state.documents()) == 1  # one document, a blank sheet first
    qtbot.waitUntil(lambda: bool(view.filing.form.values().get("issuedDate")), timeout=60000)
    assert "issuedDate" in view.filing.form.unconfirmed()  # read from the page, highlighted
    settle(qtbot)
    assert asked == [second.id]  # never the blank sheet, and the page once
