"""The OCR engine Protocol and the words it returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels of the image given to the engine


@dataclass(frozen=True)
class Word:
    """One recognised word, its box and confidence (0–100), and the line it belongs to.

    `guessed` is set when the diacritic re-ranker changed the word's marks on thin evidence:
    a value read from it is offered to the clerk to confirm rather than filled in. So is one
    read from a word with `rival` set: the model nearly read one of its digits as another.
    """

    text: str
    box: Box
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line) numbers, for reading order
    guessed: bool = False
    rival: bool = False


@dataclass(frozen=True)
class OcrResult:
    """The words found on one page, in reading order."""

    words: tuple[Word, ...]
    lang: str

    @property
    def text(self) -> str:
        """The page text: words joined by spaces within a line, lines by newlines."""
        lines: list[str] = []
        current: tuple[int, int, int] | None = None
        for word in self.words:
            if word.line != current:
                lines.append(word.text)
                current = word.line
            else:
                lines[-1] += " " + word.text
        return "\n".join(lines)

    @property
    def mean_conf(self) -> float | None:
        """Mean word confidence, or None when no word was found."""
        if not self.words:
            return None
        return sum(w.conf for w in self.words) / len(self.words)


class OcrEngine(Protocol):
    """Reads the text of one upright page image (RGB or grey, uint8)."""

    @property
    def name(self) -> str:
        """A short name for reports, e.g. "tesseract"."""
        ...

    def check(self) -> None:
        """Raise DependencyError now, in the main process, if the engine cannot run."""
        ...

    def recognize(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Return the words on the page with their boxes in the image's pixels."""
        ...

    def read_line(self, image: np.ndarray, dpi: float) -> OcrResult:
        """Read a small image holding one line of text (a field's line cut from a page, read
        again when its first reading failed a check); words boxed in the image's pixels."""
        ...

    def read_word(self, image: np.ndarray, dpi: float, chars: str) -> OcrResult:
        """Read a small image holding one word with only the characters `chars` allowed (a
        year cut alone from a field's line read again as digits); words boxed in the image's
        pixels."""
        ...

    def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        """Read small images each holding one line, in one run, as the page's words are read
        (re-ranked: a field's lines read a second time to check the first reading); words
        boxed in each image's pixels."""
        ...

    def read_lines_second(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        """Read small images each holding one line as `read_lines` does, by a second model
        trained apart from the page's (the lines of a typewritten page read again: a glyph
        the page's model misreads, the other may not)."""
        ...
