"""Pick an OCR engine by name: "tesseract" (default) or "none"."""

from __future__ import annotations

from app.errors import UsageError
from app.ocr.base import OcrEngine
from app.ocr.null import NullEngine
from app.ocr.tesseract import TesseractEngine

ENGINES = ("tesseract", "none")


def make_engine(name: str = "tesseract", lang: str = "vie") -> OcrEngine:
    """Return the engine called `name`, reading `lang` (Tesseract codes joined by '+')."""
    if name == "tesseract":
        return TesseractEngine(lang=lang)
    if name == "none":
        return NullEngine()
    raise UsageError(f"Unknown OCR engine {name!r}.", hint=f"Use one of: {', '.join(ENGINES)}.")
