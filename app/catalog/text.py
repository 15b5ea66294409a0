"""Text normalisation: NFC for storage, a diacritic-free fold for Vietnamese search."""

from __future__ import annotations

import unicodedata
from typing import Any

_D = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """The NFC form of `text`, the only form the catalog stores."""
    return unicodedata.normalize("NFC", text)


def nfc_deep(value: Any) -> Any:
    """NFC every string inside nested lists and dicts (keys too)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list | tuple):
        return [nfc_deep(item) for item in value]
    if isinstance(value, dict):
        return {nfc(str(key)): nfc_deep(item) for key, item in value.items()}
    return value


def fold(text: str) -> str:
    """Lower-case, drop every combining mark and turn đ into d: "Số Hóa Đảng" → "so hoa dang"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).lower()
