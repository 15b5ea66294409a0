"""A doubted letter on a typewritten page told by the page's own glyphs of that letter."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from app.extract.model import GLYPH_CASE, FieldValue
from app.extract.reread import EDGE
from app.ocr.base import Word
from app.ocr.pitch import line_pitches

REFERENCE = 80.0  # words read at least this sure give a letter's reference glyphs
SAME_SIZE = 0.15  # reference glyphs come from lines whose pitch is within this share of the word's
SIZE = (24, 36)  # width, height a glyph is set in to be compared (its height filled)
BLUR = 3.0  # the Gaussian blur a set glyph is compared with (its sigma, pixels of SIZE)
MIN_REFS = 3  # fewer reference glyphs of a letter tell nothing
MAX_REFS = 12  # more are not compared
ALIKE = 0.85  # reference glyphs match one another at least this closely (median), or tell nothing
SLACK = 0.08  # a glyph within this of the references' own median match is their letter
APART = 0.3  # a glyph matching a letter's references less than this (median) is not that letter
# capitals whose small letter has another shape once set to one height (not c/C, o/O, s/S, ...;
# nor p/P: a p is a P lowered by its descender — a printed "Phòng" matched the page's p's 0.90)
CHECKED = frozenset("BDĐGHKLMNQRT")


def _ink(band: np.ndarray, centre: float, pitch: float) -> np.ndarray | None:
    """The ink of `band` (grey) whose pieces (8-connected, 3 pixels or more) centre within half
    a pitch of column `centre`, cropped to it (1 ink, 0 paper); None when there is none."""
    if band.size == 0 or int(band.max()) - int(band.min()) < 64:  # paper only
        return None
    _, ink = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = [k for k in range(1, count) if abs(centres[k][0] - centre) < pitch / 2
            and stats[k, cv2.CC_STAT_AREA] >= 3]
    if not keep:
        return None
    mask = np.isin(labels, keep)
    ys, xs = np.nonzero(mask)
    return mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float32)


def normalised(glyph: np.ndarray) -> np.ndarray:
    """`glyph` (ink 1) scaled to SIZE's height, its width by the same factor, centred in SIZE
    and blurred (BLUR: a bold line's glyph then matches a regular line's), its mean 0 and its
    norm 1 (a correlation is then a dot product)."""
    width, height = SIZE
    h, w = glyph.shape
    new_w = max(1, min(width, round(w * height / h)))
    small = cv2.resize(glyph, (new_w, height), interpolation=cv2.INTER_AREA)
    canvas = np.zeros((height, width), np.float32)
    x = (width - new_w) // 2
    canvas[:, x:x + new_w] = small
    blurred = cv2.GaussianBlur(canvas, (0, 0), BLUR)
    centred = blurred - float(blurred.mean())
    norm = float(np.linalg.norm(centred))
    return centred / norm if norm else centred


def mid_sentence(words: Sequence[Word], at: int) -> bool:
    """True when words[at] opens with a capital, not all in capitals, after a word opening
    small with no full stop, colon or the like at its end."""
    old = words[at].text.strip(EDGE)
    if at == 0 or not old[:1].isupper() or old.isupper():
        return False
    before = words[at - 1].text
    return before[:1].islower() and not before.endswith((".", ":", ";", "!", "?"))


@dataclass
class Glyphs:
    """The glyphs of one page typed in a fixed-pitch face: `pixels` gives the page image its
    OCR words `words` were read from (asked for only when a glyph is cut; None when lost).

    A typewriter sets one glyph for a letter everywhere on its page. Where the page's model
    misreads one the same way however the line is cut or thickened (JetBrains Mono's small l
    read L at a word's start: "tài liệu Lưu trữ" for "lưu"), the page shows the same letter
    read sure elsewhere ("liệu", "lý", "lập"). Each character of a fixed-pitch word stands in
    a cell one pitch wide (its line's pitch, measured as app.ocr.pitch does); the ink whose
    pieces centre in the cell is the character's glyph. A doubted capital's glyph, set to one
    height, is compared (a normalised correlation) with the glyphs of the same letter in small
    case read sure on the page: it is that small letter when it matches them as closely as
    they match one another, and the capital (as read) when it matches them not at all. On the
    dev JetBrains and League Mono pages an L against the page's l's: about 0; a small l read L
    against them: 0.95-1.0, as they match one another (0.96-1.0); other capitals against
    their small letters: 0.3-0.73 (T, N, B, Q, K)."""

    pixels: Callable[[], np.ndarray | None]
    words: Sequence[Word]
    compared: int = 0  # glyphs judged (for the bench's cost)
    _pitch: dict[tuple[int, int, int], float] | None = field(default=None, init=False)
    _paragraph: dict[tuple[int, int], float] = field(default_factory=dict, init=False)
    _grey: np.ndarray | None = field(default=None, init=False, repr=False)
    _lost: bool = field(default=False, init=False, repr=False)
    _cells: dict[tuple[int, int], np.ndarray | None] = field(default_factory=dict, init=False,
                                                             repr=False)

    def pitch(self, word: Word) -> float | None:
        """The pitch of the line of `word` (pixels a character); a line with too few words
        read sure to measure it ("lưu trữ" ending a paragraph) takes its paragraph's (the
        median of its other lines'); None when neither is measured."""
        if self._pitch is None:
            self._pitch = line_pitches(self.words)
            paragraphs: defaultdict[tuple[int, int], list[float]] = defaultdict(list)
            for line, pitch in self._pitch.items():
                paragraphs[line[:2]].append(pitch)
            self._paragraph = {k: float(np.median(v)) for k, v in paragraphs.items()}
        found = self._pitch.get(word.line)
        return found if found is not None else self._paragraph.get(word.line[:2])

    def _page(self) -> np.ndarray | None:
        if self._grey is None and not self._lost:
            image = self.pixels()
            if image is None:
                self._lost = True
                return None
            self._grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        return self._grey

    def glyph(self, word: Word, at: int) -> np.ndarray | None:
        """Character `at` of `word` (of its text as read, marks at its ends included) as cut
        from the page and `normalised`: the ink centred in its cell, the cells laid one pitch
        apart about the middle of the word's box; None without a pitch for its line, the page
        image, or ink there."""
        key = (id(word), at)
        if key not in self._cells:
            self._cells[key] = self._cut(word, at)
        return self._cells[key]

    def _cut(self, word: Word, at: int) -> np.ndarray | None:
        pitch = self.pitch(word)
        grey = self._page() if pitch is not None else None
        if pitch is None or grey is None:
            return None
        x0, y0, x1, y1 = word.box
        centre = (x0 + x1) / 2 + (at - (len(word.text) - 1) / 2) * pitch
        left = max(0, int(centre - pitch))
        right = min(grey.shape[1], int(np.ceil(centre + pitch)))
        band = grey[max(0, y0 - 2):min(grey.shape[0], y1 + 3), left:right]
        ink = _ink(band, centre - left, pitch)
        return None if ink is None else normalised(ink)

    def _references(self, letter: str, word: Word) -> list[np.ndarray]:
        """Glyphs of `letter` opening words read sure (REFERENCE), letters only, 2 or more,
        on lines set at the size of the line of `word` (pitch within SAME_SIZE), not `word`."""
        pitch = self.pitch(word)
        found: list[np.ndarray] = []
        for w in sorted(self.words, key=lambda w: -w.conf):
            core = w.text.strip(EDGE)
            if w is word or w.conf < REFERENCE or len(core) < 2 or not core.isalpha() \
                    or not core.startswith(letter) or core.isupper() != letter.isupper():
                continue
            other = self.pitch(w)
            if pitch is None or other is None or abs(other - pitch) > SAME_SIZE * pitch:
                continue
            glyph = self.glyph(w, w.text.index(core))
            if glyph is not None:
                found.append(glyph)
                if len(found) == MAX_REFS:
                    break
        return found

    def small(self, word: Word) -> bool | None:
        """Whether the capital opening `word` (one of CHECKED) is its small letter misread, by
        the page's glyphs: True when its glyph matches those of the small letter read sure on
        the page (MIN_REFS or more, alike among themselves) within SLACK of how closely they
        match one another; False when it matches them less than APART (the capital, as read);
        None otherwise, and when the page tells nothing (too few references, no page image)."""
        core = word.text.strip(EDGE)
        if core[:1] not in CHECKED:
            return None
        glyph = self.glyph(word, word.text.index(core))
        if glyph is None:
            return None
        refs = self._references(core[0].lower(), word)
        if len(refs) < MIN_REFS:
            return None
        self.compared += 1
        alike = float(np.median([float((a * b).sum()) for a, b in itertools.combinations(refs, 2)]))
        if alike < ALIKE:
            return None
        match = float(np.median([float((glyph * r).sum()) for r in refs]))
        if match >= alike - SLACK:
            return True
        return False if match < APART else None


def lowercased(word: Word) -> Word:
    """`word` with its first letter small ("Lưu," → "lưu,")."""
    core = word.text.strip(EDGE)
    return replace(word, text=word.text.replace(core, core[:1].lower() + core[1:], 1),
                   guessed=False)


def recased(value: FieldValue, glyphs: Glyphs | None) -> FieldValue:
    """The trích yếu `value` filled in (not a suggestion) with each capital in mid-sentence
    (`mid_sentence`) the page's `glyphs` say is its small letter (`Glyphs.small`) written small,
    and offered (`GLYPH_CASE`): every reading read it so, and the glyphs alone are thin
    evidence for filling it ("tài liệu Lưu trữ" → "tài liệu lưu trữ", offered). A capital
    printed there ("nộp lưu vào Lưu trữ cơ quan") matches no small l and stays."""
    if glyphs is None or not value.value or value.suggested:
        return value
    words = list(value.words)
    for at, word in enumerate(value.words):
        if mid_sentence(value.words, at) and glyphs.small(word):
            words[at] = lowercased(word)
    if words == list(value.words):
        return value
    if value.value != " ".join(w.text for w in value.words):  # not its words' text
        return replace(value, why=GLYPH_CASE)
    return replace(value, value=" ".join(w.text for w in words), words=tuple(words),
                   why=GLYPH_CASE)
