"""The indexing form: built from the profile, inline Vietnamese errors, OCR values highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.catalog import profiles
from app.ui.index_form import PREFILLED, IndexForm


def test_form_follows_the_profile_and_reports_inline(qtbot):
    form = IndexForm(profiles.load("tt05-2025"), "document")
    qtbot.addWidget(form)
    assert "docCode" not in form.editors and "typeName" in form.editors
    assert form.editors["typeName"].combo is not None
    form.editors["issuedDate"].line.setText("31/02/2025")
    assert not form.editors["issuedDate"].check_format()
    assert form.check() is None
    assert "bắt buộc" in form.editors["subject"].error.text()
    assert not form.editors["subject"].error.isHidden()


def test_values_are_nfc_and_codes_are_codes(qtbot):
    form = IndexForm(profiles.load("tt05-2025"), "document")
    qtbot.addWidget(form)
    form.set_values({"typeName": "10", "issuedDate": "2025-01-05"})
    form.editors["subject"].line.setText("Ke\u0302\u0301 hoa\u0323ch")  # NFD, as typed
    values = form.values()
    assert values["subject"] == "Kế hoạch"
    assert values["typeName"] == "10"
    assert form.editors["issuedDate"].line.text() == "05/01/2025"
    checked = form.check(inherited={"maintenance": "01", "language": ["01"], "mode": "01"})
    assert checked is None  # organName still missing
    form.editors["organName"].line.setText("UBND quận")
    assert form.check(inherited={"maintenance": "01", "language": ["01"], "mode": "01"})


def test_ocr_values_stay_highlighted_until_confirmed(qtbot):
    form = IndexForm(profiles.load("tt05-2025"), "document")
    qtbot.addWidget(form)
    form.set_values({"subject": "Kế hoạch", "codeNumber": "12"}, prefilled=True)
    assert sorted(form.unconfirmed()) == ["codeNumber", "subject"]
    assert form.editors["subject"].line.styleSheet() == PREFILLED
    qtbot.keyClicks(form.editors["codeNumber"].line, "3")
    with qtbot.waitSignal(form.accepted):
        qtbot.keyPress(form.editors["subject"].line, Qt.Key.Key_Return)
    assert form.unconfirmed() == []
