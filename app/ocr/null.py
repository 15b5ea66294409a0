"""The null OCR engine, for "OCR off": no words, no cost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.ocr.base import OcrResult


@dataclass(frozen=True)
class NullEngine:
    """Returns no text; the PDF then has the image layer only."""

    name: str = "none"
    lang: str = ""

    def check(self) -> None:
        """Nothing to check."""

    def recognize(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Return an empty result."""
        return OcrResult(words=(), lang="")

    def read_line(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Return an empty result."""
        return OcrResult(words=(), lang="")

    def read_word(self, image: np.ndarray, dpi: float, chars: str) -> OcrResult:
        """Return an empty result."""
        return OcrResult(words=(), lang="")

    def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        """Return an empty result for each image."""
        return [OcrResult(words=(), lang="") for _ in images]

    read_lines_second = read_lines  # no model, first or second
