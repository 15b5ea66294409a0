"""A typewritten page's doubted trích yếu settled word by word by more readings of its lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from app.extract.agree import _over, in_compound, tone_keys
from app.extract.confirm import _unsure
from app.extract.fields.evidence import not_syllable, rows
from app.extract.fields.subject import judged
from app.extract.model import (
    DISAGREE,
    GUESSED,
    SECOND_MODEL_DIFFERS,
    UNSURE,
    WEAK_SCORE,
    FieldValue,
    union,
)
from app.extract.reread import EDGE, Rereader
from app.ocr.base import Word
from app.ocr.lexicon import tone_key

# the doubts the vote may settle, and those it leaves once the value is respelled
VOTED = (DISAGREE, SECOND_MODEL_DIFFERS, WEAK_SCORE, GUESSED)
ANSWERED = ("", WEAK_SCORE, GUESSED, UNSURE)
# the new readings of each line: (scale, thickened, second model); thickened ×2 and ×1.5 and
# the second model's ×1 are agree's and second's own, made already on most lines
READINGS = ((2.0, True, False), (1.0, False, True), (1.5, True, False), (3.0, True, False),
            (2.0, False, True))
MAJORITY = 2 / 3  # of all the readings (the first among them) that must spell a word alike
FIRST_READINGS = 2  # lines these read alike, every word read sure, are read no more


def _compounds(keys: list[str], i: int, key: str) -> set[int]:
    """The neighbours of word i (`keys`: the value's words' tone keys) with which `key` in its
    place forms a compound of the lexicon."""
    return {j for j in (i - 1, i + 1) if 0 <= j < len(keys)
            and in_compound([keys[j], key] if j < i else [key, keys[j]], int(j < i), key)}


def settled(words: list[Word], i: int, spellings: list[str | None], keys: list[str]
            ) -> str | None:
    """How word i of the value `words` is spelled once weighed with `spellings` (each new
    reading's spelling of it, marks at its ends left out; None where a reading read no one word
    in its place), `keys` the value's words' tone keys; None when the readings do not settle
    it. It is settled when MAJORITY of all the readings, the first among them, spell it
    exactly alike (a change of case is no agreement) and:
    - no reading spells it with its first letter in another case, the same letters otherwise
      (a capital in mid-sentence read small, "Quy" read "quy": the face's l and L, and case
      itself, are not told by a vote; "gIaI" for "giai" is a reading's own slip);
    - the spelling differs from the first in more than case, in letters, not in digits, and is
      a syllable;
    - it forms a compound with each neighbour the first spelling formed one with ("hiệp
      thương" read "thượng" by most stays doubted: "thượng giới" is a compound too);
    - unless it is the first spelling of a word read sure, it forms a compound with a
      neighbour, or no reading's spelling does ("cung cáp" stands against "cung cấp" read
      once)."""
    word = words[i]
    first = word.text.strip(EDGE)
    votes = Counter([first, *(s for s in spellings if s is not None)])
    winner, count = votes.most_common(1)[0]
    if count < MAJORITY * (1 + len(spellings)):
        return None
    if any(s.lower() == winner.lower() and s[:1] != winner[:1] for s in votes):
        return None
    if winner != first:
        if winner.lower() == first.lower() or not any(c.isalpha() for c in winner) \
                or any(c.isdigit() for c in winner + first) or not_syllable(winner):
            return None
        if not _compounds(keys, i, keys[i]) <= _compounds(keys, i, tone_key(winner)):
            return None
    if (winner != first or _unsure(word)) and not _compounds(keys, i, tone_key(winner)) \
            and any(_compounds(keys, i, tone_key(s)) for s in votes
                    if s.lower() != winner.lower() and not not_syllable(s)):
        return None
    return winner


def vote(value: FieldValue, reread: Rereader | None) -> FieldValue:
    """The trích yếu of a typewritten page offered for one of the doubts VOTED (another
    reading spells a word otherwise, a word was read unsure), once each of its lines is read
    again (READINGS, all lines in one run each). On the dev pages such a value is nearly
    always wrong — the doubt is right — but the right word is often in one of the readings
    made, while no two of them agree on it ("láy ý kiến" read first; ×2 "lấy", ×3 "Lây",
    thickened "lấy"). Each word read unsure, or spelled otherwise by a new reading, is weighed
    by the six readings, the first among them (`settled`); when every such word is settled,
    the value is filled in with their spellings (and no other doubt `judged` finds in it but
    the scores the vote answered); otherwise it stays offered as it was. A line the first
    FIRST_READINGS read alike, every word read sure, is read no more, and no more readings
    are made once a word can no longer gain a majority. Nothing is read for a value not so
    offered, spelled otherwise than its words, or without a page image."""
    if reread is None or not value.suggested or value.why not in VOTED \
            or value.value != " ".join(w.text for w in value.words):
        return value
    lines = [sorted(row, key=lambda w: w.box[0]) for row in rows(value.words)]
    boxes = [union(row) for row in lines]
    if not lines or any(b is None for b in boxes):
        return value
    words = list(value.words)
    over: dict[int, list[Word | None]] = {id(w): [] for w in words}

    def spelled(word: Word) -> list[str | None]:
        return [o.text.strip(EDGE) if o is not None else None for o in over[id(word)]]

    def doubted(word: Word) -> bool:
        return _unsure(word) or any(s != word.text.strip(EDGE) for s in spelled(word))

    asked = list(range(len(lines)))
    for n, (scale, thick, second) in enumerate(READINGS):
        got = reread.read_many([b for k, b in enumerate(boxes) if k in asked and b is not None],
                               scale, thick=thick, second=second)
        if got is None:
            return value
        for k, segment in zip(asked, got, strict=True):
            for word in lines[k]:
                over[id(word)].append(_over(word, segment))
        for word in (w for k in asked for w in lines[k] if doubted(w)):
            votes = Counter([word.text.strip(EDGE), *(s for s in spelled(word) if s)])
            if votes.most_common(1)[0][1] + len(READINGS) - n - 1 \
                    < MAJORITY * (1 + len(READINGS)):
                return value  # a word no majority can settle any more
        if n + 1 == FIRST_READINGS:  # lines where those read every word alike, sure: no more
            asked = [k for k in asked if any(doubted(w) for w in lines[k])]
            if not asked:  # the doubt was another reading's, these two do not weigh it
                return value
    keys = tone_keys(words)
    out = list(words)
    for word in (w for k in asked for w in lines[k] if doubted(w)):
        at = words.index(word)
        winner = settled(words, at, spelled(word), keys)
        if winner is None:
            return value
        first = word.text.strip(EDGE)
        agreeing = [o.conf for o in over[id(word)]
                    if o is not None and o.text.strip(EDGE) == winner]
        out[at] = replace(word, text=word.text.replace(first, winner, 1), guessed=False,
                          conf=word.conf if winner == first else min(agreeing))
    text = " ".join(w.text for w in out)
    if judged(text, tuple(out)) not in ANSWERED:
        return value
    return replace(value, value=text, words=tuple(out), why="")
