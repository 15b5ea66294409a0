"""Ink: pixels clearly darker than the local paper background, on the working copy."""

from __future__ import annotations

import cv2
import numpy as np

INK_CONTRAST = 0.22  # ink is this much darker than the paper around it (bleed-through: 5–10 %)


def odd(n: float) -> int:
    """Return the odd integer nearest above `n` (at least 3)."""
    k = max(3, round(n))
    return k if k % 2 else k + 1


def background(grey: np.ndarray, dpi: float) -> np.ndarray:
    """Estimate the local paper brightness: a 2.5 mm max filter (drops strokes), then smoothing."""
    k = odd(2.5 / 25.4 * dpi)
    bright = cv2.dilate(grey, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    h, w = grey.shape
    coarse = cv2.resize(bright, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.resize(coarse, (w, h), interpolation=cv2.INTER_LINEAR))


def ink_mask(grey: np.ndarray, dpi: float) -> np.ndarray:
    """Return the boolean mask of ink pixels (darker than the local paper by INK_CONTRAST)."""
    bg = background(grey, dpi)
    return np.asarray(grey < bg * (1.0 - INK_CONTRAST) - 4.0)


def region_mask(shape: tuple[int, int], quad: np.ndarray, inset_px: int) -> np.ndarray:
    """Return the boolean mask of the quad (working-copy coordinates) shrunk by `inset_px`."""
    mask = np.zeros(shape, dtype=np.uint8)
    cv2.fillConvexPoly(mask, np.round(quad * 16 - 8).astype(np.int32), 1, cv2.LINE_8, 4)
    if inset_px > 0:
        mask[:inset_px] = 0
        mask[-inset_px:] = 0
        mask[:, :inset_px] = 0
        mask[:, -inset_px:] = 0
        k = 2 * inset_px + 1
        eroded = cv2.erode(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
        return np.asarray(eroded).astype(bool)
    return mask.astype(bool)
