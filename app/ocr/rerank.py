"""Diacritics re-ranked with a lexicon: per word, Tesseract's alternatives that differ in marks.

One pass over a page's words. For each word, the candidates are the spellings made of
Tesseract's own alternatives for its letters that share the letter's base (Â/Ầ, D/Đ), plus
the letters the `vie` model cannot output (ỵ/Ỵ, for "huyện lỵ"). A word read as a valid
syllable is kept unless another candidate forms a known compound with its neighbour on the line
("THƯỜNG TRỤC" → "THƯỜNG TRỰC"); a word that is no syllable takes the valid candidate that fits
its neighbours best, then the one the model scored highest. A change made on context alone, or
on alternatives the model gave no weight to, marks the word `guessed`. Thin letters of one shape
(l/t/i, "tưu" for "lưu" in a typewriter face) are candidates too. Two slips of the model
that are no marks are undone the same way: a vowel read twice ("ĐÁẢNG" → "ĐẢNG", when the
shorter word is a syllable), and a capital L read for a small l in a typewriter face ("chỉnh
Lý" → "chỉnh lý", when it forms a compound with the word before); an eth (Ð), no Vietnamese
letter, is read as Đ ("QĐÐ" → "QĐ"). Two glyphs of monospace faces are read as printed: a
slashed zero (Ø) in a word with digits as 0 ("2Ø69/CTPH"), and a long dash (—, –) alone
opening a line as the hyphen that opens a list item ("— Như trên;" → "- Như trên;").
A part in capitals of a word (between / and -) that is no body's abbreviation of BODIES but
becomes one with a letter the model listed for it is read so ("370/MTTO-BTT" → "MTTQ": the
typewriter's Q has a small tail).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise, product

from app.ocr.base import Word
from app.ocr.hocr import Choice, ChoiceWord
from app.ocr.lexicon import Lexicon, load, tone_key

MAX_OPTIONS = 4  # alternatives kept per letter (the top one included)
MAX_CANDIDATES = 96  # spellings tried per word
WEIGHTED = 5.0  # an alternative scored at least this (0-100) carries the model's own evidence
UNREACHABLE = {"y": "ỵ", "Y": "Ỵ"}  # letters missing from the vie model's character set
RIVAL = 45.0  # another digit scored this much (0-100) makes a digit unsure
RIVAL_MARKS = 50.0  # ... and other marks on a letter
SMALL_L = 20.0  # the model's score for "l" that lets a capital L before a compound be lowered
SAME_SHAPE = frozenset("lti")  # thin letters a typewriter face makes alike: "tưu" for "lưu"
# issuing bodies' abbreviations in document numbers (NĐ 30/2020 appendix; the Front's, the Party's)
BODIES = frozenset({"MTTQ", "UBND", "HĐND", "BTT", "BCĐ", "ĐU", "QU", "HU", "TU", "VPTW", "TW",
                    "CP", "VP", "UBMTTQ"})


@lru_cache(maxsize=4096)
def _base(ch: str) -> str:
    """A letter without its marks, đ as d, case kept: "Ầ" → "A", "đ" → "d"."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[:1]


_key = lru_cache(maxsize=65536)(tone_key)


def rival(word: ChoiceWord) -> bool:
    """True when the model weighed another reading for one of the word's digits ("6" read, "0"
    scored 65) or for the marks of one of its letters ("KIỂU" read, "Ề" scored 50): a number
    or a name read from it is only a suggestion."""
    for options in word.choices:
        top = options[0][0]
        for c, score in options[1:]:
            if c == top or len(c) != 1:
                continue
            digit = top.isdigit() and c.isdigit() and score >= RIVAL
            marks = top.isalpha() and _base(c) == _base(top) and score >= RIVAL_MARKS
            if digit or marks:
                return True
    return False


def plain(word: ChoiceWord) -> Word:
    """The word as Tesseract read it."""
    return Word(word.text, word.box, word.conf, word.line, rival=rival(word))


def _options(top: str, alternatives: Sequence[Choice]) -> list[tuple[str, float]]:
    """(letter, model score) for one position: the top letter, then the alternatives that share
    its base or are a thin letter of the same shape (l/t/i, in the top letter's case)."""
    out = [(top, 100.0)]
    base = _base(top)
    for letter, conf in alternatives[1:]:
        if len(out) >= MAX_OPTIONS:
            break
        if len(letter) != 1 or letter == top:
            continue
        if _base(letter) == base:
            out.append((letter, conf))
        elif {top.lower(), letter.lower()} <= SAME_SHAPE and top.lower() != letter.lower():
            shaped = letter.upper() if top.isupper() else letter.lower()
            if all(o[0] != shaped for o in out):
                out.append((shaped, conf))
    extra = UNREACHABLE.get(base)
    if extra and all(o[0] != extra for o in out):
        out.append((extra, 0.0))
    return out


def _marks(ch: str) -> set[str]:
    return set(unicodedata.normalize("NFD", ch)[1:]) | ({"đ"} if ch in "đĐ" else set())


