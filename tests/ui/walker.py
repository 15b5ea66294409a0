"""Collect every text a user can see on the desk's windows, and judge whether it is Vietnamese."""

from __future__ import annotations

import ast
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
TAG = re.compile(r"<[a-zA-Z/][^>]*>")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# Words that are English but belong on a Vietnamese screen, each for a reason:
ALLOWED = {
    "english",  # the language's own name in the language chooser («English»)
    "dpi",  # the unit of resolution, written so in Vietnamese too
    "demo",  # the demo scanner's device name, as the device reports it (data, not ours)
    "noname", "frontend", "tester",  # the SANE test backend's device name (data, not ours)
    "osd", "opensc",  # names: Tesseract's orientation model, the OpenSC token driver
    "vietnamese",  # a name: Tesseract's Vietnamese script model, as `tesseract --list-langs` says
}
# Keys, as printed on a keyboard (the shortcut list names them so)
KEYS = {"Ctrl", "Shift", "Alt", "Tab", "Enter", "Delete", "Del", "Esc", "Home", "End", "PgUp",
        "PgDown", "PgDn", "Space", "Backspace", "Ins"}
# Paths, file names, device ids and command-line options are codes, not words: left out.
CODE_TOKEN = re.compile(r"\S*[/\\]\S*|\S*\w[:.]\w\S*|--\S+")


@dataclass(frozen=True)
class Seen:
    """One visible text and where it was seen."""

    where: str
    text: str


