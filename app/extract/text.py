"""Text hygiene: NFC, and a folded form (no diacritics, lower case) for matching OCR output."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
CIRCUMFLEX = "\u0302"
TONES_ABOVE = frozenset("\u0300\u0301\u0303\u0309")  # huyền, sắc, ngã, hỏi: over the letter
TONES = TONES_ABOVE | {"\u0323"}  # and nặng, under it
# digits a monospace face's capitals are misread as: O as 0, G as 6, S as 5, B as 8, I as 1
_CAPITAL_OF_DIGIT = str.maketrans("06581", "OGSBI")
# letters a monospace face's digits are misread as among other digits: 6 as ó (its curled
# top an acute over an o), 0 as o or O
_DIGIT_OF_LETTER = str.maketrans("óoO", "600")


def nfc(text: str) -> str:
    """`text` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC with runs of white space made one space, trimmed, and the fraction slash Tesseract
    sometimes reads for "/" ("08⁄BC-UBND") made a slash."""
    return _SPACES.sub(" ", nfc(text)).strip().replace("\u2044", "/")


def fold(text: str) -> str:
    """Lower case without diacritics, đ as d: "Tháng" → "thang", "ĐỘ MẬT" → "do mat"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.lower()


def letters(text: str) -> str:
    """Only the letters and spaces of the folded text, spaces squashed: "| MẬT |" → "mat"."""
    return _SPACES.sub(" ", re.sub(r"[^a-z ]", " ", fold(text))).strip()


def cased(old: str, new: str) -> str:
    """`new` in the case of `old` (all capitals, a capital first, or small): a word respelled
    from another reading keeps the page reading's case (app.ocr.rerank settles a typewriter's)."""
    if len(old) > 1 and old.isupper():
        return new.upper()
    return (new[:1].upper() if old[:1].isupper() else new[:1].lower()) + new[1:]


def other_case(old: str, new: str) -> bool:
    """True when `new` is `old`'s letters in another case ("quy" / "Quy")."""
    return new != old and new.lower() == old.lower()


def as_capitals(word: str) -> str:
    """A word of capitals with digits among its letters, the digits read as the capitals they
    stand for ("BÁ0" → "BÁO", "N6ỌC" → "NGỌC", "PHƯỜN6" → "PHƯỜNG"); any other word as it is
    (a number, "QUẬN 10", a word with a small letter, a digit that maps to no letter)."""
    if not any(c.isdigit() for c in word) or not any(c.isalpha() for c in word):
        return word
    if any(c.isalpha() and not c.isupper() for c in word):
        return word
    read = word.translate(_CAPITAL_OF_DIGIT)
    return read if read.isalpha() else word


def capitals_text(text: str) -> str:
    """`text` with each word read by `as_capitals`."""
    return " ".join(as_capitals(word) for word in text.split())


def as_digits(word: str) -> str:
    """A number with letters among its digits read as the digits they stand for ("201ó" →
    "2016", "1ó" → "16", "2O16," → "2016,"), and "ó" alone (no word of a title) as 6 ("Sơ
    kết ó tháng"); any other word as it is."""
    core = word.rstrip(",.;:")
    if core == "ó":
        return "6" + word[len(core):]
    digits = sum(c.isdigit() for c in core)  # an o beside one digit may be a letter ("2O")
    if not digits or not core.isalnum() or (digits < 2 and set(core) & set("oO")):
        return word
    read = core.translate(_DIGIT_OF_LETTER)
    return read + word[len(core):] if read.isdigit() else word


def as_small(word: str) -> str:
    """A word opening in small letters with a capital further on ("khU", "trỮ,": a monospace
    face's small letter read as its capital) in small letters; any other word as it is
    ("TTr", "QyĐ", "UBND")."""
    core = word.rstrip(",.;:")
    if len(core) < 2 or not core.isalpha() or not core[0].islower() or core.islower():
        return word
    return core.lower() + word[len(core):]


def bare(text: str) -> bool:
    """True when `text` holds â, ê or ô and no tone mark at all ("đâu", "công", "SÔ")."""
    marks = unicodedata.normalize("NFD", text)
    return CIRCUMFLEX in marks and not TONES & set(marks)
