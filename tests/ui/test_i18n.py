"""Translations: every tr() string has a finished Vietnamese translation; Vietnamese conventions."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.ui import i18n

TS = i18n.I18N_DIR / "scanstation_vi.ts"
UI = Path(__file__).resolve().parents[2] / "app" / "ui"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def test_every_string_in_the_code_has_a_finished_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, sorted(UI.rglob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_code = set(_messages(fresh))
    shipped = _messages(TS)
    assert in_code - set(shipped) == set(), "run pyside6-lupdate and translate the new strings"
    unfinished = [
        key for key in in_code
        if (shipped[key].find("translation") or ET.Element("x")).get("type")
        or not shipped[key].findtext("translation")
    ]
    assert unfinished == []


def test_vietnamese_is_the_default_and_english_a_choice(qapp):
    i18n.install(i18n.DEFAULT_LANGUAGE)
    assert QCoreApplication.translate("ReviewView", "Approve") == "Duyệt"
    assert i18n.show_number(1234567) == "1.234.567"
    i18n.install("en")
    assert QCoreApplication.translate("ReviewView", "Approve") == "Approve"
    i18n.install(i18n.DEFAULT_LANGUAGE)


def test_qt_own_buttons_and_menus_are_vietnamese(qapp):
    """Qt ships no Vietnamese for its own strings: the standard buttons come from qt_vi.ts."""
    i18n.install("vi")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Retry
    )
    texts = {b.text() for b in buttons.buttons()}
    assert texts == {"Hủy", "Đóng", "Thử lại"}
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Có", "Không"}
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Tìm trong:"
    i18n.install("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in english.buttons()] == ["Cancel"]
    i18n.install(i18n.DEFAULT_LANGUAGE)
    for widget in (buttons, box, english):
        widget.deleteLater()


def test_every_qt_translation_is_finished():
    """Each string in qt_vi.ts has a Vietnamese text (no empty or unfinished entries)."""
    shipped = _messages(i18n.I18N_DIR / "qt_vi.ts")
    assert len(shipped) > 90
    assert [key for key, m in shipped.items() if not m.findtext("translation")] == []


def test_dates_sorting_and_nfc(qapp):
    i18n.install("vi")
    assert i18n.show_date("2025-01-05") == "05/01/2025"
    assert i18n.sorted_texts(["Đức", "Dũng", "Anh", "Ân", "Ăn"]) == ["Anh", "Ăn", "Ân", "Dũng",
                                                                    "Đức"]
    decomposed = "Hoa\u0300 Bi\u0300nh"  # as some input methods send it (NFD)
    assert i18n.nfc(decomposed) == "Hoà Bình"
    assert i18n.nfc(decomposed) != decomposed
