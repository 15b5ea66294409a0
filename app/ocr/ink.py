"""Blue ink (signatures) kept out of the OCR: its pixels found, words made of it dropped."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from app.ocr.hocr import ChoiceWord

BLUE = 40  # blue above both red and green by this much (0-255) is blue ink
RIM = 2  # pixels around blue ink taken with it
INK = 160  # a grey pixel darker than this is ink
MOSTLY = 0.5  # blue above this share of all ink: the page is printed in blue


def grey(image: np.ndarray) -> np.ndarray:
    """The page in grey (a grey page as is; RGB or RGBA, uint8)."""
    if image.ndim == 2:
        return image
    return cv2.cvtColor(np.ascontiguousarray(image[:, :, :3]), cv2.COLOR_RGB2GRAY)


def blue_ink(image: np.ndarray) -> np.ndarray | None:
    """The page's blue ink pixels (a boolean mask, rim included), None when there are none or
    the page is printed in blue."""
    if image.ndim == 2:
        return None
    r, g, b = (image[:, :, k].astype(np.int16) for k in range(3))
    blue = (b - np.maximum(r, g)) > BLUE
    if not blue.any():
        return None
    dark = grey(image) < INK
    if np.count_nonzero(blue & dark) > MOSTLY * max(int(np.count_nonzero(dark)), 1):
        return None
    rim = cv2.dilate(blue.astype(np.uint8), np.ones((3, 3), np.uint8), iterations=RIM)
    return rim > 0


def without_blue(image: np.ndarray, blue: np.ndarray | None) -> np.ndarray:
    """The page in grey with its blue ink whitened."""
    out = grey(image)
    if blue is None:
        return out
    out = out.copy()
    out[blue] = 255
    return out


def on_blue(words: Sequence[ChoiceWord], image: np.ndarray, blue: np.ndarray | None) -> list[int]:
    """The indices of the words whose box holds more blue ink than other ink."""
    if blue is None:
        return []
    dark = grey(image) < INK
    out = []
    for i, word in enumerate(words):
        x0, y0, x1, y1 = word.box
        inked = np.count_nonzero(blue[y0:y1, x0:x1] & dark[y0:y1, x0:x1])
        other = np.count_nonzero(dark[y0:y1, x0:x1] & ~blue[y0:y1, x0:x1])
        if inked > other:
            out.append(i)
    return out
