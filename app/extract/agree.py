"""The trích yếu's lines read again and its words weighed with the lexicon's compounds (`agree`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.extract.fields.evidence import not_syllable, rows
from app.extract.fields.subject import thin_slip
from app.extract.glyphs import Glyphs, lowercased, mid_sentence
from app.extract.layout import Segment
from app.extract.model import DISAGREE, FieldValue, union
from app.extract.reread import EDGE, Rereader
from app.extract.text import cased, other_case
from app.ocr.base import Word
from app.ocr.lexicon import load, tone_key

AGREE_SCALE = 2.0  # the enlargement a trích yếu's lines are read at a second time
TYPED_READINGS = (2.0, 1.5)  # ... and, typed in a fixed-pitch face, read again thickened


def tone_keys(words: Sequence[Word]) -> list[str]:
    """The tone keys of a value's words, the marks at their ends left out: what `in_compound`
    and `lexicon_says` look words up by."""
    return [tone_key(w.text.strip(EDGE)) for w in words]


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


def _recased(word: Word, segment: Segment | None) -> bool:
    """True when `segment`, a new reading of the line of `word`, reads it as the one word in
    its place with the same letters in another case ("quy" read "Quy")."""
    other = _over(word, segment)
    return other is not None and other_case(word.text.strip(EDGE), other.text.strip(EDGE))


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
    if segment is None or not mid_sentence(words, words.index(word)):
        return False
    old = word.text.strip(EDGE)
    other = _over(word, segment)
    return other is not None and other.text.strip(EDGE) == old[:1].lower() + old[1:]


def _typed_respellings(lines: list[list[Word]], reread: Rereader
                       ) -> tuple[list[tuple[Word, str, float]], list[Word]]:
    """On a page typed in a fixed-pitch face, the words of the value's lines (`lines`) that
    two new readings made from its strokes thickened by a pixel, at TYPED_READINGS, agree on
    spelling otherwise than the first reading did (the second is made only of the lines the
    first respelled a word of): each with that spelling (lower case) and the lower of the
    two scores; and the words either new reading read in another case (`_recased`). Cut and
    scaled unlike the page reading, they read afresh a glyph it got by chance ("quý TW" for
    "IV"; "văn thư, Lưu trữ" for "lưu", its "thư" read "thứ" by both; "Két luận" read
    "Kết"); one new reading alone misreads as often, and a misreading the model makes of the
    glyph itself ("Để nghị" for "Đề", "Quy chê" for "chế") all of them
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
        return [], []
    recased = [w for row, segment in zip(lines, once, strict=True) for w in row
               if _recased(w, segment)]
    spelled = [(row, segment, {id(w): s for w in row if (s := respelling(w, segment))})
               for row, segment in zip(lines, once, strict=True)]
    spelled = [(row, segment, found) for row, segment, found in spelled if found]
    twice = read([row for row, _, _ in spelled], then) if spelled else None
    if twice is None:
        return [], recased
    recased += [w for (row, _, _), other in zip(spelled, twice, strict=True) for w in row
                if _recased(w, other) and w not in recased]
    return [(w, found[id(w)], min(a.conf, b.conf))
            for (row, segment, found), other in zip(spelled, twice, strict=True) for w in row
            if id(w) in found and respelling(w, other) == found[id(w)]
            and (a := _over(w, segment)) is not None and (b := _over(w, other)) is not None], \
        recased


def agree(value: FieldValue, reread: Rereader | None, typed: bool = False,
          glyphs: Glyphs | None = None) -> FieldValue:
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
    app.extract.second). Where only the first spelling forms one ("xã hội" read "xã hột" by
    both), the first is kept when nothing else in the value is doubted: no other word
    respelled by both, no word either reading reads in another case ("quy chế làm việc" read
    "Quy chế tàm việc": a suggestion still, the printed "Quy" read small the first time);
    such a doubt also catches values wrong in another word (a small l read L). A capital in
    mid-sentence both read small is taken small when the page's `glyphs` say its letter is the
    small one (`Glyphs.small`: "nộp Lưu vào" → "nộp lưu vào"; then it is no case doubt for the
    first spelling kept), unless another word is read in another case; without them it is a
    doubt.
    Nothing is read when the value is empty or already a suggestion, or without a page
    image."""
    if reread is None or not value.value or value.suggested:
        return value
    words = list(value.words)
    lines = rows(words)
    keys = tone_keys(words)
    looked = [row for row in lines if _open(words, keys, row)]
    boxes = [union(row) for row in looked]
    read = reread.read_many([b for b in boxes if b is not None], AGREE_SCALE) if looked else []
    if read is not None and any(_doubted(words, keys, row, segment)
                                for row, segment in zip(looked, read, strict=True)):
        return replace(value, why=DISAGREE)
    if not typed:
        return value
    respellings, recased = _typed_respellings(lines, reread)
    found = [(word, spelled, conf, lexicon_says(keys, words.index(word), spelled)
              if spelled != word.text.strip(EDGE).lower()
              else (glyphs is not None and glyphs.small(word)) or None)  # a capital read small
             for word, spelled, conf in respellings]
    small = [word for word, spelled, _, says in found
             if says and spelled == word.text.strip(EDGE).lower()]  # the page's glyphs say so
    recased = [w for w in recased if w not in small]
    # the first spelling kept where only it forms a compound, when nothing else is doubted
    settled = not recased and all(says is not None for *_, says in found)
    # another word read in another case ("quy chế Làm việc" for "Quy chế"): no capital taken
    # small on the glyphs' word
    doubt = bool(small and recased)
    for word, spelled, conf, says in found:
        if word in small:
            words[words.index(word)] = lowercased(word)
        elif says:
            words[words.index(word)] = respelled(word, spelled, conf)
        doubt = doubt or not (says or (settled and says is False))
    if words == list(value.words):
        return replace(value, why=DISAGREE) if doubt else value
    if doubt or value.value != " ".join(w.text for w in value.words):  # not its words' text
        return replace(value, why=DISAGREE)
    return replace(value, value=" ".join(w.text for w in words), words=tuple(words))


def respelled_alike(words: tuple[Word, ...], unsure: list[Word], read: list[Segment | None]
                    ) -> list[tuple[Word, Word]] | None:
    """Each of the `unsure` words (of the value's `words`) as the new readings `read` of its
    line all spell it, when they spell it alike, otherwise than the first reading, and only
    their spelling forms a compound of the lexicon with a neighbour (`lexicon_says`), read at
    the lower of their scores; None when any unsure word is not so."""
    keys = tone_keys(words)
    out = []
    for word in unsure:
        spelled = {_respelling(word, segment) for segment in read}
        over = [_over(word, segment) for segment in read]
        spelling = spelled.pop() if len(spelled) == 1 else None
        if spelling is None or not lexicon_says(keys, words.index(word), spelling):
            return None
        out.append((word, respelled(word, spelling, min(w.conf for w in over if w is not None))))
    return out
