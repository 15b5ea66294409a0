"""The trích yếu: the centred lines under the type title, or the "V/v" lines of a công văn."""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract.fields.evidence import lacking, middling, off_centre, weak
from app.extract.layout import Layout, Segment
from app.extract.model import (
    CAPITALS_AMID,
    EMPTY,
    LOST_WORDS,
    NO_YEAR,
    THIN_STROKES,
    WEAK_NUMERAL,
    FieldValue,
    doubt,
    found,
)
from app.extract.text import as_digits, as_small, fold
from app.ocr.base import Word

# "V/v" as printed and as the model misreads it when a sans face's slash and small v run
# together (line crops in TeX Gyre Heros and FreeSans read "V/", "V4", "V/w"; a faint
# typewriter "Ÿ/v"; League Mono, a sans monospace, "Vj", "Vjv", "W/v"), folded: a slash or a
# stroke (a j too) between v (or w) and v (or w), a slash alone after V, W or Y, or "Vj"
# ("j" and "w" open no Vietnamese word); then the end of the word. A stroke alone ("Vì",
# "Vl") is no label.
_VV = re.compile(r"^\s*(?:[vw]\s*[/|il1j]\s*[vw]|[vwy]\s*/\s*[vwy]?|vj|v4)(?=[\s.,:;]|$)"
                 r"\.?\s*")
# a word made only of the strokes of a Roman numeral and of thin letters ("TT" or "IH" read for
# "II", "TV" for "IV") that is no Roman numeral
_THIN = re.compile(r"[IlT|HVX]{1,4}")
_ROMAN = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")
_NO_YEAR = re.compile(r"\bnăm (?!(?:19|20)\d\d\b)\d{3,}")  # "năm 2822", "năm 20817"
MAX_STEP = 1.35  # a line further below the previous one than this × the line step ends the block


def thin_slip(text: str) -> bool:
    """True for a word of thin strokes that reads as no Roman numeral ("TT", "IH", "IIT"):
    strokes lost, merged or read as other thin letters."""
    core = text.strip(",.;:")
    return bool(_THIN.fullmatch(core)) and not _ROMAN.fullmatch(core) and any(
        c in core for c in "lT|H")


def _thin(word: Word) -> str:
    """THIN_STROKES for a word of thin strokes that reads as no Roman numeral ("TT", "IH",
    "TV"), WEAK_NUMERAL for one that does with a middling score (the strokes of "III" read as
    "II"), else ""."""
    if thin_slip(word.text):
        return THIN_STROKES
    core = word.text.strip(",.;:")
    return WEAK_NUMERAL if _ROMAN.fullmatch(core) and weak(word) else ""


_STROKES = {"I": 1, "V": 2}  # strokes each letter of a numeral shows across its middle


def strokes_expected(word: Word) -> int | None:
    """For a numeral read with a middling score (WEAK_NUMERAL), the strokes its reading shows
    across its middle ("II": 2, "IV": 3); 0 for one with an X (its strokes cross there: not
    counted); None for any other word."""
    if _thin(word) != WEAK_NUMERAL:
        return None
    return numeral_strokes(word.text.strip(",.;:"))


def numeral_strokes(numeral: str) -> int:
    """The strokes a Roman numeral shows across its middle ("II": 2, "IV": 3); 0 for one with
    an X (its strokes cross there: not counted)."""
    return sum(_STROKES[c] for c in numeral) if set(numeral) <= set(_STROKES) else 0


def _subject(text: str, words: tuple[Word, ...], factor: float = 1.0,
             lost: bool = False) -> FieldValue:
    """The trích yếu as a field; a suggestion when a word of thin strokes reads as no numeral
    (the model loses and merges such strokes: "quý TT" for "quý II"), when a numeral was read
    with a middling score ("II" for "III": a second reading may confirm it, see
    app.extract.confirm.confirm), when the OCR was unsure of a word (app.extract.model.doubt),
    or when its words are not borne out (app.extract.fields.evidence: no syllable, an odd
    character, a middling score); first of all when words were `lost` (a line of a centred
    trích yếu stands off the title's centre). A number whose digits were read as letters
    ("201ó") is read as digits (`as_digits`), a word whose small letters were read partly as
    capitals ("khU") in small letters (`as_small`)."""
    def read(word: str) -> str:
        return as_small(as_digits(word))

    text = " ".join(read(t) for t in text.split())
    words = tuple(w if (t := read(w.text)) == w.text else replace(w, text=t) for w in words)
    if lost:
        return found(text, words, factor, LOST_WORDS, checked=True)
    return found(text, words, factor, judged(text, words), checked=True)


_MARKED_CAPITALS = re.compile(r"(?=.*[^A-ZĐ])[^\W\d_a-zđ]{2,}")  # "LƯU", not "MTTQ"


