"""Tesseract's hOCR read into words with their per-character alternatives (lstm_choice_mode=2)."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from app.errors import DependencyError
from app.ocr.base import Box

Choice = tuple[str, float]  # one alternative for a character and its score (0-100)

_NS = "{http://www.w3.org/1999/xhtml}"
_LINE_CLASSES = frozenset({"ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"})
_BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_WCONF = re.compile(r"x_wconf (-?[\d.]+)")
_CONFS = re.compile(r"x_confs (-?[\d.]+)")


@dataclass(frozen=True)
class ChoiceWord:
    """A word as Tesseract read it, with the alternatives it weighed for each character."""

    text: str
    box: Box
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line) numbers, as in Tesseract's TSV
    choices: tuple[tuple[Choice, ...], ...]  # per character of `text`, best first; () if none


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _same_base(a: str, b: str) -> bool:
    """True when two letters differ at most in their marks ("â"/"ầ", "d"/"đ")."""
    fold = {"đ": "d", "Đ": "D"}
    return unicodedata.normalize("NFD", fold.get(a, a))[:1] == \
        unicodedata.normalize("NFD", fold.get(b, b))[:1]


def _choices(word: ET.Element, text: str) -> tuple[tuple[Choice, ...], ...]:
    """The alternatives per character, when they line up with the word's characters.

    Tesseract's word text comes from its final decoding, which may put other marks on a letter
    than the per-character choices did ("dần" read, "â" the best choice for its vowel): the
    letter of the text then comes first, at the best choice's score, and the choices follow.
    """
    positions: list[tuple[Choice, ...]] = []
    for pos in word:
        if not pos.get("id", "").startswith("lstm_choices"):
            continue
        options: list[Choice] = []
        for choice in pos:
            conf = _CONFS.search(choice.get("title", ""))
            options.append((_nfc(choice.text or ""), float(conf.group(1)) if conf else 0.0))
        if options and options[0][0] and not options[0][0].isspace():
            positions.append(tuple(options))
    if len(positions) != len(text):
        return ()
    aligned: list[tuple[Choice, ...]] = []
    for ch, found in zip(text, positions, strict=True):
        if found[0][0] == ch:
            aligned.append(found)
        elif len(found[0][0]) == 1 and _same_base(found[0][0], ch):
            aligned.append(((ch, found[0][1]), *found))
        else:
            return ()
    return tuple(aligned)


def _word(span: ET.Element, line: tuple[int, int, int]) -> ChoiceWord | None:
    text = _nfc(span.text or "").strip()
    title = span.get("title", "")
    box, conf = _BBOX.search(title), _WCONF.search(title)
    if not text or box is None:
        return None
    x0, y0, x1, y1 = (int(v) for v in box.groups())
    score = float(conf.group(1)) if conf else 0.0
    if score < 0:
        return None
    return ChoiceWord(text, (x0, y0, x1, y1), score, line, _choices(span, text))


def _parse(hocr: str | bytes) -> ET.Element:
    try:
        return ET.fromstring(hocr)
    except ET.ParseError as err:
        raise DependencyError(
            f"Tesseract's hOCR output could not be read: {err}.",
            hint="Run `scanstation doctor` or reinstall tesseract-ocr.",
        ) from err


def _words(root: ET.Element) -> list[ChoiceWord]:
    words: list[ChoiceWord] = []
    blocks = (d for d in root.iter(f"{_NS}div") if d.get("class") != "ocr_page")
    for b, block in enumerate(blocks, 1):  # numbered as TSV does: separators and images count
        for p, par in enumerate(block.iter(f"{_NS}p"), 1):
            for n, line in enumerate(
                (s for s in par.iter(f"{_NS}span") if s.get("class") in _LINE_CLASSES), 1
            ):
                for span in line:
                    if span.get("class") == "ocrx_word":
                        word = _word(span, (b, p, n))
                        if word is not None:
                            words.append(word)
    return words


def read_hocr(hocr: str | bytes) -> list[ChoiceWord]:
    """The words of a page's hOCR in reading order, with their alternatives when present."""
    return _words(_parse(hocr))


def read_hocr_pages(hocr: str | bytes) -> list[list[ChoiceWord]]:
    """The words of each page of an hOCR of several images (one Tesseract run over a list)."""
    root = _parse(hocr)
    return [_words(page) for page in root.iter(f"{_NS}div") if page.get("class") == "ocr_page"]
