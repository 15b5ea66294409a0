"""OCR errors by kind: the page's words aligned with its printed words, order-free."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

KINDS = ("debris", "missing", "run together", "split", "diacritics", "digits", "punctuation",
         "case", "letters")
MATCH = 0.5  # a read word and a printed word at least this alike (letters, no marks) pair up


@dataclass(frozen=True)
class Error:
    """One error: its kind, its cost in character edits, and what was printed → what was read."""

    kind: str
    edits: int
    printed: str
    read: str


def _fold(text: str) -> str:
    """Lower case, without marks, đ as d."""
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _kind(printed: str, read: str) -> str:
    """The kind of a misread word."""
    if any(c.isdigit() for c in printed + read):
        return "digits"
    if _alnum(printed) == _alnum(read):
        return "punctuation"
    if printed.lower() == read.lower():
        return "case"
    if _fold(_alnum(printed)) == _fold(_alnum(read)):
        return "diacritics"
    return "letters"


def _left(words: list[str], common: Counter[str]) -> dict[int, str]:
    """The words (by position) left once the words found on both sides are taken out."""
    budget = Counter(common)
    out = {}
    for i, w in enumerate(words):
        if budget[w] > 0:
            budget[w] -= 1
        else:
            out[i] = w
    return out


def _joined(printed: list[str], p_left: dict[int, str], r_left: dict[int, str]) -> list[Error]:
    """Read words made of two printed words run together ("VIỆTNAM"), at most one edit off."""
    found = []
    for r, word in list(r_left.items()):
        for i in range(len(printed) - 1):
            both = printed[i] + printed[i + 1]
            if (i not in p_left and i + 1 not in p_left) or len(both) < 4:
                continue
            if Levenshtein.distance(word, both) <= 1:
                found.append(Error("run together", Levenshtein.distance(word, both) + 1,
                                   f"{printed[i]} {printed[i + 1]}", word))
                del r_left[r]
                p_left.pop(i, None)
                p_left.pop(i + 1, None)
                break
    return found


def _split(read: list[str], p_left: dict[int, str], r_left: dict[int, str]) -> list[Error]:
    """Printed words read as two words ("VIỆT" → "VI ỆT")."""
    found = []
    for p, word in list(p_left.items()):
        for i in range(len(read) - 1):
            if i in r_left and i + 1 in r_left and read[i] + read[i + 1] == word:
                found.append(Error("split", 1, word, f"{read[i]} {read[i + 1]}"))
                del p_left[p], r_left[i], r_left[i + 1]
                break
    return found


def classify(printed_text: str, read_text: str) -> list[Error]:
    """Every error of the read text against the printed one, word by word, reading order aside:
    the words found on both sides are taken out, then runs-together and splits, then the most
    alike pairs left are misreads; read words left over are debris, printed ones missing."""
    printed = unicodedata.normalize("NFC", printed_text).split()
    read = unicodedata.normalize("NFC", read_text).split()
    common = Counter(printed) & Counter(read)
    p_left, r_left = _left(printed, common), _left(read, common)
    errors = _joined(printed, p_left, r_left) + _split(read, p_left, r_left)
    pairs = []
    for r, rw in r_left.items():
        for p, pw in p_left.items():
            alike = 1 - Levenshtein.distance(_fold(rw), _fold(pw)) / max(len(rw), len(pw))
            if alike >= MATCH:
                pairs.append((alike, -Levenshtein.distance(rw, pw), r, p))
    for _, minus, r, p in sorted(pairs, reverse=True):
        if r in r_left and p in p_left:
            errors.append(Error(_kind(p_left[p], r_left[r]), -minus, p_left.pop(p), r_left.pop(r)))
    errors += [Error("debris", len(w) + 1, "", w) for w in r_left.values()]
    errors += [Error("missing", len(w) + 1, w, "") for w in p_left.values()]
    return errors


def by_kind(errors: list[Error]) -> dict[str, int]:
    """Character edits per kind, every kind listed."""
    edits = dict.fromkeys(KINDS, 0)
    for e in errors:
        edits[e.kind] += e.edits
    return edits
