"""The values extraction returns: a field with its confidence and where it was read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.ocr.base import Box, Word


@dataclass(frozen=True)
class FieldValue:
    """One field: its value ("" when unknown), confidence 0–1 and the page box it came from."""

    value: str = ""
    confidence: float = 0.0
    box: Box | None = None
    words: tuple[Word, ...] = field(default=(), compare=False)
    why: str = ""  # set when the value is only a suggestion: what made the reading unsure

    @property
    def empty(self) -> bool:
        return not self.value

    @property
    def suggested(self) -> bool:
        """True when the value is offered for the clerk to confirm, not filled in."""
        return bool(self.value and self.why)

    def to_json(self) -> dict[str, Any]:
        """The value, confidence and box for the UI or `extract --json`."""
        return {
            "value": self.value or None,
            "confidence": round(self.confidence, 3),
            "box": list(self.box) if self.box else None,
            "suggested": self.suggested,
            "why": self.why or None,
        }


EMPTY = FieldValue()


def union(words: tuple[Word, ...] | list[Word]) -> Box | None:
    """The box around `words`, or None when there are none."""
    if not words:
        return None
    return (
        min(w.box[0] for w in words),
        min(w.box[1] for w in words),
        max(w.box[2] for w in words),
        max(w.box[3] for w in words),
    )


def mean_conf(words: tuple[Word, ...] | list[Word]) -> float:
    """The mean OCR confidence of `words` on a 0–1 scale (0 when there are none)."""
    return sum(w.conf for w in words) / len(words) / 100.0 if words else 0.0


LOW_CONF = 35.0  # a word Tesseract scored below this (0-100) makes a value a suggestion
GUESSED = "diacritics chosen by the lexicon on thin evidence"
UNSURE = "low OCR confidence"
SLASH_LOST = "the number's slash was not read"
DIGITS_UNSURE = "the OCR weighed other digits for the number"
RIVAL_READING = "the OCR weighed other marks for a letter of a name"
PLACE_DIFFERS = "the place name reads otherwise in the date line"
ABBR_DIFFERS = "the number's type letters are one letter off the title's type"
KIND_BROKEN = "a word of the issuing body's kind was not read"
THIN_STROKES = "a word of thin strokes (I, l, T) reads as no numeral: strokes may be lost"
WEAK_NUMERAL = "a Roman numeral read with a middling score: a stroke may be lost or added"
NOT_A_SYLLABLE = "a word is no Vietnamese syllable: its letters may be misread or lost"
ODD_CHARACTER = "a character that has no place in such a line was read"
WEAK_SCORE = "a word was read with a middling OCR score"
LOST_WORDS = "a line of the trích yếu is off the title's centre: words were lost (under a seal?)"
REREAD_UNSURE = "read again at another scale, not confirmed by a second reading"
DISAGREE = "a second reading of a line spells a word otherwise"
NO_YEAR = "the number after \"năm\" is no year (19xx, 20xx): a digit may be misread"
SECOND_MODEL_DIFFERS = "another OCR model reads a word otherwise, and the lexicon decides neither"
MARK_LOST = "the page shows a mark over a word that was read without it"
NUMBER_RUNS_ON = "the number's word runs on past its notation: a part of it may be misread"
CAPITALS_AMID = "a word in capitals with marks stands among small words: its case may be misread"
GLYPH_CASE = "a capital read in mid-sentence has the page's own small letter's shape: written small"
# every reason a value read from the page is only a suggestion (the desk words each one)
REASONS = (GUESSED, UNSURE, SLASH_LOST, DIGITS_UNSURE, RIVAL_READING, PLACE_DIFFERS,
           ABBR_DIFFERS, KIND_BROKEN, THIN_STROKES, WEAK_NUMERAL, NOT_A_SYLLABLE, ODD_CHARACTER,
           WEAK_SCORE, LOST_WORDS, REREAD_UNSURE, DISAGREE, SECOND_MODEL_DIFFERS, NO_YEAR,
           MARK_LOST, NUMBER_RUNS_ON, CAPITALS_AMID, GLYPH_CASE)


def doubt(words: tuple[Word, ...] | list[Word]) -> str:
    """Why a value read from `words` is only a suggestion ("" when it is not)."""
    if any(w.guessed for w in words):
        return GUESSED
    if any(w.conf < LOW_CONF for w in words):
        return UNSURE
    return ""


def found(
    value: str, words: tuple[Word, ...] | list[Word], factor: float = 1.0, why: str = "",
    *, checked: bool = False,
) -> FieldValue:
    """A field read from `words`: confidence = their mean OCR confidence × `factor`; a
    suggestion when `why` says so or, unless the caller `checked` the words itself, when they
    were read unsure (see `doubt`)."""
    ws = tuple(words)
    reason = why if checked else why or doubt(ws)
    return FieldValue(value, round(min(1.0, mean_conf(ws) * factor), 3), union(ws), ws, reason)
