"""A trích yếu's doubted numbers (years, Roman numerals, a range's dash) read from the page."""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract.agree import AGREE_SCALE
from app.extract.confirm import STEM_MARGIN, widened
from app.extract.fields.evidence import rows, unpaired, weak
from app.extract.fields.subject import judged, thin_slip
from app.extract.model import DISAGREE, LOST_WORDS, FieldValue, union
from app.extract.reread import EDGE, Rereader
from app.extract.text import fold
from app.ocr.base import Word

DIGITS = "0123456789"
YEAR = re.compile(r"(?:19|20)\d\d")
NUMBER = re.compile(r"\d+")
YEAR_SCALES = (2.0, 3.0, 1.5)  # a number word read at these scales in turn, until two agree
WORD_MARGIN = 0.25  # a word cut alone keeps this × its height of page each side (not past a
# neighbour)
_NUMERAL = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")
_DASH_READ = frozenset("~—_=")  # what a range's dash is read as where it has no place
QUOTES = "'\"“”‘’"
# letters (and a digit) a numeral's upright strokes are read as after "quý": "II1", "ti", "TTIT"
STROKES = frozenset("IVXl1|iíìịĩỉÍÌỊĨỈTtHLJj!")
DASH_FLAT = 2.5  # a dash's stroke is at least this many times as wide as it is high
DASH_FILL = 0.7  # ... fills at least this share of its box (a tilde's wave fills less)
DASH_LOW = 0.25  # ... and is at most this × the line's height high
SURE = 100.0  # the score a word settled by the page is given: no reading weighs against it
MARK_TALL = 0.5  # a piece of ink this × the word's height or taller is a letter, not a mark


def _core(text: str) -> tuple[str, str, str]:
    """A word's text split into the marks at its start, its core and the marks at its end."""
    core = text.strip(EDGE)
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def _after(words: tuple[Word, ...], i: int, folded: str) -> bool:
    """True when word i follows a word that folds to `folded` ("nam", "quy")."""
    return i > 0 and fold(words[i - 1].text.strip(EDGE)) == folded


def _digits(word: Word, words: tuple[Word, ...], reread: Rereader, form: re.Pattern[str]
            ) -> str | None:
    """What a doubted number word (a year: `form` YEAR) reads as when cut alone and read as
    digits only, two readings agreeing on a number of that `form`; None when no two do."""
    box = widened(word, words, WORD_MARGIN)
    seen: set[str] = set()
    for scale in YEAR_SCALES:
        got = reread.read_word(box, scale, DIGITS)
        text = "".join(w.text for w in got.words) if got is not None else ""
        if form.fullmatch(text):
            if text in seen:
                return text
            seen.add(text)
    return None


def _numeral(word: Word, words: tuple[Word, ...], reread: Rereader) -> str | None:
    """"I", "II" or "III" when the page shows only that many thin upright strokes where a
    doubted numeral was read (its box widened a little, short of its neighbours)."""
    count = reread.uprights(widened(word, words, STEM_MARGIN))
    return "I" * count if count is not None and 1 <= count <= 3 else None


def _dash(words: tuple[Word, ...], i: int, reread: Rereader) -> bool:
    """True when the ink between the years beside word i is one short flat stroke at the
    middle of their height, filled as a bar is: a dash read as something else."""
    before, after = words[i - 1], words[i + 1]
    top, bottom = min(before.box[1], after.box[1]), max(before.box[3], after.box[3])
    pieces = reread.ink((before.box[2] + 1, top, after.box[0], bottom))
    if not pieces or len(pieces) != 1:
        return False
    _, y, width, height, area = pieces[0]
    line = bottom - top
    middle = y + height / 2 - top
    return (width >= DASH_FLAT * height and area >= DASH_FILL * width * height
            and height <= DASH_LOW * line and line / 3 <= middle <= 2 * line / 3)


def _no_mark(word: Word, words: tuple[Word, ...], reread: Rereader, first: bool) -> bool:
    """True when no mark stands apart at the start (`first`) or end of `word`: the first (or
    last) piece of ink there is as tall as a letter."""
    pieces = reread.ink(widened(word, words, WORD_MARGIN))
    height = word.box[3] - word.box[1]
    pieces = [p for p in pieces or [] if p[4] > 1]  # a lone pixel is paper
    if not pieces:
        return False
    edge = pieces[0] if first else max(pieces, key=lambda p: p[0] + p[2])
    return edge[3] >= MARK_TALL * height


