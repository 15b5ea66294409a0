"""Languages and Vietnamese conventions: translators, dd/mm/yyyy dates, numbers, sorting, NFC."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("vi", "en")  # Vietnamese is the default
DEFAULT_LANGUAGE = "vi"
_installed: list[QTranslator] = []


def lrelease() -> str:
    """The pyside6-lrelease next to this Python (the venv's), else the one on PATH."""
    here = Path(sys.executable).with_name("pyside6-lrelease")
    return str(here) if here.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")


def compile_translations(folder: Path = I18N_DIR) -> list[Path]:
    """Compile every .ts in `folder` to .qm when the .qm is missing or older (the build step)."""
    done = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        done.append(qm)
    return done


def install(language: str) -> None:
    """Make `language` the application's language (Qt's own dialogs included)."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam) if language == "vi" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    if language == "vi":
        # Ours, then Qt's own strings (Qt ships no qtbase_vi, so resources/i18n/qt_vi.ts has them).
        for name in ("scanstation_vi.qm", "qt_vi.qm"):
            translator = QTranslator(app)
            if translator.load(str(I18N_DIR / name)):
                _installed.append(translator)
    for translator in _installed:
        app.installTranslator(translator)


def nfc(text: str) -> str:
    """What Vietnamese input methods (Unikey, ibus-bamboo) type, in the NFC form we store."""
    return unicodedata.normalize("NFC", text)


def show_date(iso: str) -> str:
    """A stored ISO date (or date-time) as dd/mm/yyyy (partial dates as mm/yyyy, yyyy)."""
    if not iso:
        return ""
    if "T" in iso:
        return datetime.datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    return "/".join(reversed(iso.split("-")))


def show_number(value: int) -> str:
    """An integer with the language's digit grouping (1.234 in Vietnamese)."""
    return QLocale().toString(value)


def sorted_texts(texts: list[str]) -> list[str]:
    """Texts in the language's collation order (Vietnamese: a ă â b c d đ e ê …)."""
    collator = QCollator(QLocale())
    return sorted(texts, key=collator.sortKey)
