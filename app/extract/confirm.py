"""A value filled only when two readings of its line agree (`settle`, `confirm`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from app.extract.agree import respelled_alike
from app.extract.fields.evidence import rows, weak
from app.extract.fields.subject import strokes_expected
from app.extract.layout import Segment
from app.extract.model import (
    DIGITS_UNSURE,
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
from app.extract.reread import EDGE, SCALES, Rereader
from app.extract.text import fold
from app.ocr.base import Box, Word
from app.ocr.lexicon import load, tone_key

# digits a page model confuses in worn or typewritten faces (each pair both ways)
CONFUSED = frozenset({("0", "6"), ("0", "8"), ("0", "9"), ("1", "7"), ("3", "8"), ("5", "6")})


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
    return reread.strokes(widened(word, words, STEM_MARGIN))


def widened(word: Word, words: tuple[Word, ...], margin: float) -> Box:
    """`word`'s box widened by `margin` × its height each side, short of the words beside it
    on its line (one of `words`)."""
    row = sorted((w for w in words if w.line == word.line), key=lambda w: w.box[0])
    at = row.index(word)
    pad = round(margin * (word.box[3] - word.box[1]))
    left = max([word.box[0] - pad] + [w.box[2] + 1 for w in row[at - 1:at] if at])
    right = min([word.box[2] + pad] + [w.box[0] - 1 for w in row[at + 1:at + 2]])
    return left, word.box[1], right, word.box[3]


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
    confirmed too, with their spelling (`respelled_alike`)."""
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
            alike = respelled_alike(value.words, unsure, read) if respell else None
            if alike is None or value.value != " ".join(w.text for w in value.words):
                return value
            for word, new in alike:
                words[value.words.index(word)] = new
    if words == list(value.words):
        return replace(value, why="")
    return replace(value, value=" ".join(w.text for w in words), words=tuple(words), why="")
