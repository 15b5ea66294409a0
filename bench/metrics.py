"""Accuracy measures for the benchmarks: character error rate, polygon IoU, angle error."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein


def normalise_text(text: str, *, diacritics: bool = True) -> str:
    """NFC, single spaces; without diacritics, marks are stripped and đ becomes d."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if diacritics:
        return text
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tiles(truth: list[str], found: list[str]) -> dict[int, int]:
    """Pair found words with truth words (found index → truth index) by greedy string tiling:
    the longest run of words alike on both sides first, then the next among the words left,
    down to single words, so that a word repeated on the page pairs within its own line."""
    pairs: dict[int, int] = {}
    a: list[object] = list(truth)
    b: list[object] = list(found)
    while True:
        match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(
            0, len(a), 0, len(b))
        if not match.size:
            return pairs
        for k in range(match.size):
            pairs[match.b + k] = match.a + k
            a[match.a + k], b[match.b + k] = object(), object()  # taken: alike nothing


def _rearranged(truth: list[str], lines: list[list[str]]) -> str:
    """The found words put in the truth's order, as far as they pair with truth words.

    A found word paired with none (a misread, a piece of debris) goes with its line: after the
    nearest paired word on its left, or before the one on its right when the truth word there
    is more like it (the misread first word of a moved line); with no paired word on its
    line, after the last paired word read before it.
    """
    found = [w for line in lines for w in line]
    line_of = [n for n, line in enumerate(lines) for _ in line]
    pairs = _tiles(truth, found)
    keys: list[tuple[int, int, int]] = []
    for j, word in enumerate(found):
        if j in pairs:
            keys.append((pairs[j], 0, j))
            continue
        same = [k for k in pairs if line_of[k] == line_of[j]]
        left = max((k for k in same if k < j), default=None)
        right = min((k for k in same if k > j), default=None)
        if right is not None and (left is None or _unlike(word, truth, pairs[right] - 1)
                                  < _unlike(word, truth, pairs[left] + 1)):
            keys.append((pairs[right], -1, j))
        else:
            before = left if left is not None else max((k for k in pairs if k < j), default=None)
            keys.append((pairs[before] if before is not None else -1, 1, j))
    return " ".join(found[j] for *_, j in sorted(keys))


def _unlike(word: str, truth: list[str], at: int) -> int:
    """How far `word` is from the truth word at `at` (its length when there is none)."""
    return Levenshtein.distance(word, truth[at]) if 0 <= at < len(truth) else len(word) + 1


def cer(
    truth: str, found: str, *, diacritics: bool = True, ordered: bool = False
) -> tuple[int, int]:
    """Return (edit distance, truth length) so rates can be pooled over pages.

    By default reading order does not count: the found words are first put in the truth's
    order (`_rearranged`: runs of words paired by greedy string tiling, each unpaired word
    with its line), and the distance is the smaller of the text's so re-ordered and as read.
    So reading the left header column before or after the right one, or joining the two on
    one line, is no error; a misread word counts its edits once, a missing or extra word its
    characters and a space. `ordered=True` compares the text as read.
    """
    reference = normalise_text(truth, diacritics=diacritics)
    hypothesis = normalise_text(found, diacritics=diacritics)
    distance = Levenshtein.distance(reference, hypothesis)
    if not ordered:
        lines = [normalise_text(line, diacritics=diacritics).split()
                 for line in unicodedata.normalize("NFC", found).splitlines()]
        moved = _rearranged(reference.split(), [line for line in lines if line])
        distance = min(distance, Levenshtein.distance(reference, moved))
    return distance, len(reference)


def polygon_iou(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> float:
    """Intersection over union of two convex quadrilaterals."""
    pa = cv2.convexHull(np.asarray(a, dtype=np.float32))
    pb = cv2.convexHull(np.asarray(b, dtype=np.float32))
    inter, _ = cv2.intersectConvexConvex(pa, pb)
    union = cv2.contourArea(pa) + cv2.contourArea(pb) - inter
    return float(inter / union) if union > 0 else 0.0


def skew_error(found: float, truth: float) -> float:
    """Absolute difference of two skews in degrees, ignoring whole quarter turns."""
    diff = abs(found - truth) % 90.0
    return min(diff, 90.0 - diff)
