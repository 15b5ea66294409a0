"""The Vietnamese lexicon the re-ranker reads: hunspell-vi's syllables, pyvi's compounds."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DIC_NAME = "vi_VN.dic"
WORDS_FILE = Path(__file__).resolve().parents[2] / "resources" / "lexicon" / "vi-words.txt"
HUNSPELL_PACKAGE = "hunspell-vi"
# the fixed lines of a document's header (NĐ 30/2020, HD 36 for the Party) whose words pyvi's
# list does not join ("việt nam", "đảng cộng"): compounds too
HEADER_PHRASES = ("cộng hòa xã hội chủ nghĩa việt nam", "đảng cộng sản việt nam",
                  "mặt trận tổ quốc việt nam", "ban thường trực", "ban thường vụ")

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_MOVABLE = {("o", "a"), ("o", "e"), ("u", "y")}  # hoà→hòa, khoẻ→khỏe, uỷ→ủy
_OLD_STYLE = re.compile(r"(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\W\d_])")  # tone on the last vowel


def tone_key(word: str) -> str:
    """`word` in lower case, NFC, with an open oa/oe/uy syllable's tone on its first vowel."""
    lower = word.lower()
    if not _OLD_STYLE.search(lower):
        return unicodedata.normalize("NFC", lower)
    base = unicodedata.normalize("NFD", lower)
    letters: list[list[str]] = []
    for ch in base:
        if unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    if len(letters) >= 2:
        first, last = letters[-2], letters[-1]
        pair = (first[0], last[0])
        after_q = pair[0] == "u" and len(letters) >= 3 and letters[-3][0] == "q"
        tone = [m for m in last[1:] if m in _TONES]
        bare_first = not any(m in _TONES for m in first[1:]) and len(first) == 1
        if pair in _MOVABLE and tone and bare_first and not after_q:
            last.remove(tone[0])
            first.append(tone[0])
    return unicodedata.normalize("NFC", "".join("".join(parts) for parts in letters))


def hunspell_dic() -> Path | None:
    """hunspell-vi's word list ($SCANSTATION_HUNSPELL_DIR when set, else Debian's folders), or
    None when it is not installed."""
    env = os.environ.get("SCANSTATION_HUNSPELL_DIR")
    dirs = (Path(env),) if env else HUNSPELL_DIRS
    return next((d / DIC_NAME for d in dirs if (d / DIC_NAME).is_file()), None)


@dataclass(frozen=True)
class Lexicon:
    """Valid syllables, and the adjacent syllable pairs of known compound words."""

    syllables: frozenset[str]
    pairs: frozenset[str]  # "nhân dân", "thường trực": two syllables joined by one space

    def valid(self, key: str) -> bool:
        return key in self.syllables

    def pair(self, left: str, right: str) -> bool:
        return f"{left} {right}" in self.pairs


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8", errors="replace").splitlines()


@cache
def load() -> Lexicon | None:
    """The lexicon, or None when hunspell-vi's syllables are not installed (no re-ranking)."""
    dic = hunspell_dic()
    if dic is None or not WORDS_FILE.is_file():
        return None
    syllables = {tone_key(line.split("/")[0].strip()) for line in _lines(dic)[1:]}
    pairs: set[str] = set()
    for line in _lines(WORDS_FILE):  # already keyed: lower case, NFC, new tone placement
        parts = line.split()
        syllables.update(parts)
        if len(parts) == 2:
            pairs.add(line)
        else:
            pairs.update(f"{a} {b}" for a, b in pairwise(parts))
    for phrase in HEADER_PHRASES:
        pairs.update(f"{a} {b}" for a, b in pairwise(phrase.split()))
    syllables.discard("")
    return Lexicon(frozenset(syllables), frozenset(pairs))
