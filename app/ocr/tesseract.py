"""Tesseract behind one module: version and language checks, typed errors, words with boxes."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from app.errors import DependencyError, InputError
from app.ocr.base import OcrResult, Word

MIN_VERSION = (4, 1)
INSTALL_HINT = "sudo apt-get install tesseract-ocr (Windows: the station's installer ships it)"


def debian_package(lang: str) -> str:
    """The Debian package that ships a Tesseract language model, e.g. vie → tesseract-ocr-vie."""
    return "tesseract-ocr-" + lang.lower().replace("_", "-")


@cache
def tesseract_version() -> tuple[int, int]:
    """Return Tesseract's (major, minor) version, raising DependencyError when absent or too old."""
    try:
        version = pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, SystemExit) as err:
        raise DependencyError("Tesseract OCR is not installed.", hint=INSTALL_HINT) from err
    found = (version.major, version.minor)
    if found < MIN_VERSION:
        raise DependencyError(
            f"Tesseract {version} is too old; "
            f"{MIN_VERSION[0]}.{MIN_VERSION[1]} or newer is needed.",
            hint=INSTALL_HINT,
        )
    return found


@cache
def installed_languages() -> frozenset[str]:
    """The language models Tesseract can load."""
    tesseract_version()
    return frozenset(pytesseract.get_languages(config=""))


def check_languages(lang: str) -> None:
    """Raise DependencyError naming the package to install for each missing language of `lang`."""
    wanted = [part for part in lang.split("+") if part]
    if not wanted:
        raise DependencyError(
            "No OCR language given.", hint="Use e.g. --lang vie or --lang vie+eng."
        )
    missing = [part for part in wanted if part not in installed_languages()]
    if missing:
        packages = " ".join(debian_package(m) for m in missing)
        raise DependencyError(
            f"Tesseract has no model for language(s): {', '.join(missing)}.",
            hint=f"Install it: sudo apt-get install {packages}",
        )


@dataclass(frozen=True)
class TesseractEngine:
    """Reads a page with Tesseract's LSTM engine, page segmentation mode 3 (automatic)."""

    lang: str = "vie"
    psm: int = 3
    timeout_s: int = 600
    name: str = "tesseract"

    def check(self) -> None:
        """Fail early, in the main process, when Tesseract or a language is missing."""
        check_languages(self.lang)

    def recognize(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Return the words on an upright page, with boxes in the image's pixels."""
        grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        fd, name = tempfile.mkstemp(suffix=".pgm", prefix="scanstation-ocr-")
        os.close(fd)
        path = Path(name)
        try:
            if not cv2.imwrite(name, grey):
                raise InputError(
                    "Could not write the page image for OCR.", hint="Check free disk space."
                )
            config = f"--oem 1 --psm {self.psm} --dpi {round(dpi)}"
            try:
                data = pytesseract.image_to_data(
                    name,
                    lang=self.lang,
                    config=config,
                    output_type=pytesseract.Output.DICT,
                    timeout=self.timeout_s,
                )
            except pytesseract.TesseractError as err:
                raise DependencyError(
                    f"Tesseract failed on a page: {err.message}",
                    hint="Run `scanstation doctor` or reinstall tesseract-ocr.",
                ) from err
            except RuntimeError as err:  # pytesseract's timeout
                raise InputError(
                    f"OCR took longer than {self.timeout_s} s on one page.",
                    hint="Check the page image; try --lang with fewer languages.",
                ) from err
        finally:
            path.unlink(missing_ok=True)
        return OcrResult(words=tuple(_words(data)), lang=self.lang)


def _words(data: dict[str, list[object]]) -> list[Word]:
    """Turn Tesseract's TSV columns into words, skipping empty entries."""
    words: list[Word] = []
    for i, raw in enumerate(data.get("text", [])):
        text = unicodedata.normalize("NFC", str(raw)).strip()
        conf = float(str(data["conf"][i]))
        if not text or conf < 0:
            continue
        left, top = int(str(data["left"][i])), int(str(data["top"][i]))
        width, height = int(str(data["width"][i])), int(str(data["height"][i]))
        line = (
            int(str(data["block_num"][i])),
            int(str(data["par_num"][i])),
            int(str(data["line_num"][i])),
        )
        words.append(
            Word(text=text, box=(left, top, left + width, top + height), conf=conf, line=line)
        )
    return words
