"""Accuracy measures for the benchmarks: character error rate, polygon IoU, angle error."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

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


def _sorted_words(text: str, *, diacritics: bool) -> str:
    """The text's words, normalised and sorted, so that reading order does not count."""
    return " ".join(sorted(normalise_text(text, diacritics=diacritics).split()))


def cer(
    truth: str, found: str, *, diacritics: bool = True, ordered: bool = False
) -> tuple[int, int]:
    """Return (edit distance, truth length) so rates can be pooled over pages.

    By default the words are compared as a sorted list, so that reading the left header column
    before or after the right one, or joining the two on one line, is not an error; every
    misread, missing or extra character still is. `ordered=True` compares the text as read.
    """
    if ordered:
        reference = normalise_text(truth, diacritics=diacritics)
        hypothesis = normalise_text(found, diacritics=diacritics)
    else:
        reference = _sorted_words(truth, diacritics=diacritics)
        hypothesis = _sorted_words(found, diacritics=diacritics)
    return Levenshtein.distance(reference, hypothesis), len(reference)


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
