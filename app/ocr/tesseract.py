"""Tesseract behind one module: version and language checks, typed errors, words with boxes."""

from __future__ import annotations

import os
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from app.errors import DependencyError, InputError
from app.ocr.base import OcrResult, Word
from app.ocr.hocr import ChoiceWord, read_hocr
from app.ocr.ink import blue_ink, grey, on_blue, without_blue
from app.ocr.rerank import plain, rerank_words
from app.ocr.reread import cut, line_pages, line_words, reread_lines, thin

MIN_VERSION = (4, 1)
INSTALL_HINT = "sudo apt-get install tesseract-ocr (Windows: the station's installer ships it)"
# Tesseract's "script" model for Vietnamese (Vietnamese and Latin, tessdata_fast): a second
# model, trained apart from `vie`, that reads the lines of a typewritten page again (it reads
# glyphs `vie` misreads there: "Để nghị" for "Đề nghị", "QĐĐ" for "QĐ")
SECOND_MODEL = "Vietnamese"
RERANKED = frozenset({"vie", SECOND_MODEL})  # models whose words the lexicon re-ranks
_PACKAGES = {SECOND_MODEL: "tesseract-ocr-script-viet"}  # models not named after their code


def debian_package(lang: str) -> str:
    """The Debian package that ships a Tesseract language model, e.g. vie → tesseract-ocr-vie,
    Vietnamese (the script model) → tesseract-ocr-script-viet."""
    return _PACKAGES.get(lang) or "tesseract-ocr-" + lang.lower().replace("_", "-")


@cache
def tesseract_version() -> tuple[int, int]:
    """Return Tesseract's (major, minor) version, raising DependencyError when absent or too old."""
    try:
        version = pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, SystemExit) as err:
        raise DependencyError("Tesseract OCR is not installed.", hint=INSTALL_HINT,
                              code="ocr.missing") from err
    found = (version.major, version.minor)
    if found < MIN_VERSION:
        raise DependencyError(
            f"Tesseract {version} is too old; "
            f"{MIN_VERSION[0]}.{MIN_VERSION[1]} or newer is needed.",
            hint=INSTALL_HINT, code="ocr.too_old", params={"version": str(version)},
        )
    return found


@cache
def installed_languages() -> frozenset[str]:
    """The language models Tesseract can load: `tesseract --list-langs` after its heading
    (pytesseract's own list drops the script models, named with a capital: "Vietnamese")."""
    tesseract_version()
    try:
        listed = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"],
                                capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise DependencyError("Tesseract OCR is not installed.", hint=INSTALL_HINT,
                              code="ocr.missing") from err
    lines = (listed.stdout or listed.stderr).splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


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
            code="ocr.no_language", params={"languages": missing},
        )


