"""The trích yếu and number of a typewritten page read again by a second OCR model."""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract.agree import lexicon_says, lowered, respelled, tone_keys
from app.extract.confirm import stems
from app.extract.doctypes import TypeTable
from app.extract.fields import number
from app.extract.fields.evidence import not_syllable, rows
from app.extract.fields.subject import judged, numeral_strokes
from app.extract.glyphs import Glyphs, lowercased
from app.extract.layout import Segment
from app.extract.model import (
    GUESSED,
    NOT_A_SYLLABLE,
    SECOND_MODEL_DIFFERS,
    FieldValue,
    union,
)
from app.extract.reread import EDGE, Rereader
from app.extract.text import other_case
from app.ocr.base import Word
from app.ocr.rerank import BODIES

SCALE = 1.0  # the lines are read at the page's scale
# the suggestions the second model's reading may settle: a word whose marks the lexicon chose
# on thin evidence ("kêt" read, "kết" chosen), a word that is no syllable ("Ouy chế", "kêt")
SETTLED = (GUESSED, NOT_A_SYLLABLE)
_STROKES_SLIP = re.compile(r"(?=.*1)(?=.*[IlV])[IlV1]+")  # a numeral's strokes read as I's and 1's
_NUMERAL = re.compile(r"[IVX]+")


def _in_span(row: list[Word], segment: tuple[Word, ...]) -> list[Word]:
    """The words of `segment` (a new reading of the line `row` came from) that lie over the
    row's span by more than half their width, left to right."""
    left, right = min(w.box[0] for w in row), max(w.box[2] for w in row)
    return sorted((w for w in segment
                   if min(w.box[2], right) - max(w.box[0], left) > 0.5 * (w.box[2] - w.box[0])),
                  key=lambda w: w.box[0])


def _subject_rows(value: FieldValue) -> list[list[Word]]:
    """The lines of a trích yếu to read again, left to right: none when it is empty, a
    suggestion for another reason than SETTLED, or spelled otherwise than its words."""
    if not value.value or (value.suggested and value.why not in SETTLED) \
            or value.value != " ".join(w.text for w in value.words):
        return []
    return [sorted(row, key=lambda w: w.box[0]) for row in rows(value.words)]


def _respelled(value: FieldValue, lines: list[list[Word]], read: list[Segment | None],
               reread: Rereader, glyphs: Glyphs | None = None) -> FieldValue:
    """The trích yếu `value` once its lines (`lines`) were read by the second model (`read`):
    a word it spells otherwise is taken when only its spelling forms a compound of the
    lexicon with a neighbour, and kept when only the page's does; otherwise a new spelling
    that is a syllable, read at least as sure, the only word of its line respelled, makes
    the value a suggestion (`SECOND_MODEL_DIFFERS`), as does a numeral read partly as digits
    ("I1") and now as a numeral — unless the page shows as many strokes across its middle as
    the new numeral has (`confirm.stems`): then the numeral is taken; a capital in mid-sentence
    read small makes it a suggestion too (`agree.lowered`), unless the page's `glyphs` say its
    letter is the small one (`Glyphs.small`): then it is taken small, unless another word is
    read in another case (a suggestion then). Other case, other digits, marks
    at a word's ends, a word with no letter and a line read as another count of words are left
    as the page read them."""
    words = list(value.words)
    keys = tone_keys(words)
    doubt = small = recased = False
    for row, segment in zip(lines, read, strict=True):
        new = _in_span(row, segment.words) if segment is not None else []
        if len(new) != len(row):
            continue
        for old, other in zip(row, new, strict=True):
            if old.guessed and not other.guessed and old.text.strip(EDGE) == other.text.strip(EDGE):
                words[words.index(old)] = replace(old, guessed=False)  # two models read it so
        for old, other in zip(row, new, strict=True):
            if lowered(list(value.words), old, Segment((other,))):  # a capital in mid-sentence
                if glyphs is not None and glyphs.small(old):       # read small
                    at = value.words.index(old)
                    words[at] = lowercased(words[at])
                    small = True
                else:
                    doubt = True
            elif other_case(old.text.strip(EDGE), other.text.strip(EDGE)):
                recased = True  # another word read in another case
        differ = [(old, other) for old, other in zip(row, new, strict=True)
                  if old.text.strip(EDGE).lower() != other.text.strip(EDGE).lower()]
        for old, other in differ:
            first, then = old.text.strip(EDGE), other.text.strip(EDGE)
            if _STROKES_SLIP.fullmatch(first) and _NUMERAL.fullmatch(then):
                at = words.index(old)  # "quý I1" read "quý I": a numeral's strokes, two ways
                if 0 < numeral_strokes(then) == stems(old, value.words, reread):
                    words[at] = replace(old, text=old.text.replace(first, then, 1),
                                        conf=other.conf, guessed=False)
                else:
                    doubt = True
                continue
            if not any(c.isalpha() for c in then) or any(c.isdigit() for c in first + then) \
                    or not_syllable(then):
                continue
            at = words.index(old)
            says = lexicon_says(keys, at, then)
            if says:
                words[at] = respelled(old, then, other.conf)
            elif says is None and len(differ) == 1 and other.conf >= old.conf:
                doubt = True
    fixed = replace(value, value=" ".join(w.text for w in words), words=tuple(words))
    if doubt or (small and recased):
        return replace(fixed, why=SECOND_MODEL_DIFFERS)
    return replace(fixed, why=judged(fixed.value, fixed.words)) if value.suggested else fixed