def _settled(words: tuple[Word, ...], i: int, reread: Rereader, texts: str) -> str | None:
    """Word i's spelling as the page settles it, None when it is not doubted as a number
    or the page does not settle it."""
    word = words[i]
    lead, core, tail = _core(word.text)
    if _after(words, i, "nam") and sum(c.isdigit() for c in core) >= 3 and (
            not YEAR.fullmatch(core) or weak(word) or word.guessed or word.rival):
        year = _digits(word, words, reread, YEAR)
        return None if year is None else lead + year + tail
    if core.isdigit() and (weak(word) or word.guessed or word.rival):  # "Sơ kết 66 tháng"
        number = _digits(word, words, reread, NUMBER)
        return None if number is None else lead + number + tail
    numeral_place = _after(words, i, "quy") and 0 < len(core) <= 4 and set(core) <= STROKES \
        and not core.isdigit()
    if thin_slip(word.text) or (numeral_place and not _NUMERAL.fullmatch(core)) or (
            _NUMERAL.fullmatch(core) and (weak(word) or word.guessed)):
        numeral = _numeral(word, words, reread)
        return None if numeral is None else lead + numeral + tail
    if 0 < i < len(words) - 1 and word.text in _DASH_READ and all(
            YEAR.fullmatch(w.text.strip(EDGE)) for w in (words[i - 1], words[i + 1])):
        return "-" if _dash(words, i, reread) else None
    first = i == 0 and word.text[:1] in QUOTES
    if unpaired(texts) and (first or (i == len(words) - 1 and word.text[-1:] in QUOTES)):
        trimmed = word.text[1:] if first else word.text[:-1]
        return trimmed if trimmed and _no_mark(word, words, reread, first) else None
    return None


def _recased(words: list[Word], settled: set[int], reread: Rereader) -> bool:
    """True when a new reading of a line of `words` at ×2, as the page was or thickened (the
    readings `agree` makes: read once for both), as many words over the line's span, starts
    a word other than the `settled` ones (their indexes) with the same letter in the other
    case ("việc Lập" read "việc lập": JetBrains Mono's l read L on the page)."""
    lines = [sorted(row, key=lambda w: w.box[0]) for row in rows(words)]
    boxes = [b for b in (union(row) for row in lines) if b is not None]
    for thick in (False, True):
        read = reread.read_many(boxes, AGREE_SCALE, thick=thick)
        for row, segment in zip(lines, read or [], strict=True):
            left, right = row[0].box[0], row[-1].box[2]
            inside = sorted((w for w in (segment.words if segment is not None else ())
                             if min(w.box[2], right) - max(w.box[0], left)
                             > 0.5 * (w.box[2] - w.box[0])), key=lambda w: w.box[0])
            if len(inside) != len(row):
                continue
            for old, new in zip(row, inside, strict=True):
                a, b = old.text.strip(EDGE)[:1], new.text.strip(EDGE)[:1]
                if words.index(old) not in settled and a != b and fold(a) == fold(b) \
                        and a.isalpha():
                    return True
    return False


def settle_numbers(value: FieldValue, reread: Rereader | None) -> FieldValue:
    """The trích yếu `value` with its doubted numbers settled from the page, judged again
    (`subject.judged`); as it was when it is filled in, was read off the title's centre
    (LOST_WORDS), spells its words otherwise than its text, or nothing was settled.

    The page model misreads the figures of a title more than its words, and the lexicon cannot
    check them: a year after "năm" read with a digit wrong or one too many ("năm 2822", "năm
    20817": JetBrains Mono's dotted 0 read as an 8), a Roman numeral after "quý" whose thin
    strokes were read as other letters or lost ("quý TTII", "quý II1", "quý II" for "III"), a
    range's dash read as a tilde ("2023 ~ 2027"), a serif at a title's first letter read as a
    quotation mark ("'Tổ chức"). Each is settled only by the page itself:

    - a year: the word cut alone (short of its neighbours) and read again as one word with only
      digits allowed (`Rereader.read_word`), at ×2 and ×3, then ×1.5: two readings giving the
      same year (19xx, 20xx) settle it;
    - another number read unsure ("Sơ kết 66 tháng", "66" read at 44): so too, two readings
      agreeing on its digits;
    - a numeral: the strokes across its middle (`Rereader.uprights`): one to three thin upright
      strokes and nothing else are "I", "II" or "III" (a V, an X or another letter shows slanted
      strokes or a bar: not settled);
    - a range's dash: the ink between two years is one short flat stroke at mid-height, filled
      as a bar is (a tilde waves: not settled);
    - a quotation mark at a value's first or last word with no mate: dropped when no mark
      stands apart from the letter beside it (the first piece of ink is as tall as a letter).

    A word so settled takes its new spelling and counts as read sure (`SURE`); the value stays
    a suggestion for any doubt left, a number not settled too. A value left with no doubt is
    filled in only when no word of it (but those settled) is read in another case by a new
    reading of its line (`_recased`: JetBrains Mono's l read L, "việc Lập"): else DISAGREE."""
    if reread is None or not value.suggested or value.why == LOST_WORDS \
            or value.value != " ".join(w.text for w in value.words):
        return value
    words = list(value.words)
    settled: set[int] = set()
    for i in range(len(words)):
        spelled = _settled(value.words, i, reread, value.value)
        if spelled is not None:
            settled.add(i)
            words[i] = replace(words[i], text=spelled, conf=SURE, guessed=False, rival=False)
    if words == list(value.words):
        return value
    text = " ".join(w.text for w in words)
    why = judged(text, tuple(words))
    if not why and _recased(words, settled, reread):
        why = DISAGREE
    return replace(value, value=text, words=tuple(words), why=why)