@dataclass(frozen=True)
class TesseractEngine:
    """Reads a page with Tesseract's LSTM engine, page segmentation mode 3 (automatic)."""

    lang: str = "vie"
    psm: int = 3
    timeout_s: int = 600
    name: str = "tesseract"
    rerank: bool = True  # choose diacritics with the Vietnamese lexicon (app.ocr.rerank)

    def check(self) -> None:
        """Fail early, in the main process, when Tesseract or a language is missing (for
        `vie`, the second model too: it reads the field lines of typewritten pages again)."""
        check_languages(self.lang)
        if "vie" in self.lang.split("+"):
            check_languages(SECOND_MODEL)

    def recognize(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Return the words on an upright page, with boxes in the image's pixels.

        Words made of blue ink are dropped and weak lines read again (`words`); Vietnamese
        words get their diacritics re-ranked with the lexicon (app.ocr.rerank) when `rerank`
        is on and the lexicon is installed.
        """
        return self._result(self.words(image, dpi))

    def _result(self, words: Sequence[ChoiceWord]) -> OcrResult:
        """Words as read, their diacritics re-ranked when `rerank` is on for Vietnamese."""
        if self.rerank and RERANKED & set(self.lang.split("+")):
            return OcrResult(words=rerank_words(words), lang=self.lang)
        return OcrResult(words=tuple(plain(w) for w in words), lang=self.lang)

    def words(self, image: np.ndarray, dpi: float) -> list[ChoiceWord]:
        """The page's words with their alternatives, but those made of blue ink (app.ocr.ink);
        weak lines read again from the page without its blue ink (app.ocr.reread), thin
        strokes thickened."""
        blue = blue_ink(image)
        page = read_hocr(self.hocr(image, dpi))
        dropped = set(on_blue(page, image, blue))
        clean = without_blue(image, blue)
        return reread_lines([w for i, w in enumerate(page) if i not in dropped],
                            (image.shape[1], image.shape[0]), lambda cuts, psm: line_words(
                                replace(self, psm=psm).hocr_many(
                                    [cut(clean, *c) for c in cuts], dpi), cuts),
                            lambda piece: thin(clean, piece, dpi))

    def hocr(self, image: np.ndarray, dpi: float) -> str:
        """Tesseract's hOCR of the page, with its alternatives for each character."""
        fd, name = tempfile.mkstemp(suffix=".pgm", prefix="scanstation-ocr-")
        os.close(fd)
        path = Path(name)
        try:
            if not cv2.imwrite(name, grey(image)):
                raise InputError(
                    "Could not write the page image for OCR.", hint="Check free disk space."
                )
            return self._hocr_of(name, dpi)
        finally:
            path.unlink(missing_ok=True)

    def hocr_many(self, images: Sequence[np.ndarray], dpi: float) -> str:
        """Tesseract's hOCR of several small images in one run (one page each, in order)."""
        with tempfile.TemporaryDirectory(prefix="scanstation-ocr-") as folder:
            names = [str(Path(folder) / f"{k:04d}.pgm") for k in range(len(images))]
            for name, image in zip(names, images, strict=True):
                if not cv2.imwrite(name, grey(image)):
                    raise InputError(
                        "Could not write a line image for OCR.", hint="Check free disk space."
                    )
            listing = Path(folder) / "images.txt"
            listing.write_text("".join(f"{name}\n" for name in names), "utf-8")
            return self._hocr_of(str(listing), dpi)

    def _hocr_of(self, source: str, dpi: float) -> str:
        """Tesseract's hOCR of an image file, or of a list file naming several (one page
        each), with its alternatives for each character."""
        config = f"--oem 1 --psm {self.psm} --dpi {round(dpi)} -c lstm_choice_mode=2"
        with self._errors():
            data = pytesseract.image_to_pdf_or_hocr(
                source, lang=self.lang, config=config, extension="hocr", timeout=self.timeout_s,
            )
        return bytes(data).decode("utf-8")

    def read_line(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Read a small image holding one line (page segmentation mode 7, no re-ranking: a
        second, independent reading of a field's line); boxes in the image's pixels."""
        return self._read_small(image, f"--oem 1 --psm 7 --dpi {round(dpi)}")

    def read_word(self, image: np.ndarray, dpi: float, chars: str) -> OcrResult:
        """Read a small image holding one word (page segmentation mode 8, no re-ranking) with
        only the characters `chars` allowed (tessedit_char_whitelist, which the LSTM engine
        honours in Tesseract 5): a year or a numeral cut alone from its line and read again
        as digits or I, V, X only; boxes in the image's pixels."""
        return self._read_small(image, f"--oem 1 --psm 8 --dpi {round(dpi)} "
                                       f"-c tessedit_char_whitelist={chars}")

    def _read_small(self, image: np.ndarray, config: str) -> OcrResult:
        """The words Tesseract reads in a small image with `config`, boxed in its pixels."""
        with self._errors():
            data = pytesseract.image_to_data(
                grey(image), lang=self.lang, config=config,
                output_type=pytesseract.Output.DICT, timeout=self.timeout_s,
            )
        words = []
        for i, text in enumerate(data["text"]):
            conf = float(data["conf"][i])
            if text.strip() and conf >= 0:
                x, y = int(data["left"][i]), int(data["top"][i])
                box = (x, y, x + int(data["width"][i]), y + int(data["height"][i]))
                words.append(Word(unicodedata.normalize("NFC", text.strip()), box, conf, (1, 1, 1)))
        return OcrResult(words=tuple(words), lang=self.lang)

    def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        """Read small images each holding one line (page segmentation mode 7) in one run, with
        the alternatives of each character, re-ranked as `recognize` re-ranks a page's words;
        boxes in each image's pixels."""
        if not images:
            return []
        hocr = replace(self, psm=7).hocr_many(images, dpi)
        return [self._result(words) for words in line_pages(hocr, len(images))]

    def read_lines_second(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        """Read small images each holding one line as `read_lines` does, by the second model
        (SECOND_MODEL, re-ranked too); DependencyError naming its package when it is not
        installed."""
        check_languages(SECOND_MODEL)
        return replace(self, lang=SECOND_MODEL).read_lines(images, dpi)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Tesseract's failures as typed errors: a broken install, or a page read too long."""
        try:
            yield
        except pytesseract.TesseractError as err:
            raise DependencyError(
                f"Tesseract failed on a page: {err.message}",
                hint="Run `scanstation doctor` or reinstall tesseract-ocr.",
                code="ocr.failed",
            ) from err
        except RuntimeError as err:  # pytesseract's timeout
            raise InputError(
                f"OCR took longer than {self.timeout_s} s on one page.",
                hint="Check the page image; try --lang with fewer languages.",
                code="ocr.timeout", params={"seconds": self.timeout_s},
            ) from err


@dataclass(frozen=True)
class Osd:
    """Tesseract's orientation detection on a page: the turn it would make and how sure it is."""

    turn: int  # clockwise quarter-turn in degrees (0, 90, 180, 270) making the page upright
    confidence: float  # Tesseract's orientation confidence (roughly: above 2 is fairly sure)


def detect_orientation(image: np.ndarray, dpi: float, timeout_s: float = 60) -> Osd | None:
    """Run Tesseract's OSD (--psm 0) on a page; None when it finds too few letters to judge."""
    fd, name = tempfile.mkstemp(suffix=".pgm", prefix="scanstation-osd-")
    os.close(fd)
    try:
        if not cv2.imwrite(name, grey(image)):
            raise InputError(
                "Could not write the page image for OCR.", hint="Check free disk space."
            )
        try:
            found = pytesseract.image_to_osd(name, config=f"--psm 0 --dpi {round(dpi)}",
                                             output_type=pytesseract.Output.DICT,
                                             timeout=timeout_s)
        except pytesseract.TesseractError:
            return None  # "Too few characters", or an empty page
        except RuntimeError as err:  # pytesseract's timeout
            raise InputError(f"Orientation detection took longer than {timeout_s:g} s.",
                             hint="Check the page image.", code="ocr.timeout",
                             params={"seconds": timeout_s}) from err
    finally:
        Path(name).unlink(missing_ok=True)
    return Osd(turn=int(found["rotate"]) % 360, confidence=float(found["orientation_conf"]))