def _known(notation: str, types: TypeTable) -> bool:
    """True when every part of a number's notation ("QĐ-MTTQ-BTT", "CV/ĐU", "2020/NĐ-CP") is
    a type's abbreviation, an issuing body's (BODIES) or a year."""
    return all(part in BODIES or re.fullmatch(r"(19|20)\d\d", part)
               or types.by_abbreviation(part) is not None
               for part in re.split(r"[-/]", notation))


def _renumbered(value: FieldValue, line: Segment | None, abbrs: tuple[str, ...],
                types: TypeTable) -> FieldValue:
    """The number `value` once its line was read by the second model (`line`), parsed as the
    page's was (`abbrs`: the title's type abbreviations): the new reading is taken when it
    holds the same digits and its notation is made of known abbreviations (`_known`) while the
    page's is not. Other digits leave the page's number as it was read: each model misreads
    some digits of a face the other reads right ("05" / "95", "522" / "322"), and making such
    a number a suggestion offered three right held-out numbers for no wrong one caught."""
    other = number.field(number.parse(line), abbrs) if line is not None else None
    first = number.split(value.value)
    then = number.split(other.value) if other is not None else None
    if other is None or other.suggested or first is None or then is None \
            or first[0] != then[0] or _known(first[1], types) or not _known(then[1], types):
        return value
    return other


def second_reading(num: FieldValue, subject: FieldValue, reread: Rereader | None,
                   abbrs: tuple[str, ...], types: TypeTable, glyphs: Glyphs | None = None
                   ) -> tuple[FieldValue, FieldValue]:
    """The number and the trích yếu of a typewritten page once their lines were read again by
    the engine's second model, all in one run (see the module's docstring, `_renumbered` and
    `_respelled`); a value empty or only a suggestion (but for SETTLED) is not read again, and
    nothing is without a page image."""
    box = union(num.words) if num.value and not num.suggested else None
    lines = _subject_rows(subject)
    boxes = [b for b in (box, *(union(row) for row in lines)) if b is not None]
    if reread is None or not boxes:
        return num, subject
    read = reread.read_many(boxes, SCALE, second=True)
    if read is None:
        return num, subject
    if box is not None:
        num = _renumbered(num, read[0], abbrs, types)
    return num, (_respelled(subject, lines, read[box is not None:], reread, glyphs) if lines
                 else subject)
