"""Tone marks stacked over a circumflex that the page reading lost ("chuyên" for "chuyển")."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from app.extract.agree import in_compound, tone_keys
from app.extract.fields.evidence import not_syllable, rows
from app.extract.fields.subject import judged
from app.extract.layout import Segment
from app.extract.model import MARK_LOST, NOT_A_SYLLABLE, FieldValue, union
from app.extract.reread import EDGE, Rereader
from app.extract.text import CIRCUMFLEX, TONES, TONES_ABOVE, bare
from app.ocr.base import Word
from app.ocr.lexicon import tone_key

SCALE = 2.0  # the enlargement the line is read at (as app.extract.agree.agree reads it)


def restacked(old: str, new: str) -> bool:
    """True when `new` is `old` (a `bare` word) with one tone over a circumflexed letter
    ("đâu" → "đầu"), its marks at the ends aside."""
    a = unicodedata.normalize("NFD", old.strip(EDGE))
    b = unicodedata.normalize("NFD", new.strip(EDGE))
    added = [i for i, c in enumerate(b) if c in TONES]
    return (len(added) == 1 and b[added[0]] in TONES_ABOVE and b[:added[0]] + b[added[0] + 1:] == a
            and CIRCUMFLEX in b[max(0, added[0] - 2):added[0]])


def _in_place(word: Word, segment: Segment | None) -> str | None:
    """The one word `segment` (a new reading of `word`'s line) reads where `word` stands."""
    if segment is None:
        return None
    here = [w for w in segment.words
            if min(w.box[2], word.box[2]) - max(w.box[0], word.box[0])
            > 0.5 * min(w.box[2] - w.box[0], word.box[2] - word.box[0])]
    return here[0].text if len(here) == 1 else None


def restack(value: FieldValue, reread: Rereader | None) -> FieldValue:
    """`value` (the trích yếu) with each `bare` word over which the page shows a mark
    (Rereader.mark_over) boxed up to that mark, and respelled as its line, read again so cut
    (at ×SCALE, and by the engine's second model at ×1), spells it with a tone over the
    circumflex, when that spelling is a syllable (one forming a compound with a neighbour
    first: "chuyển đổi"); a word no reading so respells makes the value a suggestion
    (MARK_LOST). Nothing is read when no such word shows a mark, or without a page image."""
    if reread is None or not value.value or value.value != " ".join(w.text for w in value.words):
        return value
    words = list(value.words)
    lost: list[Word] = []
    for row in rows(words):
        box = union(row)
        for word in row:
            top = reread.mark_over(word.box, box[3] - box[1]) if box and bare(word.text) else None
            if top is not None:
                at = words.index(word)
                words[at] = replace(word, box=(word.box[0], top, *word.box[2:]))
                lost.append(words[at])
    if not lost:
        return value
    lines = [row for row in rows(words) if any(w in lost for w in row)]
    boxes = [b for b in (union(row) for row in lines) if b is not None]
    readings = [reread.read_many(boxes, SCALE), reread.read_many(boxes, 1.0, second=True)]
    keys = tone_keys(words)
    left = False
    for word in lost:
        at = words.index(word)
        line = next(i for i, row in enumerate(lines) if word in row)
        spellings = [s.strip(EDGE) for read in readings if read is not None
                     if (s := _in_place(word, read[line])) is not None
                     and restacked(word.text, s) and not not_syllable(s.strip(EDGE))]
        if not spellings:
            left = True
            continue
        best = next((s for s in spellings if in_compound(keys, at, tone_key(s))), spellings[0])
        core = word.text.strip(EDGE)
        words[at] = replace(word, text=word.text.replace(core, best, 1))
        keys[at] = tone_key(best)  # its neighbour's compound is weighed with it respelled
    fixed = replace(value, value=" ".join(w.text for w in words), words=tuple(words),
                    box=union(words))
    if value.why == NOT_A_SYLLABLE:  # the respelled word may have been the one
        fixed = replace(fixed, why=judged(fixed.value, fixed.words))
    return replace(fixed, why=fixed.why or MARK_LOST) if left else fixed
