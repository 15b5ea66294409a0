"""A field's line read again, cut from the page and enlarged, when its first reading failed.

The page OCR reads a whole page at one scale; a number or a date it read as debris ("@B5"), as
an impossible date ("tháng 69 năm 2612") or only unsure is read again: the line's box is cut
from the cleaned page with a narrow margin, enlarged (×2, then ×3, then ×1.5) and read as one line.
A value is filled in only when two readings agree on it: two of the new readings, or one new
reading and the first: the same value when the first was only unsure (not when the model
weighed other digits for it); when the first gave no valid value, one that differs from its
line only in digits the model confuses (0/6 in a typewriter face). Anything less stays a
suggestion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from app.errors import InputError
from app.extract.fields.evidence import not_syllable, rows, weak
from app.extract.fields.subject import strokes_expected, thin_slip
from app.extract.layout import Segment
from app.extract.model import (
    DIGITS_UNSURE,
    DISAGREE,
    GUESSED,
    LOW_CONF,
    REREAD_UNSURE,
    RIVAL_READING,
    UNSURE,
    WEAK_NUMERAL,
    WEAK_SCORE,
    FieldValue,
    union,
)
from app.extract.text import cased, fold
from app.ocr.base import Box, OcrEngine, Word
from app.ocr.lexicon import load, tone_key

SCALES = (2.0, 3.0, 1.5)  # enlargements tried in turn, until two readings agree
MARGIN = 0.4  # page kept left and right of the line's box, × the line's height
MARGIN_Y = 0.1  # ... and above and below it: no more, or the next line's marks get read too
# a tone stacked over a circumflex ("ể", "ầ") stands up to this × the line's height over the box
# the page reading gave a word it read without it ("chuyên" for "chuyển": `Rereader.mark_over`)
MARGIN_TOP = 0.4
MARK_GAP = 0.15  # ... its foot within this × the line's height of the word's top
BORDER = 16  # pixels of white added around the cut, at its new scale
# digits a page model confuses in worn or typewritten faces (each pair both ways)
CONFUSED = frozenset({("0", "6"), ("0", "8"), ("0", "9"), ("1", "7"), ("3", "8"), ("5", "6")})
EDGE = ",.;:()\"'‘’“”-–—_"  # marks at a word's ends a cut's edge adds or loses


@dataclass
class Rereader:
    """Reads lines of one page again; `pixels` gives the page image the page OCR read (asked
    for only when a line is read again), `dpi` its resolution."""

    engine: OcrEngine
    pixels: Callable[[], np.ndarray]
    dpi: float
    lines_read: int = 0  # how many line readings were made (for the bench's cost)
    _image: np.ndarray | None = field(default=None, init=False, repr=False)
    _lost: bool = field(default=False, init=False, repr=False)

    def _page(self) -> np.ndarray | None:
        """The page image; None when it cannot be had (its saved file gone or unreadable):
        then nothing is read again and the first readings stand."""
        if self._image is None and not self._lost:
            try:
                self._image = self.pixels()
            except (InputError, OSError, ValueError):
                self._lost = True
        return self._image

    def _cut(self, box: Box, scale: float, thick: bool = False
             ) -> tuple[np.ndarray, int, int] | None:
        """The line in `box` cut from the page with its margins (with `thick`, its dark strokes
        a pixel wider: a 2 × 2 minimum filter at the page's scale), enlarged by `scale` and set
        in a white border, and the cut's origin on the page; None when it lies off the page
        or the page image is lost."""
        image = self._page()
        if image is None:
            return None
        height, width = image.shape[:2]
        margin, margin_y = (round(m * (box[3] - box[1])) for m in (MARGIN, MARGIN_Y))
        x0, y0 = max(0, box[0] - margin), max(0, box[1] - margin_y)
        x1, y1 = min(width, box[2] + margin), min(height, box[3] + margin_y)
        if x1 - x0 < 2 or y1 - y0 < 2:
            return None
        cut = image[y0:y1, x0:x1]
        grey = cut if cut.ndim == 2 else cv2.cvtColor(cut, cv2.COLOR_RGB2GRAY)
        if thick:
            grey = cv2.erode(grey, np.ones((2, 2), np.uint8))
        big = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        big = cv2.copyMakeBorder(big, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT,
                                 value=255)
        return big, x0, y0

    @staticmethod
    def _back(words: tuple[Word, ...], x0: int, y0: int, scale: float) -> Segment | None:
        """The words read from a cut made at (x0, y0) and `scale`, boxed in page pixels."""
        if not words:
            return None

        def back(v: int, origin: int) -> int:
            return origin + round((v - BORDER) / scale)

        return Segment(tuple(replace(w, box=(back(w.box[0], x0), back(w.box[1], y0),
                                             back(w.box[2], x0), back(w.box[3], y0)))
                             for w in words))

    def read(self, box: Box, scale: float) -> Segment | None:
        """The line in `box` (page pixels) read at `scale`, as a segment boxed in page pixels;
        None when nothing was read, the box lies off the page or the page image is lost."""
        made = self._cut(box, scale)
        if made is None:
            return None
        self.lines_read += 1
        return self._back(self.engine.read_line(made[0], self.dpi * scale).words, *made[1:],
                          scale)

    def read_many(self, boxes: list[Box], scale: float, thick: bool = False,
                  second: bool = False) -> list[Segment | None] | None:
        """The lines in `boxes` read at `scale` in one run, re-ranked as the page was
        (engine.read_lines; with `second`, by the engine's second model:
        engine.read_lines_second), each as a segment boxed in page pixels (None where nothing
        was read); None when the page image is lost or a box lies off it. With `thick`, the
        lines' strokes are thickened first (see `_cut`)."""
        made = [self._cut(box, scale, thick) for box in boxes]
        if not made or any(m is None for m in made):
            return None
        cuts = [m for m in made if m is not None]
        self.lines_read += len(cuts)
        reader = self.engine.read_lines_second if second else self.engine.read_lines
        read = reader([m[0] for m in cuts], self.dpi * scale)
        return [self._back(r.words, x0, y0, scale) for r, (_, x0, y0) in zip(read, cuts,
                                                                              strict=True)]

    def strokes(self, box: Box) -> int | None:
        """How many upright strokes stand in `box` of the page: runs of inked columns across
        the middle fifth of its height, where serifs do not reach; None without the page
        image or when the box holds nothing."""
        image = self._page()
        if image is None:
            return None
        height = box[3] - box[1]
        band = image[box[1] + 2 * height // 5:box[1] + 3 * height // 5 + 1,
                     max(0, box[0]):box[2]]
        if band.size == 0:
            return None
        grey = band if band.ndim == 2 else cv2.cvtColor(band, cv2.COLOR_RGB2GRAY)
        _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        inked = np.asarray((ink > 0).any(axis=0), dtype=bool)
        return int(inked[0]) + int(np.count_nonzero(inked[1:] & ~inked[:-1]))

    def mark_over(self, box: Box, height: int) -> int | None:
        """The page row where a mark over the word boxed `box` (page pixels), on a line
        `height` pixels tall, begins (`_mark_top`): a mark stacked over another that the page
        reading left out of the word ("chuyên" read, "chuyển" printed); None when the page
        shows none there, or without the page image."""
        image = self._page()
        if image is None:
            return None
        room = round(MARGIN_TOP * height)
        top = max(0, box[1] - room)
        band = image[top:max(0, box[1]), max(0, box[0]):box[2]]
        row = _mark_top(band if band.ndim == 2 else cv2.cvtColor(band, cv2.COLOR_RGB2GRAY),
                        height)
        return None if row is None else top + row

    def reads(self, box: Box) -> Iterator[Segment | None]:
        """The line in `box` read at each scale in turn."""
        for scale in SCALES:
            yield self.read(box, scale)


def _mark_top(band: np.ndarray, height: int) -> int | None:
    """The top row of the one mark in `band` (grey, the page over a word of a line `height`
    pixels tall): ink standing clear of the band's top edge (ink crossing it is the line
    above's) and bottom edge (ink crossing it is the word's own letter), reaching down to
    within MARK_GAP × `height` of the bottom (sitting on the letter under it, not a dot under
    the line above), of at least (height / 10)² pixels; None when there is none, or when more
    ink stands clear of the top edge there (letters of the line above, not one mark)."""
    if band.size == 0 or int(band.max()) - int(band.min()) < 64:  # paper only
        return None
    _, ink = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    low, least = band.shape[0] - MARK_GAP * height, (height / 10) ** 2
    clear = [k for k in range(1, count) if stats[k, cv2.CC_STAT_TOP] > 0
             and stats[k, cv2.CC_STAT_AREA] >= least / 4]
    if len(clear) != 1:
        return None
    top, tall = stats[clear[0], cv2.CC_STAT_TOP], stats[clear[0], cv2.CC_STAT_HEIGHT]
    fits = low <= top + tall < band.shape[0] and stats[clear[0], cv2.CC_STAT_AREA] >= least
    return int(top) if fits else None


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def confused(first: str, other: str) -> bool:
    """True when two readings differ only in digits the model confuses ("69" / "09")."""
    a, b = _digits(first), _digits(other)
    return len(a) == len(b) and a != b and all(
        x == y or (x, y) in CONFUSED or (y, x) in CONFUSED for x, y in zip(a, b, strict=True))


def settle(first: FieldValue, line: Segment | None, reread: Rereader | None,
           value_of: Callable[[Segment], FieldValue]) -> FieldValue:
    """The field once its `line` is read again, when the first reading (`first`, read from
    `line`) is only a suggestion or gave nothing; `value_of` reads the field from a line
    exactly as the first reading did. A value needs two agreeing readings to be filled in."""
    if reread is None or line is None or (first.value and not first.suggested):
        return first
    votes: Counter[str] = Counter()
    if first.value and first.why != DIGITS_UNSURE:  # the model itself weighed other digits
        votes[first.value] += 1
    offered: dict[str, FieldValue] = {}
    for segment in reread.reads(line.box):
        if segment is None:
            continue
        got = value_of(segment)
        if not got.value or got.why not in ("", UNSURE):  # a low score is no veto: agreement
            continue                                    # between readings is the evidence
        votes[got.value] += 1 + (not first.value and confused(line.text, segment.text))
        if votes[got.value] >= 2:
            return replace(got, why="")
        offered.setdefault(got.value, got)
    if first.value or not offered:
        return first
    return replace(offered[max(offered, key=lambda v: votes[v])], why=REREAD_UNSURE)


def _unsure(word: Word) -> bool:
    return word.guessed or word.rival or word.conf < LOW_CONF or weak(word)


def _compounded(words: tuple[Word, ...]) -> set[int]:
    """The indexes of `words` whose spelling forms a compound of the lexicon with the word
    before or after it (not across punctuation): the lexicon bears out their marks."""
    lex = load()
    if lex is None:
        return set()
    keys = [tone_key(w.text.strip(",.;:()\"")) for w in words]
    joined = [i for i in range(len(words) - 1)
              if not words[i].text.endswith((",", ".", ";", ":"))
              and lex.pair(keys[i], keys[i + 1])]
    return {k for i in joined for k in (i, i + 1)}


def _spelled(words: list[Word], segment: Segment | None, backed: set[int]) -> bool:
    """True when `segment` (a new reading of their line) holds each of `words` spelled the
    same (marks at its ends aside: a cut's edge adds "_" or "“"), as the one word it read in
    that place; a word whose marks the lexicon bears out
    (its id in `backed`, and not re-ranked on thin evidence) needs the same letters only: the
    new reading is not re-ranked ("văn mình" for "văn minh")."""
    if segment is None:
        return False
    for word in words:
        here = [w for w in segment.words
                if min(w.box[2], word.box[2]) - max(w.box[0], word.box[0])
                > 0.5 * min(w.box[2] - w.box[0], word.box[2] - word.box[0])]
        if len(here) != 1:
            return False
        new, old = here[0].text.strip(EDGE), word.text.strip(EDGE)
        if new != old and not (id(word) in backed and not word.guessed and fold(new) == fold(old)):
            return False
    return True


STEM_MARGIN = 0.2  # a numeral's box widened by this × its height (short of its neighbours)


def _stems_agree(value: FieldValue, reread: Rereader) -> bool:
    """True when every numeral of `value` read with a middling score is made of I's and V's
    and the page shows as many strokes across its middle where it was read ("II" read for
    "III": three), its box widened a little on each side, short of the words beside it on its
    line."""
    for word in value.words:
        expected = strokes_expected(word)
        if expected is None:
            continue
        if not expected or stems(word, value.words, reread) != expected:
            return False
    return True


def stems(word: Word, words: tuple[Word, ...], reread: Rereader) -> int | None:
    """The upright strokes the page shows across the middle of `word` (one of `words`), its
    box widened by STEM_MARGIN × its height on each side, short of the words beside it on its
    line (`Rereader.strokes`)."""
    row = sorted((w for w in words if w.line == word.line), key=lambda w: w.box[0])
    at = row.index(word)
    margin = round(STEM_MARGIN * (word.box[3] - word.box[1]))
    left = max([word.box[0] - margin] + [w.box[2] + 1 for w in row[at - 1:at] if at])
    right = min([word.box[2] + margin] + [w.box[0] - 1 for w in row[at + 1:at + 2]])
    return reread.strokes((left, word.box[1], right, word.box[3]))


def confirm(value: FieldValue, reread: Rereader | None, respell: bool = False) -> FieldValue:
    """A value offered only because some of its words were read unsure (a low or middling
    score, marks chosen on thin evidence, marks the model nearly read otherwise): filled in
    when a new reading of each such word's line, at ×2 or ×3, spells those words the same
    (the same letters, for marks the lexicon bears out: see _spelled). A Roman numeral read
    with a middling score needs more: made of I's and V's, and as many strokes on the page
    where it was read (a reading that lost a stroke of "III" reads "II" again as often as
    not: _stems_agree). With `respell` (a text value), a line whose unsure words both new
    readings spell alike otherwise, each spelling forming a compound of the lexicon with a
    neighbour where the first does not ("văn mình" read "văn minh" at ×2 and ×3), counts as
    confirmed too, with their spelling (`_respelled_alike`)."""
    if reread is None or value.why not in (UNSURE, GUESSED, RIVAL_READING, WEAK_SCORE,
                                           WEAK_NUMERAL):
        return value
    if value.why == WEAK_NUMERAL and not _stems_agree(value, reread):
        return value
    backed = {id(value.words[i]) for i in _compounded(value.words)}
    words = list(value.words)
    for row in rows(value.words):
        unsure = [w for w in row if _unsure(w)]
        box = union(row)
        if not unsure or not box:
            continue
        read: list[Segment | None] = []
        for scale in SCALES[:2]:
            read.append(reread.read(box, scale))
            if _spelled(unsure, read[-1], backed):
                break
        else:
            alike = _respelled_alike(value.words, unsure, read) if respell else None
            if alike is None or value.value != " ".join(w.text for w in value.words):
                return value
            for word, new in alike:
                words[value.words.index(word)] = new
    if words == list(value.words):
        return replace(value, why="")
    return replace(value, value=" ".join(w.text for w in words), words=tuple(words), why="")


def _respelled_alike(words: tuple[Word, ...], unsure: list[Word], read: list[Segment | None]
                     ) -> list[tuple[Word, Word]] | None:
    """Each of the `unsure` words (of the value's `words`) as the new readings `read` of its
    line all spell it, when they spell it alike, otherwise than the first reading, and only
    their spelling forms a compound of the lexicon with a neighbour (`lexicon_says`), read at
    the lower of their scores; None when any unsure word is not so."""
    keys = [tone_key(w.text.strip(EDGE)) for w in words]
    out = []
    for word in unsure:
        spelled = {_respelling(word, segment) for segment in read}
        over = [_over(word, segment) for segment in read]
        spelling = spelled.pop() if len(spelled) == 1 else None
        if spelling is None or not lexicon_says(keys, words.index(word), spelling):
            return None
        out.append((word, respelled(word, spelling, min(w.conf for w in over if w is not None))))
    return out


AGREE_SCALE = 2.0  # the enlargement a trích yếu's lines are read at a second time
TYPED_READINGS = (2.0, 1.5)  # ... and, typed in a fixed-pitch face, read again thickened


def in_compound(keys: list[str], i: int, key: str) -> bool:
    """True when `key` in place of keys[i] forms a compound of the lexicon with a neighbour."""
    lex = load()
    return lex is not None and ((i > 0 and lex.pair(keys[i - 1], key))
                                or (i + 1 < len(keys) and lex.pair(key, keys[i + 1])))


def lexicon_says(keys: list[str], i: int, spelled: str) -> bool | None:
    """Which of two spellings of the value's word i (`keys`: its words' tone keys) the
    lexicon's compounds bear out: True for `spelled`, another reading's, when only it forms a
    compound with a neighbour; False for the first when only it does; None when neither or
    both do."""
    was, now = in_compound(keys, i, keys[i]), in_compound(keys, i, tone_key(spelled))
    return None if was == now else now


def respelled(word: Word, spelled: str, conf: float) -> Word:
    """`word` as another reading spelled it (read with `conf`), in the page reading's case and
    with the marks at its ends it had ("két," read "kết" → "kết,")."""
    core = word.text.strip(EDGE)
    return replace(word, text=word.text.replace(core, cased(core, spelled), 1), conf=conf,
                   guessed=False)


def _doubted(value: list[Word], keys: list[str], words: list[Word], segment: Segment | None
              ) -> bool:
    """True when `segment`, a second reading of the line `words` (of the value `value`, whose
    words' tone keys are `keys`) came from, gives reason to doubt them: within their span it
    reads as many words, one word (and only one: more is a line the second reading got wrong)
    spelled otherwise, in letters, read
    at least as sure as the first time, unless the first spelling forms a compound of the
    lexicon with a neighbour in the value and the second does not ("văn minh" read first
    stands against "văn mình"). No doubt is raised by what the second reading itself shows to
    be its own misreading: a different count of words (words split or run together, a
    neighbour's edge read), a word that is no syllable, thin strokes that are no numeral ("IIT"
    for "III": it passes as an abbreviation), marks at a word's ends, a change of case alone,
    digits."""
    if segment is None:
        return False
    words = sorted(words, key=lambda w: w.box[0])
    left, right = words[0].box[0], words[-1].box[2]
    inside = [w for w in segment.words
              if min(w.box[2], right) - max(w.box[0], left) > 0.5 * (w.box[2] - w.box[0])]
    if len(inside) != len(words):
        return False
    differ = [(old, new) for old, new in zip(words, inside, strict=True)
              if old.text.strip(EDGE).lower() != new.text.strip(EDGE).lower()]
    if len(differ) != 1:
        return False
    old, new = differ[0]
    spelled = new.text.strip(EDGE)
    if not any(c.isalpha() for c in spelled) or not_syllable(spelled) or thin_slip(spelled) \
            or new.conf < old.conf:
        return False
    at = value.index(old)
    return not (in_compound(keys, at, keys[at]) and not in_compound(keys, at, tone_key(spelled)))


def _open(value: list[Word], keys: list[str], words: list[Word]) -> bool:
    """True when a word of the line `words` has letters and forms no compound of the lexicon
    with a neighbour in the value `value` (`keys`: its words' tone keys): only such a word can
    be doubted (see _doubted)."""
    return any(any(c.isalpha() for c in w.text) and not in_compound(keys, at, keys[at])
               for at, w in ((value.index(w), w) for w in words))


def _over(word: Word, segment: Segment | None) -> Word | None:
    """The one word `segment`, a new reading of the line of `word`, reads in its place; None
    when it reads none there, or more than one."""
    if segment is None:
        return None
    here = [w for w in segment.words
            if min(w.box[2], word.box[2]) - max(w.box[0], word.box[0])
            > 0.5 * min(w.box[2] - w.box[0], word.box[2] - word.box[0])]
    return here[0] if len(here) == 1 else None


def _respelling(word: Word, segment: Segment | None) -> str | None:
    """How `segment`, a new reading of the line of `word`, spells it (lower case, without
    marks at its ends) when it reads one word in its place spelled otherwise in its letters
    or marks; None when it reads it alike, in another case, as digits, or as more or fewer
    words."""
    other = _over(word, segment)
    if other is None:
        return None
    old, new = word.text.strip(EDGE).lower(), other.text.strip(EDGE).lower()
    if old == new or not any(c.isalpha() for c in new) or any(c.isdigit() for c in old + new):
        return None
    return new


def lowered(words: list[Word], word: Word, segment: Segment | None) -> bool:
    """True when `segment`, a new reading of the line of `word` (one of the value's `words`,
    in order), reads it with a small first letter where the value has a capital in mid-sentence
    (after a word opening small, no full stop or colon between): the same letters otherwise,
    as the one word in its place ("nộp Lưu vào" read "nộp lưu vào"). A capital there is printed
    as often ("vào Lưu trữ cơ quan") as it is a misread small letter, so only a reading that
    says otherwise doubts it."""
    at = words.index(word)
    old = word.text.strip(EDGE)
    if at == 0 or not old[:1].isupper() or old.isupper() or segment is None:
        return False
    before = words[at - 1].text
    if not before[:1].islower() or before.endswith((".", ":", ";", "!", "?")):
        return False
    other = _over(word, segment)
    return other is not None and other.text.strip(EDGE) == old[:1].lower() + old[1:]


def _typed_respellings(lines: list[list[Word]], reread: Rereader
                       ) -> list[tuple[Word, str, float]]:
    """On a page typed in a fixed-pitch face, the words of the value's lines (`lines`) that
    two new readings made from its strokes thickened by a pixel, at TYPED_READINGS, agree on
    spelling otherwise than the first reading did (the second is made only of the lines the
    first respelled a word of): each with that spelling (lower case) and the lower of the
    two scores. Cut and scaled unlike the page reading, they read afresh a glyph it got by
    chance ("quý TW" for "IV"; "văn thư, Lưu trữ" for "lưu", its "thư" read "thứ" by both;
    "Két luận" read "Kết"); one new reading alone misreads as often, and a misreading the
    model makes of the glyph itself ("Để nghị" for "Đề", "Quy chê" for "chế") all of them
    repeat. A capital in mid-sentence both read small counts so too (`lowered`: "nộp Lưu
    vào" for "nộp lưu vào"; one reading alone read "Kế hoạch" small)."""
    first, then = TYPED_READINGS

    def read(lines: list[list[Word]], scale: float) -> list[Segment | None] | None:
        boxes = [union(row) for row in lines]
        return reread.read_many([b for b in boxes if b is not None], scale, thick=True)

    words = [w for row in lines for w in row]

    def respelling(word: Word, segment: Segment | None) -> str | None:
        if lowered(words, word, segment):
            return word.text.strip(EDGE).lower()  # a capital in mid-sentence read small
        return _respelling(word, segment)

    once = read(lines, first)
    if once is None:
        return []
    spelled = [(row, segment, {id(w): s for w in row if (s := respelling(w, segment))})
               for row, segment in zip(lines, once, strict=True)]
    spelled = [(row, segment, found) for row, segment, found in spelled if found]
    twice = read([row for row, _, _ in spelled], then) if spelled else None
    if twice is None:
        return []
    return [(w, found[id(w)], min(a.conf, b.conf))
            for (row, segment, found), other in zip(spelled, twice, strict=True) for w in row
            if id(w) in found and respelling(w, other) == found[id(w)]
            and (a := _over(w, segment)) is not None and (b := _over(w, other)) is not None]


def agree(value: FieldValue, reread: Rereader | None, typed: bool = False) -> FieldValue:
    """A text value filled in from words read sure (the trích yếu), checked by a second
    reading: each of its lines holding a word the lexicon does not bear out (no compound with
    a neighbour) is cut from the page, enlarged ×2 and read again as one line, all in one run,
    re-ranked as the page was; when a line's second reading gives reason to doubt a word (see
    _doubted), the value is a suggestion (`DISAGREE`). On a page typed in a fixed-pitch face
    (`typed`), every line of the value is read again from thickened strokes (×2, and a line
    that reading respells at ×1.5 too), and a word both spell alike, otherwise than the first
    reading (`_typed_respellings`), makes it a suggestion too, unless only their spelling
    forms a compound of the lexicon with a neighbour in the value: then it is taken ("Két
    luận" → "Kết luận", "lăng phí" → "lãng phí", as the second model's readings are in
    app.extract.second). Where only the first spelling forms one the value stays a suggestion
    all the same: such a doubt also catches by chance values wrong in another word (the case
    of a small l read L on the same lines). Nothing is read when the value is empty or already
    a suggestion, or without a page image."""
    if reread is None or not value.value or value.suggested:
        return value
    words = list(value.words)
    lines = rows(words)
    keys = [tone_key(w.text.strip(EDGE)) for w in words]
    looked = [row for row in lines if _open(words, keys, row)]
    boxes = [union(row) for row in looked]
    read = reread.read_many([b for b in boxes if b is not None], AGREE_SCALE) if looked else []
    if read is not None and any(_doubted(words, keys, row, segment)
                                for row, segment in zip(looked, read, strict=True)):
        return replace(value, why=DISAGREE)
    if not typed:
        return value
    doubt = False
    for word, spelled, conf in _typed_respellings(lines, reread):
        at = words.index(word)
        says = lexicon_says(keys, at, spelled)
        if says:
            words[at] = respelled(word, spelled, conf)
        doubt = doubt or not says
    if words == list(value.words):
        return replace(value, why=DISAGREE) if doubt else value
    if doubt or value.value != " ".join(w.text for w in value.words):  # not its words' text
        return replace(value, why=DISAGREE)
    return replace(value, value=" ".join(w.text for w in words), words=tuple(words))
