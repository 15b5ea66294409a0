"""Text hygiene: NFC, and a folded form (no diacritics, lower case) for matching OCR output."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


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
