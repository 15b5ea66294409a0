"""The indexing form: built from the profile, inline Vietnamese errors, OCR values highlighted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.catalog import profiles
from app.extract.model import GUESSED, REASONS, SLASH_LOST, UNSURE
from app.ui import i18n
from app.ui.index_form import PREFILLED, SUGGESTED, IndexForm


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


@pytest.fixture
def vietnamese() -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.install(i18n.DEFAULT_LANGUAGE)


def test_a_suggestion_is_shown_apart_and_never_filed_unconfirmed(qtbot, vietnamese):
    """Suggestions are shown apart until the clerk confirms them."""
    form = IndexForm(profiles.load("tt05-2025"), "document")
    qtbot.addWidget(form)
    form.set_values({"subject": "Kế hoạch", "codeNumber": "7", "codeNotation": "KH-MTTQ"},
                    prefilled=True, why={"codeNumber": SLASH_LOST, "codeNotation": SLASH_LOST})
    number, notation = form.editors["codeNumber"], form.editors["codeNotation"]
    subject = form.editors["subject"]
    assert sorted(form.suggestions()) == ["codeNotation", "codeNumber"]
    assert number.line.styleSheet() == SUGGESTED and subject.line.styleSheet() == PREFILLED
    assert "dấu gạch chéo" in number.line.toolTip()  # the reason, in Vietnamese
    assert "Gợi ý" in number.line.toolTip()
    # filing with a suggestion still waiting is refused, the field says what to do
    assert form.check(inherited={"maintenance": "01", "language": ["01"], "mode": "01"}) is None
    assert "Enter" in number.error.text() and not number.error.isHidden()
    # Enter on a suggestion confirms that value only: the form is not accepted by the same key
    with qtbot.assertNotEmitted(form.accepted):
        qtbot.keyPress(number.line, Qt.Key.Key_Return)
    assert number.line.styleSheet() == "" and number.error.isHidden()
    assert form.suggestions() == ["codeNotation"]
    # editing a suggestion confirms it too; the value kept is the clerk's
    qtbot.keyPress(notation.line, Qt.Key.Key_End)
    qtbot.keyClicks(notation.line, "-BTT")
    assert form.suggestions() == [] and form.values()["codeNotation"] == "KH-MTTQ-BTT"
    assert form.unconfirmed() == ["subject"]  # the confident value keeps its highlight


def test_a_suggestion_never_overwrites_what_the_clerk_typed(qtbot, vietnamese):
    form = IndexForm(profiles.load("tt05-2025"), "document")
    qtbot.addWidget(form)
    qtbot.keyClicks(form.editors["subject"].line, "Bao cao thang")
    form.set_values({"subject": "Bảo cáo"}, prefilled=True, why={"subject": GUESSED})
    assert form.values()["subject"] == "Bao cao thang" and form.suggestions() == []
    form.set_values({"organName": "BAN THƯỜNG TRỰC"}, prefilled=True, why={"organName": UNSURE})
    assert "không chắc" in form.editors["organName"].line.toolTip()


def test_every_reason_for_a_suggestion_has_its_own_wording(qtbot, vietnamese):
    """The clerk is told why each suggestion is one, in Vietnamese, never the generic doubt."""
    form = IndexForm(profiles.load("tt05-2025"), "document")
    qtbot.addWidget(form)
    subject = form.editors["subject"]
    tips = set()
    for why in REASONS:
        form.set_values({"subject": "Kế hoạch"}, prefilled=True, why={"subject": why})
        tip = subject.line.toolTip()
        assert "Gợi ý" in tip and "chưa chắc chắn" not in tip, why
        tips.add(tip)
    assert len(tips) == len(REASONS)
