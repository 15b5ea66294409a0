"""Diacritics re-ranked with a lexicon: per word, Tesseract's alternatives that differ in marks."""

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
SMALL_CASE = 25.0  # the model's score for a capital's small letter that lets it be lowered
THIN_L = frozenset("tI1")  # thin letters the model weighs for a typewriter's small l read as L
SAME_SHAPE = frozenset("lti")  # thin letters a typewriter face makes alike: "tưu" for "lưu"
DASHES = frozenset("-—–=~¬_")  # level strokes a list item's opening hyphen is read as
# the motto under a state document's national name (NĐ 30/2020): its second words are small
MOTTO = frozenset({("Độc", "lập"), ("Tự", "do"), ("Hạnh", "phúc")})
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


def _fold(text: str) -> str:
    """Letters only, lower case, without marks, đ as d: "Lưu:" → "luu"."""
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if c.isalpha())


def _one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` are at most one letter apart (changed, added or dropped)."""
    if abs(len(a) - len(b)) > 1:
        return False
    k = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
             min(len(a), len(b)))
    return a[k + 1:] == b[k + 1:] or a[k:] == b[k + 1:] or a[k + 1:] == b[k:]


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

    def _small(self, j: int) -> bool:
        """True when word `j` (in the page's order) opens with a small letter."""
        return 0 <= j < len(self.words) and self.words[j].text[:1].islower()

    def _next_on_line(self, i: int) -> str:
        j = i + 1
        return self.words[j].text if j < len(self.words) and \
            self.words[j].line == self.words[i].line else ""

    def _mid_sentence(self, i: int) -> bool:
        """True when the word follows a small word of its paragraph with no full stop, colon or
        semicolon between (a comma may stand): a capital there opens a name or is misread."""
        j = i - 1
        if j < 0 or self.words[j].line[:2] != self.words[i].line[:2]:
            return False
        before = self.words[j].text
        return self._small(j) and (before[-1].isalpha() or before[-1] == ",")

    def _lowered(self, i: int, text: str) -> str | None:
        """A capital opening a word in mid-sentence (`_mid_sentence`, on the same line: a line
        before may end a header's motto) read for a small letter: lowered when the small word
        is a syllable and the model weighed the small letter
        (≥ SMALL_CASE), no capitalised word follows ("ủng hộ Quỹ Vì người nghèo" is a name)
        and it forms no compound on both sides ("ban hành Quyết định") — "hóa Là" → "là",
        "quả Cơ sở" → "cơ"; or, for a typewriter's L, when the small word forms a compound
        with the small word before ("chỉnh Lý" → "lý", "tài Liệu." → "liệu"); a word of the
        motto ("Độc Lập" → "Độc lập", MOTTO). "vào Lưu trữ cơ quan", read sure, keeps its
        capital."""
        start, end = _core(text)
        core = text[start:end]
        if i == 0 or len(core) < 2 or not core[0].isupper() or not core[1:].islower() or \
                not self.lex.valid(_key(core)):
            return None
        lower = text[:start] + core[0].lower() + text[start + 1:]
        before = self.words[i - 1].text
        if (before, core.lower()) in MOTTO and self.words[i - 1].line == self.words[i].line:
            return lower
        if core[0] == "L" and self._small(i - 1) and before.isalpha() and \
                self.lex.pair(_key(before), _key(core)):
            return lower
        word = self.words[i]
        if not self._mid_sentence(i) or self.words[i - 1].line != word.line:
            return None
        k = _core(word.text)[0]
        small = {core[0].lower()} | (THIN_L if core[0] == "L" else set())
        weighed = len(word.choices) == len(word.text) and any(
            c in small and score >= SMALL_CASE for c, score in word.choices[k][1:])
        after = self._next_on_line(i)
        named = after[:1].isupper() and not after.isupper()
        both = self._context(i, core) == 2  # "ban hành Quyết định": a name after a verb
        return lower if weighed and not named and not both else None

    def _uncapped(self, i: int, text: str) -> str | None:
        """A syllable read in capitals between words of running text ("nhân CÓ liên quan",
        "dân. TỔ chức"; the typewriter's capital and small Ổ, Ộ differ in size alone): in
        small letters, with a capital when it opens a sentence or a line. Abbreviations
        (no syllable: MTTQ, UBND) and headings (a capitalised word before it) keep theirs.
        In mid-sentence it may open a name ("thành lập TỔ công tác", printed "Tổ"): the small
        letters there are a guess (`_cased`)."""
        start, end = _core(text)
        core = text[start:end]
        if len(core) < 2 or not core.isupper() or not core.isalpha() or core in BODIES or \
                not self.lex.valid(_key(core)) or not self._next_on_line(i)[:1].islower():
            return None
        j = i - 1
        opening = j < 0 or self.words[j].line != self.words[i].line
        before = "" if opening else self.words[j].text
        if any(c.isupper() for c in before):
            return None
        if opening or before[-1] in ".:;!?" or not any(c.isalpha() for c in before):
            cased = core[0] + core[1:].lower()
        elif self._mid_sentence(i):
            cased = core.lower()
        else:
            return None
        return text[:start] + cased + text[end:]

    def _item_start(self, i: int) -> bool:
        """True when the word opens a line, or follows a list hyphen that opens it."""
        def opens(j: int) -> bool:
            return j == 0 or self.words[j - 1].line != self.words[j].line
        return opens(i) or (opens(i - 1) and len(self.words[i - 1].text) <= 2
                            and set(self.words[i - 1].text) <= DASHES)

    def _filing(self, i: int) -> bool:
        """True when the word is the "Lưu:" of a "Nơi nhận" list's last item ("- Lưu: VT."),
        however misread: a list item's first word of at most one letter off "luu" (marks and
        case aside: "LUU:", "IUU:", "HƯU:", "tu:") with a colon or full stop after its
        letters, before an abbreviation in capitals or nothing."""
        text = self.words[i].text
        start, end = _core(text)
        after = self._next_on_line(i)
        return self._item_start(i) and start == 0 and 0 < end < len(text) and \
            text[end] in ".:" and _one_edit(_fold(text[:end]), "luu") and \
            (not after or after[:1].isupper())

    def _filed(self, i: int, text: str) -> str | None:
        """The filing item's words as printed: "Lưu:" (`_filing`), and after it "VT" (the
        clerical office, văn thư) when read with a thin letter for its T ("VI.", "VỊ:") or
        with another letter the model weighed a T for ("VF.")."""
        if self._filing(i):
            return "Lưu:"
        start, end = _core(text)
        if i == 0 or self.words[i - 1].line != self.words[i].line or not self._filing(i - 1) \
                or end - start != 2 or text[start] != "V":
            return None
        word = self.words[i]
        listed = len(word.choices) == len(word.text) and text[start + 1] == word.text[start + 1] \
            and any(c == "T" for c, _ in word.choices[start + 1][1:])
        return text[:start] + "VT" + text[end:] if _fold(text[start:end]) == "vi" or listed \
            else None

    def _cased(self, i: int, text: str) -> tuple[str, bool]:
        """The word with a capital misread in running text undone (`_lowered`, `_uncapped`),
        or the filing item of a "Nơi nhận" list read as printed (`_filed`); and whether the
        case is a guess (capitals lowered in mid-sentence, where a name may open)."""
        done = self._filed(i, text) or self._lowered(i, text)
        if done:
            return done, False
        uncapped = self._uncapped(i, text)
        if uncapped is None:
            return text, False
        return uncapped, uncapped[_core(uncapped)[0]].islower()

    def choose(self, i: int) -> Word:
        word = self.words[i]
        picked = self._pick(i) if len(self.cands[i]) > 1 else None
        picked = picked or self._doubled(i)
        opening = i == 0 or self.words[i - 1].line != word.line
        opening = opening and self._next_on_line(i)[:1].isalpha()  # a list item's first word
        if picked is None:
            text, guess = self._cased(i, _glyphs(_bodies(word), opening))
            return Word(text, word.box, word.conf, word.line, guessed=guess, rival=rival(word))
        spelling, guessed = picked
        start, end = _core(word.text)
        text, guess = self._cased(i, _glyphs(word.text[:start] + spelling + word.text[end:],
                                             opening))
        return Word(text, word.box, word.conf, word.line, guessed=guessed or guess,
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
    → "QĐ"); a slashed zero for 0 beside digits ("Ø2/MTTQ"); level strokes alone (DASHES:
    "—", "=", "~", "¬", "_-") opening a line before a word (`opening`) for the hyphen that
    opens a list item: a typewriter's small hyphen in the "Nơi nhận" list."""
    text = text.replace("ĐÐ", "Đ").replace("đð", "đ").replace("Ð", "Đ").replace("ð", "đ")
    if any(c.isdigit() for c in text):
        text = text.replace("Ø", "0").replace("ø", "0")
    if opening and len(text) <= 2 and set(text) <= DASHES:
        return "-"
    return text


def rerank_words(words: Sequence[ChoiceWord], lex: Lexicon | None = None) -> tuple[Word, ...]:
    """The page's words with their diacritics chosen by the lexicon (as read when none)."""
    lexicon = lex or load()
    if lexicon is None:
        return tuple(plain(w) for w in words)
    page = _Page(words, lexicon)
    return tuple(page.choose(i) for i in range(len(words)))
