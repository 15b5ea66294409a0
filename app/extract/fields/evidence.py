"""How well a text field's words are borne out: syllables, plausible characters, scores."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.extract.model import NOT_A_SYLLABLE, ODD_CHARACTER, WEAK_SCORE
from app.ocr.base import Word
from app.ocr.lexicon import load, tone_key

WEAK_CONF = 70.0  # a word Tesseract scored below this (0-100) is read again before it is trusted
# letters, digits, spaces and the punctuation a title or a body's name is printed with
_PLAIN = re.compile(r"[\w\s,.;:()/\"'%\-–&]*")
_EDGES = re.compile(r"^\W+|\W+$")
_ROMAN = re.compile(r"(?=[IVXL])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})")
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,6}")  # MTTQ, UBND, HĐND: capitals without marks
_PARTS = re.compile(r"[-/–]")


def not_syllable(text: str, abbreviations: bool = True) -> bool:
    """True when a part of `text` made of letters is no Vietnamese syllable, no Roman numeral
    and (when `abbreviations`) no abbreviation in capitals; False when the lexicon is not
    installed (nothing to check against)."""
    lex = load()
    if lex is None:
        return False
    for part in _PARTS.split(_EDGES.sub("", text)):
        if not any(c.isalpha() for c in part) or any(c.isdigit() for c in part):
            continue
        if _ROMAN.fullmatch(part) or (abbreviations and _ABBREVIATION.fullmatch(part)):
            continue
        if not lex.valid(tone_key(part)):
            return True
    return False


def odd(text: str) -> bool:
    """True when `text` holds a character no title or body name is printed with."""
    return not _PLAIN.fullmatch(text) or "_" in text


_QUOTES = (("\"", "\""), ("'", "'"), ("“", "”"), ("‘", "’"))


def unpaired(text: str) -> bool:
    """True when `text` holds a quotation mark with no mate (a speck read "'" before a word):
    a title quotes in pairs."""
    return any(text.count(a) % 2 if a == b else text.count(a) != text.count(b)
               for a, b in _QUOTES)


def weak(word: Word) -> bool:
    return word.conf < WEAK_CONF


def lacking(texts: Iterable[str], words: Iterable[Word]) -> str:
    """Why words read as `texts` (their spelling as the field has it) from `words` are not
    borne out, "" when they are: a character out of place (a quotation mark with no mate
    among them too), a word that is no syllable, or an
    abbreviation read with a middling score ("KTM" for "KIM"). These stand: a new reading
    without the lexicon repeats a misread syllable as often as not."""
    if any(odd(t) for t in texts) or unpaired(" ".join(texts)):
        return ODD_CHARACTER
    if any(not_syllable(t) for t in texts) or any(
            weak(w) and not_syllable(w.text, abbreviations=False) for w in words):
        return NOT_A_SYLLABLE
    return ""


def middling(words: Iterable[Word]) -> str:
    """WEAK_SCORE when a word was read with a middling score (a new reading of its line may
    confirm it: app.extract.confirm.confirm), else ""."""
    return WEAK_SCORE if any(weak(w) for w in words) else ""


OFF_CENTRE = 0.5  # a centred line whose middle is further than this × its height from the centre


def rows(words: Iterable[Word]) -> list[list[Word]]:
    """`words` grouped by the OCR line they were read on, in the order given."""
    out: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        out.setdefault(word.line, []).append(word)
    return list(out.values())


def off_centre(row: list[Word], cx: float) -> bool:
    """True when a line of centred text stands off `cx`: words at one end were not read."""
    heights = sorted(w.box[3] - w.box[1] for w in row)
    middle = (min(w.box[0] for w in row) + max(w.box[2] for w in row)) / 2
    return abs(middle - cx) > OFF_CENTRE * heights[len(heights) // 2]