def _shouted(text: str, before: str) -> bool:
    """True for a word of capitals with marks ("LƯU") after a word opening small ("thư,"):
    running words of a title are set small; capitals with marks in their midst are a case
    misread ("văn thư, LƯU trữ"), abbreviations ("MTTQ") have no marks."""
    core = text.strip(",.;:()\"'")
    return bool(_MARKED_CAPITALS.fullmatch(core)) and core.isupper() and before[:1].islower()


def judged(text: str, words: tuple[Word, ...]) -> str:
    """Why a trích yếu read as `text` from `words` is only a suggestion ("" when it is not):
    thin strokes, a word of capitals with marks among small words (`_shouted`), words not
    borne out, a year after "năm" that is none ("năm 2822": a zero
    read as an 8), a numeral or another word read unsure (see _subject)."""
    thin = {_thin(w) for w in words} - {""}
    if THIN_STROKES in thin:
        return THIN_STROKES
    texts = text.split()
    if any(_shouted(texts[i], texts[i - 1]) for i in range(1, len(texts))):
        return CAPITALS_AMID
    return lacking(texts, words) or (NO_YEAR if _NO_YEAR.search(text) else "") or (
        WEAK_NUMERAL if thin else doubt(words) or middling(words))


def _lines(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into visual lines (same height on the page), left to right."""
    lines: list[list[Segment]] = []
    for segment in segments:
        if lines and abs(segment.cy - lines[-1][0].cy) < 0.5 * segment.height:
            lines[-1].append(segment)
        else:
            lines.append([segment])
    return [sorted(line, key=lambda s: s.box[0]) for line in lines]


def _block(first: Segment, candidates: list[Segment], step: float, cx: float,
           tolerance: float) -> list[Segment]:
    """Lines following `first` at about `step` apart, centred on `cx`, or standing within the
    first line's span (centred once: words lost at one end, see evidence.off_centre)."""
    taken = [first]
    y = first.cy
    for k, line in enumerate(_lines([s for s in candidates
                                     if s.cy > first.cy + 0.5 * first.height])):
        left, right = min(s.box[0] for s in line), max(s.box[2] for s in line)
        inside = first.box[0] <= left and right <= first.box[2]
        if line[0].cy - y > MAX_STEP * step or (abs((left + right) / 2 - cx) > tolerance
                                                 and not inside):
            break
        if k == 0:  # the block's own line step, when wider than the step it was given
            step = max(step, line[0].cy - y)
        taken += line
        y = line[0].cy
    return taken


def under_title(layout: Layout, title: Segment) -> FieldValue:
    """The title's trích yếu: centred lines under it, one line step apart."""
    below = [s for s in layout.below(title.cy + 0.5 * title.height) if any(
        c.isalnum() for c in s.text)]
    lines = _lines(below)
    if not lines:
        return EMPTY
    first = lines[0]
    step = first[0].cy - title.cy
    if step > 3.0 * title.height:
        return EMPTY
    head = sorted(first, key=lambda s: s.box[0])
    left, right = head[0].box[0], head[-1].box[2]
    if abs((left + right) / 2 - title.cx) > 0.05 * layout.width:
        return EMPTY
    merged = Segment(tuple(w for s in head for w in s.words))
    block = _block(merged, below, step, title.cx, 0.05 * layout.width)
    words = tuple(w for s in block for w in s.words)
    # centred line by line as printed: Tesseract can read one line's words as two lines (a
    # typewriter's wide space), each off the centre alone
    lost = any(off_centre([w for s in line for w in s.words], title.cx) for line in _lines(block))
    return _subject(" ".join(s.text for s in block), words, lost=lost)


def vv_line(layout: Layout, top: float, bottom: float) -> Segment | None:
    """The "V/v …" line of a công văn's left column between `top` and `bottom`."""
    segments = layout.left(top, bottom)
    for segment in segments:
        if _VV.match(fold(segment.text)):
            after = [s for s in segments if s.box[0] > segment.box[0]
                     and abs(s.cy - segment.cy) < 0.5 * segment.height]
            # the rest of its line, when a wide gap after "V/v" cut it off (a typewriter face)
            return Segment(tuple(w for s in (segment, *after) for w in s.words))
    return None


def after_vv(layout: Layout, vv: Segment, bottom: float) -> FieldValue:
    """A công văn's trích yếu: the "V/v" line and the centred lines that continue it, about
    a line step apart: 1.6 × its words' height, or 1.2 × its whole height (marks above,
    descenders below) where more — a face whose letters are small for their line (TeX Gyre
    Cursor: words 27 px high on lines 59 px apart)."""
    step = max(1.6 * vv.height, 1.2 * (vv.box[3] - vv.box[1]))
    block = _block(vv, layout.left(vv.cy, bottom), step, vv.cx, 0.06 * layout.width)
    text = " ".join(s.text for s in block)
    m = _VV.match(fold(text))
    assert m is not None
    words = tuple(w for s in block for w in s.words)
    label = len(fold(text[:m.end()]).split())  # the words of "V/v" itself are no part of it
    return _subject(text[m.end():].strip(), words[label:], 0.95)
