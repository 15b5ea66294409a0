"""The indexing form, generated from the metadata profile: labels, code combos, dates, errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.catalog import dates
from app.catalog.errors import InvalidMetadata, Problem
from app.catalog.profiles import FieldSpec, Level, Profile
from app.catalog.validation import validate
from app.extract.model import (
    ABBR_DIFFERS,
    CAPITALS_AMID,
    DIGITS_UNSURE,
    DISAGREE,
    GLYPH_CASE,
    GUESSED,
    KIND_BROKEN,
    LOST_WORDS,
    MARK_LOST,
    NO_YEAR,
    NOT_A_SYLLABLE,
    NUMBER_RUNS_ON,
    ODD_CHARACTER,
    PLACE_DIFFERS,
    REREAD_UNSURE,
    RIVAL_READING,
    SECOND_MODEL_DIFFERS,
    SLASH_LOST,
    THIN_STROKES,
    UNSURE,
    WEAK_NUMERAL,
    WEAK_SCORE,
)
from app.ui.i18n import nfc

PREFILLED = "background: #fff3b0"  # an OCR value the clerk has not confirmed yet
# a value read from weak evidence (FieldValue.why): offered, never filed until the clerk confirms
SUGGESTED = "background: #ffd8a8; border: 1px dashed #b35c00"


class FieldEditor(QWidget):
    """One field: its editor, and the inline error under it."""

    edited = Signal()
    entered = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.prefilled = False
        self.why = ""  # set while the value is a suggestion: why the reading is doubtful
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.combo: QComboBox | None = None
        if spec.type in ("code", "codes"):
            self.combo = QComboBox()
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.combo.addItem("", "")
            for code, label in spec.codes:
                self.combo.addItem(f"{code} – {label}", code)
            completer = self.combo.completer()
            assert completer is not None
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.combo.activated.connect(self._user_edit)
            line = self.combo.lineEdit()
            assert line is not None
            self.line = line
            layout.addWidget(self.combo)
        else:
            self.line = QLineEdit()
            if spec.max_length:
                self.line.setMaxLength(spec.max_length)
            if spec.type == "integer":
                self.line.setValidator(QIntValidator(0, 10 ** min(spec.max_length or 9, 9) - 1))
            layout.addWidget(self.line)
        self.line.textEdited.connect(self._user_edit)
        self.line.returnPressed.connect(self._enter)
        self.line.editingFinished.connect(self.check_format)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-size: 11px")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        if self.spec.type == "date":
            self.line.setPlaceholderText(self.tr("dd/mm/yyyy"))
        if self.spec.type == "partialDate":
            self.line.setPlaceholderText(self.tr("dd/mm/yyyy, mm/yyyy or yyyy"))
        self._mark(self.prefilled, self.why)

    def value(self) -> Any:
        """The value as the catalog takes it (NFC; a code, or a list for `codes`)."""
        if self.combo is not None:
            text = nfc(self.line.text()).strip()
            index = self.combo.findText(text)
            code = self.combo.itemData(index) if index > 0 else text.split("–")[0].strip()
            if self.spec.type == "codes":
                return [code] if code else []
            return code
        return nfc(self.line.text()).strip()

    def set_value(self, value: Any, *, prefilled: bool = False, why: str = "") -> None:
        """Show `value`; `prefilled` when OCR read it, `why` when it is only a suggestion."""
        if isinstance(value, list):
            value = value[0] if value else ""
        text = "" if value is None else str(value)
        if self.spec.type in ("date", "partialDate") and text:
            text = dates.show(text) if "-" in text else text
        if self.combo is not None:
            index = self.combo.findData(text)
            self.combo.setCurrentIndex(index if index >= 0 else 0)
            if index < 0:
                self.line.setText(text)
        else:
            self.line.setText(text)
        self.line.setCursorPosition(0)  # a long value shows its beginning
        filled = prefilled and bool(text)
        self._mark(filled, why if filled else "")

    @property
    def suggested(self) -> bool:
        """True while the value is a suggestion the clerk has not confirmed."""
        return self.prefilled and bool(self.why)

    def _reason(self) -> str:
        """Why the value is only a suggestion, in the clerk's language."""
        reasons = {
            GUESSED: self.tr("its diacritics were chosen by the dictionary on thin evidence"),
            UNSURE: self.tr("the OCR was unsure of some of its letters"),
            SLASH_LOST: self.tr("the slash of the number was not read"),
            DIGITS_UNSURE: self.tr("the OCR nearly read some of its digits otherwise"),
            RIVAL_READING: self.tr("the OCR nearly read the marks of a letter otherwise"),
            PLACE_DIFFERS: self.tr("the place name reads otherwise in the date line"),
            ABBR_DIFFERS: self.tr("the letters of the number's type differ from the title's "
                                  "type by one letter"),
            KIND_BROKEN: self.tr("a word of the issuing body's kind was not read"),
            THIN_STROKES: self.tr("a word of thin strokes (I, l, T) may have lost a stroke"),
            WEAK_NUMERAL: self.tr("a Roman numeral may have lost or gained a stroke"),
            NOT_A_SYLLABLE: self.tr("a word is not a Vietnamese syllable: letters may be misread "
                                    "or lost"),
            ODD_CHARACTER: self.tr("a character that does not belong in such a line was read"),
            WEAK_SCORE: self.tr("a word was read with a middling OCR score"),
            LOST_WORDS: self.tr("a line is off the title's centre: words may be lost (under a "
                                "seal?)"),
            REREAD_UNSURE: self.tr("reading it again did not confirm it"),
            DISAGREE: self.tr("a second reading of a line spells a word differently"),
            SECOND_MODEL_DIFFERS: self.tr("another OCR model reads a word differently, and the "
                                          "dictionary cannot tell which is right"),
            NO_YEAR: self.tr("the number after \"năm\" is not a year: a digit may be misread"),
            MARK_LOST: self.tr("the page shows a mark over a word that was read without it"),
            NUMBER_RUNS_ON: self.tr("the word of the number goes on past what was read of it: "
                                    "a part may be misread"),
            CAPITALS_AMID: self.tr("a word in capitals with diacritics stands among small "
                                   "words: its case may be misread"),
            GLYPH_CASE: self.tr("a capital letter read in mid-sentence has the shape of "
                                "the page's own small letter: written small"),
        }
        return reasons.get(self.why, self.tr("the reading is doubtful"))

    def _mark(self, prefilled: bool, why: str = "") -> None:
        self.prefilled, self.why = prefilled, why if prefilled else ""
        if self.suggested:
            self.line.setStyleSheet(SUGGESTED)
            tip = self.tr("Suggestion: %1. Check it against the page, then press Enter to "
                          "accept it or correct it")
            self.line.setToolTip(tip.replace("%1", self._reason()))
        else:
            self.line.setStyleSheet(PREFILLED if prefilled else "")
            self.line.setToolTip(self.tr("Read from the page: check it, then edit or press Enter")
                                 if prefilled else "")

    def confirm(self) -> None:
        """The clerk accepts an OCR value or a suggestion as it is."""
        self._mark(False)
        self.show_error("")

    def _user_edit(self) -> None:
        self._mark(False)
        self.show_error("")
        self.edited.emit()

    def _enter(self) -> None:
        """Enter accepts the form, except on a suggestion: there it only confirms the value."""
        was_suggested = self.suggested
        self.confirm()
        if not was_suggested:
            self.entered.emit()

    def check_format(self) -> bool:
        """Check a date's form at once (the rest is checked with the whole form)."""
        text = self.line.text().strip()
        if self.spec.type in ("date", "partialDate") and text:
            try:
                dates.parse_date(text, partial=self.spec.type == "partialDate")
            except ValueError:
                self.show_error(self.tr("Not a real date; write it as dd/mm/yyyy"))
                return False
        return True

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class IndexForm(QWidget):
    """Every non-generated field of one level of the profile; Enter on a field accepts."""

    accepted = Signal()

    def __init__(self, profile: Profile, level: Level, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile, self.level = profile, level
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, FieldEditor] = {}
        for spec in profile.fields(level):
            if spec.generated:
                continue
            editor = FieldEditor(spec)
            editor.entered.connect(self.accepted)
            label = QLabel(f"{spec.label} *" if spec.required else spec.label)
            if spec.required:
                label.setStyleSheet("font-weight: bold")
            label.setBuddy(editor.line)
            self.layout_.addRow(label, editor)
            self.editors[spec.tag] = editor

    def values(self) -> dict[str, Any]:
        """The non-empty values, by tag."""
        out = {}
        for tag, editor in self.editors.items():
            value = editor.value()
            if value not in ("", []):
                out[tag] = value
        return out

    def set_values(self, values: Mapping[str, Any], *, prefilled: bool = False,
                   why: Mapping[str, str] | None = None) -> None:
        """Fill fields; values read by OCR (`prefilled`) never overwrite what the clerk typed.
        A tag in `why` makes its value a suggestion, with the reason shown in its tooltip."""
        reasons = why or {}
        for tag, value in values.items():
            editor = self.editors.get(tag)
            if editor is None:
                continue
            if prefilled and editor.value() not in ("", []) and not editor.prefilled:
                continue
            editor.set_value(value, prefilled=prefilled, why=reasons.get(tag, ""))

    def retranslate(self) -> None:
        for editor in self.editors.values():
            editor.retranslate()

    def clear(self) -> None:
        for editor in self.editors.values():
            editor.set_value("")
            editor.show_error("")

    def unconfirmed(self) -> list[str]:
        """Tags whose OCR value is still waiting for the clerk's look."""
        return [tag for tag, e in self.editors.items() if e.prefilled]

    def suggestions(self) -> list[str]:
        """Tags whose value is a suggestion the clerk has not confirmed yet."""
        return [tag for tag, e in self.editors.items() if e.suggested]

    def check(self, inherited: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """The values validated by the profile's rules, or None with every error shown inline;
        an unconfirmed suggestion is never filed (it is marked for the clerk instead)."""
        for editor in self.editors.values():
            editor.show_error("")
        waiting = [e for e in self.editors.values() if e.suggested]
        for editor in waiting:
            editor.show_error(self.tr("A suggestion: press Enter on it to accept it, or correct "
                                      "it"))
        if waiting:
            waiting[0].line.setFocus()
            return None
        try:
            return validate(self.profile, self.level, self.values(), inherited=inherited)
        except InvalidMetadata as err:
            self.show_problems(err.problems)
            return None

    def show_problems(self, problems: tuple[Problem, ...]) -> None:
        first: FieldEditor | None = None
        for problem in problems:
            editor = self.editors.get(problem.tag)
            if editor is not None:
                editor.show_error(problem.message)
                first = first or editor
        if first is not None:
            first.line.setFocus()