def _adds_marks(top: str, spelling: str) -> bool:
    """True when `spelling` only adds marks to what was read ("CHU" → "CHỦ", "tôn" → "tồn"):
    a small mark the model missed, rather than one it read otherwise."""
    return all(_marks(a) < _marks(b) for a, b in zip(top, spelling, strict=True) if a != b)


def _unreachable(top: str, spelling: str) -> bool:
    """True when `spelling` differs from `top` only by letters the model cannot output."""
    return all(a == b or b in UNREACHABLE.values() for a, b in zip(top, spelling, strict=True))


def _reshaped(top: str, spelling: str) -> bool:
    """True when `spelling` puts a thin letter of another shape in ("tưu" → "lưu"): taken only
    where it forms a compound, never for an abbreviation or a numeral ("VT.", "TM.", "II")."""
    return any(_base(a).lower() != _base(b).lower() for a, b in zip(top, spelling, strict=True))


def _core(text: str) -> tuple[int, int]:
    """The slice of `text` holding its letters, without leading or trailing punctuation."""
    start, end = 0, len(text)
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not text[end - 1].isalpha():
        end -= 1
    return start, end


def _candidates(word: ChoiceWord) -> list[tuple[str, float]]:
    """(spelling of the word's letters, the weakest changed letter's score), top first."""
    start, end = _core(word.text)
    core = word.text[start:end]
    if not core or not core.isalpha() or len(word.choices) != len(word.text):
        return []
    per = [_options(ch, word.choices[i]) for i, ch in enumerate(core, start)]
    size = 1
    for options in per:
        size *= len(options)
    while size > MAX_CANDIDATES:  # trim the longest lists of alternatives first
        longest = max(per, key=len)
        size = size // len(longest) * (len(longest) - 1)
        longest.pop()
    out = []
    for combo in product(*per):
        spelling = "".join(c[0] for c in combo)
        out.append((spelling, min(c[1] for c in combo)))
    return out


class _Page:
    """The words of a page and, per word, its candidates and first-pass choice."""

    def __init__(self, words: Sequence[ChoiceWord], lex: Lexicon) -> None:
        self.words = words
        self.lex = lex
        self.cands = [_candidates(w) for w in words]
        self.first = [self._first(i) for i in range(len(words))]

    def _first(self, i: int) -> str:
        """The word's letters by validity alone: as read, else the best-scored valid spelling."""
        cands = self.cands[i]
        if not cands:
            start, end = _core(self.words[i].text)
            return self.words[i].text[start:end]
        if self.lex.valid(_key(cands[0][0])):
            return cands[0][0]
        valid = [c for c in cands[1:] if self.lex.valid(_key(c[0])) and not _reshaped(cands[0][0],
                                                                                      c[0])]
        return max(valid, key=lambda c: c[1])[0] if valid else cands[0][0]

    def _neighbour(self, i: int, step: int) -> str | None:
        """The key of the word before or after in its paragraph (a line wrap included), when no
        punctuation and no column gap (Tesseract may join the two header columns on one line)
        stands between them."""
        j = i + step
        if not 0 <= j < len(self.words) or self.words[j].line[:2] != self.words[i].line[:2]:
            return None
        left, right = (self.words[j], self.words[i]) if step < 0 else (self.words[i], self.words[j])
        if not left.text[-1].isalpha() or not right.text[0].isalpha():
            return None
        same_line = left.line == right.line
        if same_line and right.box[0] - left.box[2] > left.box[3] - left.box[1]:
            return None
        return _key(self.first[j])

    def _context(self, i: int, spelling: str) -> int:
        """How many of the word's neighbours on its line form a known compound with it."""
        key = _key(spelling)
        left, right = self._neighbour(i, -1), self._neighbour(i, 1)
        return int(left is not None and self.lex.pair(left, key)) + int(
            right is not None and self.lex.pair(key, right)
        )

    def _in_name(self, i: int) -> bool:
        """True when the word and a neighbour are both capitalised: part of a proper name."""
        def title(j: int) -> bool:
            ok = 0 <= j < len(self.words) and self.words[j].line == self.words[i].line
            return ok and self.words[j].text[:1].isupper() and not self.words[j].text.isupper()
        return title(i) and (title(i - 1) or title(i + 1))

    def _pick(self, i: int) -> tuple[str, bool] | None:
        """The spelling to put in place of the word's reading and whether it is a guess."""
        cands = self.cands[i]
        top = cands[0][0]
        valid = [c for c in cands[1:] if self.lex.valid(_key(c[0])) and (
            not _reshaped(top, c[0]) or self._context(i, c[0]) > 0)]
        if not valid:
            return None
        ranked = sorted(valid, key=lambda c: (self._context(i, c[0]), c[1]), reverse=True)
        if self.lex.valid(_key(top)):
            here = self._context(i, top)
            for spelling, weight in ranked:
                if self._context(i, spelling) <= here:
                    break
                if weight >= WEIGHTED or _unreachable(top, spelling):
                    return spelling, False
                if self._in_name(i):
                    continue
                if self._context(i, spelling) == 2 or _adds_marks(top, spelling):
                    return spelling, True
            return None
        spelling, weight = ranked[0]
        context = self._context(i, spelling)
        rival = next((c for c in ranked[1:] if self._context(i, c[0]) == context), None)
        guessed = weight < WEIGHTED or (rival is not None and rival[1] >= weight)
        return spelling, guessed

    def _doubled(self, i: int) -> tuple[str, bool] | None:
        """A word that is no syllable with a letter read twice ("ĐÁẢNG"), as the valid syllable
        left by dropping one of the two; a guess unless it forms a compound with a neighbour."""
        start, end = _core(self.words[i].text)
        core = self.words[i].text[start:end]
        if not core or self.lex.valid(_key(core)):
            return None
        found = {core[:k] + core[k + 1:] for k, (a, b) in enumerate(pairwise(core))
                 if a != b and _base(a).lower() == _base(b).lower()}
        valid = sorted(c for c in found if self.lex.valid(_key(c)))
        if not valid:
            return None
        best = max(valid, key=lambda c: self._context(i, c))
        tied = sum(self._context(i, c) == self._context(i, best) for c in valid) > 1
        return best, self._context(i, best) == 0 or tied

    def _small_l(self, i: int) -> str | None:
        """"Lý" in mid-sentence (after a small word) read for "lý": lower-cased when that forms
        a compound with the word before it, no punctuation between ("chỉnh lý", "tài liệu"),
        or, when the model weighed a small l for it, with the word after ("văn thư, lưu trữ");
        a name keeps its capital ("phường Lê", "vào Lưu trữ" are no compounds). Punctuation
        after it is kept ("tài Liệu." → "tài liệu.")."""
        word = self.words[i]
        text = word.text
        core = text.rstrip(".,;:!?")
        if i == 0 or core[:1] != "L" or not core[1:].isalpha() or not core[1:].islower():
            return None
        before = self.words[i - 1].text
        lower = "l" + text[1:]
        if before.isalpha() and before[:1].islower():
            if self.lex.pair(_key(before), _key("l" + core[1:])):
                return lower
        elif not before.rstrip(",;").isalpha() or not before[:1].islower():
            return None
        if core != text:  # punctuation after: no compound with the word after
            return None
        weighed = bool(word.choices) and any(
            c == "l" and score >= SMALL_L for c, score in word.choices[0][1:])
        j = i + 1  # the next word on the line (a typewriter face spaces words widely)
        if not weighed or j >= len(self.words) or self.words[j].line != word.line:
            return None
        return lower if self.lex.pair(_key(lower), _key(self.first[j])) else None

    def choose(self, i: int) -> Word:
        word = self.words[i]
        picked = self._pick(i) if len(self.cands[i]) > 1 else None
        picked = picked or self._doubled(i)
        if picked is None and (small := self._small_l(i)) is not None:
            return Word(small, word.box, word.conf, word.line, rival=rival(word))
        opening = i == 0 or self.words[i - 1].line != word.line
        if picked is None:
            return Word(_glyphs(_bodies(word), opening), word.box, word.conf, word.line,
                        rival=rival(word))
        spelling, guessed = picked
        start, end = _core(word.text)
        text = word.text[:start] + spelling + word.text[end:]
        return Word(_glyphs(text, opening), word.box, word.conf, word.line, guessed=guessed,
                    rival=rival(word))