def _plain(text: str) -> str:
    if TAG.search(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _name(widget: object) -> str:
    name = widget.objectName() if hasattr(widget, "objectName") else ""
    return type(widget).__name__ + (f"#{name}" if name else "")


def _actions(owner: QWidget, where: str) -> Iterator[Seen]:
    for action in owner.actions():
        yield from _action(action, where)


def _action(action: QAction, where: str) -> Iterator[Seen]:
    if action.isSeparator() or not action.isVisible():
        return
    text = action.text().replace("&", "")
    yield Seen(f"{where} action", text)
    if action.toolTip().replace("&", "") != text:
        yield Seen(f"{where} action tooltip", action.toolTip())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _actions(menu, f"{where} > {text}")


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model (QListWidget's) keeps its count private: one column
        return 1


def _view(view: QAbstractItemView, where: str) -> Iterator[Seen]:
    model = view.model()
    if model is None:
        return
    for col in range(_columns(model, QModelIndex())):
        yield Seen(f"{where} header", str(model.headerData(col, Qt.Orientation.Horizontal) or ""))

    def rows(parent: QModelIndex, depth: int) -> Iterator[Seen]:
        for row in range(min(model.rowCount(parent), 200)):
            for col in range(_columns(model, parent)):
                index = model.index(row, col, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield Seen(f"{where} cell", value)
                if depth < 3 and col == 0 and model.rowCount(index) > 0:
                    yield from rows(index, depth + 1)

    yield from rows(QModelIndex(), 0)


def texts(window: QWidget) -> list[Seen]:
    """Every text `window` and its visible children show (or show on hover).

    Generic on purpose: it walks every top-level widget and all its children (labels, buttons, tab
    titles, window titles, menus and actions, tooltips, placeholders, table headers and cells, combo
    items), so a screen added later is covered without changing the walk.
    """
    seen: list[Seen] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        where = f"{_name(window)} › {_name(widget)}"
        if widget.isWindow():
            seen.append(Seen(f"{where} title", widget.windowTitle()))
        seen.append(Seen(f"{where} tooltip", _plain(widget.toolTip())))
        seen.append(Seen(f"{where} status tip", widget.statusTip()))
        seen.extend(_actions(widget, where))
        if isinstance(widget, QLabel):
            seen.append(Seen(f"{where} text", _plain(widget.text())))
        elif isinstance(widget, QAbstractButton):
            seen.append(Seen(f"{where} text", widget.text().replace("&", "")))
        elif isinstance(widget, QGroupBox):
            seen.append(Seen(f"{where} title", widget.title()))
        elif isinstance(widget, QLineEdit):
            seen.append(Seen(f"{where} placeholder", widget.placeholderText()))
            if widget.isReadOnly():
                seen.append(Seen(f"{where} text", widget.text()))
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            seen.append(Seen(f"{where} placeholder", widget.placeholderText()))
            if widget.isReadOnly():
                seen.append(Seen(f"{where} text", widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            seen.extend(Seen(f"{where} item", widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                seen.append(Seen(f"{where} tab", widget.tabText(i).replace("&", "")))
                seen.append(Seen(f"{where} tab tooltip", widget.tabToolTip(i)))
        elif isinstance(widget, QAbstractItemView):
            seen.extend(_view(widget, where))
        elif isinstance(widget, QProgressBar) and widget.isTextVisible():
            seen.append(Seen(f"{where} text", widget.text()))
        elif isinstance(widget, QStatusBar):
            seen.append(Seen(f"{where} message", widget.currentMessage()))
        if isinstance(widget, QSpinBox):
            seen.extend(Seen(f"{where} affix", t) for t in (widget.prefix(), widget.suffix()))
        if isinstance(widget, QAbstractSpinBox):
            seen.append(Seen(f"{where} special", widget.specialValueText()))
        if isinstance(widget, QDateEdit):
            seen.append(Seen(f"{where} date format", widget.displayFormat()))
    return [s for s in seen if s.text.strip()]


def on_screen() -> list[Seen]:
    """Every text of every visible top-level window (dialogs, menus, message boxes included)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return [s for w in app.topLevelWidgets() if w.isVisible() for s in texts(w)]


def every_tab(root: QWidget, wait: Callable[[], None], into: list[Seen]) -> None:
    """Bring each page of every tab widget under `root` to the front in turn (nested ones
    through their parent's pages) and collect what the screen shows each time."""
    for tabs in root.findChildren(QTabWidget):
        parent = tabs.parentWidget()
        while parent is not None and parent is not root and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if isinstance(parent, QTabWidget) and parent is not root:
            continue  # nested: reached from its parent's page
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            wait()
            into.extend(on_screen())
            page = tabs.widget(index)
            if page is not None:
                every_tab(page, wait, into)


def while_modal(trigger: Callable[[], object], into: list[Seen],
                act: Callable[[QWidget], None] | None = None) -> None:
    """Run `trigger`, which opens a modal dialog (exec); collect what it shows, then close it.

    `act`, when given, does something in the dialog first (e.g. press OK to see its error).
    """
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        into.extend(texts(dialog))
        if act is not None:
            act(dialog)
            into.extend(texts(dialog))
        if dialog.isVisible():
            dialog.close()

    QTimer.singleShot(50, look)
    trigger()


@cache
def _ts(name: str) -> list[tuple[str, str]]:
    root = ET.parse(i18n.I18N_DIR / name).getroot()
    return [(m.findtext("source") or "", m.findtext("translation") or "")
            for m in root.iter("message")]


PLACEHOLDER = re.compile(r"\{\w+\}|%\d")


def _words(texts_: Iterable[str]) -> set[str]:
    return {w.lower() for t in texts_ for w in WORD.findall(PLACEHOLDER.sub(" ", t))}


def _core_strings() -> Iterator[str]:
    """The string constants of the core: the English its errors and notes are written in."""
    for path in (ROOT / "app").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "app").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield node.value


def _vietnamese(text: str) -> bool:
    """Whether most words of `text` are written with Vietnamese letters (a core message in
    Vietnamese, not an English one that names a hồ sơ)."""
    words = WORD.findall(text)
    return bool(words) and sum(not w.isascii() for w in words) * 5 >= len(words) * 3


@cache
def english_words() -> frozenset[str]:
    """English words the desk could leak: those of every source string (ours, Qt's, the core's)
    that are no Vietnamese syllable (the lexicon, the translations, the core's Vietnamese
    texts), minus the short allow-list."""
    pairs = _ts("scanstation_vi.ts") + _ts("qt_vi.ts")
    core = list(_core_strings())
    english = _words(s for s, _ in pairs) | _words(s for s in core if not _vietnamese(s))
    lexicon = (ROOT / "resources" / "lexicon" / "vi-words.txt").read_text(encoding="utf-8")
    vietnamese = _words(t for _, t in pairs) | _words(s for s in core if _vietnamese(s)) \
        | _words(lexicon.splitlines())
    return frozenset(w for w in english - vietnamese - ALLOWED if w.isascii() and len(w) > 1)


@cache
def untranslated_sources() -> frozenset[str]:
    """Source strings whose Vietnamese differs: seen as they are, they were not translated."""
    pairs = _ts("scanstation_vi.ts") + _ts("qt_vi.ts")
    kept = {t.replace("&", "") for _, t in pairs}  # e.g. Qt's «OK», kept as it is in Vietnamese
    return frozenset(s.replace("&", "") for s, t in pairs if t and t != s) - kept


def _keys(text: str) -> bool:
    """Whether `text` names keys («Ctrl+R / Ctrl+Shift+R», «Delete»), as printed on them."""
    parts = [k.strip() for k in re.split(r" / |\+", text)]
    return all(k in KEYS or re.fullmatch(r"F\d{1,2}|[A-Z0-9±=-]", k) for k in parts)


def problems(seen: Iterable[Seen], data: Iterable[str] = ()) -> list[str]:
    """What is wrong with the texts seen: English, ISO dates, not NFC. `data` are texts the
    desk shows as entered (names, subjects), which are Vietnamese or codes by themselves."""
    english, sources, own = english_words(), untranslated_sources(), set(data)
    found: dict[str, str] = {}
    for item in seen:
        text = item.text.strip()
        if text in own or _keys(text):
            continue
        if unicodedata.normalize("NFC", text) != text:
            found.setdefault(text, f"not NFC — {item.where}")
        if ISO_DATE.search(text):
            found.setdefault(text, f"ISO date, not dd/mm/yyyy — {item.where}")
        if item.where.endswith("date format") and text not in ("dd/MM/yyyy", "MM/yyyy", "yyyy"):
            found.setdefault(text, f"date format — {item.where}")
            continue
        if text in sources:
            found.setdefault(text, f"untranslated — {item.where}")
            continue
        leaked = sorted({w for w in WORD.findall(CODE_TOKEN.sub(" ", text))
                         if w.lower() in english and not w.isupper()})  # TT-BNV, PDF: codes
        if leaked:
            found.setdefault(text, f"English words {leaked} — {item.where}")
    return [f"{text!r}: {why}" for text, why in found.items()]
