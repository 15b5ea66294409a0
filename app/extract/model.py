"""The values extraction returns: a field with its confidence and where on the page it was read."""

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

    @property
    def empty(self) -> bool:
        return not self.value

    def to_json(self) -> dict[str, Any]:
        """The value, confidence and box for the UI or `extract --json`."""
        return {
            "value": self.value or None,
            "confidence": round(self.confidence, 3),
            "box": list(self.box) if self.box else None,
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


def found(value: str, words: tuple[Word, ...] | list[Word], factor: float = 1.0) -> FieldValue:
    """A field read from `words`: confidence = their mean OCR confidence × `factor`."""
    ws = tuple(words)
    return FieldValue(value, round(min(1.0, mean_conf(ws) * factor), 3), union(ws), ws)