def _bodies(word: ChoiceWord) -> str:
    """The word with each capital part (between "/" and "-") that is no abbreviation of BODIES
    but becomes one with a letter the model listed in its place, so spelled ("MTTO" → "MTTQ")."""
    text = word.text
    if len(word.choices) != len(text):
        return text
    out = list(text)
    start = 0
    for end in [*(k for k, c in enumerate(text) if c in "/-"), len(text)]:
        part = text[start:end]
        if len(part) >= 2 and part.isalpha() and part.isupper() and part not in BODIES:
            for k in range(start, end):
                swap = next((c for c, _ in word.choices[k][1:] if len(c) == 1 and
                             text[start:k] + c + text[k + 1:end] in BODIES), None)
                if swap:
                    out[k] = swap
                    break
        start = end + 1
    return "".join(out)


def _glyphs(text: str, opening: bool) -> str:
    """Glyphs read for others: Ð/ð (eth, no Vietnamese letter) for Đ/đ, often after it ("QĐÐ"
    → "QĐ"); a slashed zero for 0 beside digits ("Ø2/MTTQ"); a long dash alone opening a line
    (`opening`) for the list item's hyphen."""
    text = text.replace("ĐÐ", "Đ").replace("đð", "đ").replace("Ð", "Đ").replace("ð", "đ")
    if any(c.isdigit() for c in text):
        text = text.replace("Ø", "0").replace("ø", "0")
    if opening and text in ("—", "–"):
        return "-"
    return text


def rerank_words(words: Sequence[ChoiceWord], lex: Lexicon | None = None) -> tuple[Word, ...]:
    """The page's words with their diacritics chosen by the lexicon (as read when none)."""
    lexicon = lex or load()
    if lexicon is None:
        return tuple(plain(w) for w in words)
    page = _Page(words, lexicon)
    return tuple(page.choose(i) for i in range(len(words)))
