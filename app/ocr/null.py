"""The null OCR engine, for "OCR off": no words, no cost."""

from __future__ import annotations

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
