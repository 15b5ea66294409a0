"""A small grey working copy of a scan for fast measurements."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

WORK_DPI = 110.0  # halve the scan until it is at most this resolution


@dataclass(frozen=True)
class Work:
    """A downscaled grey copy: work pixel (i, j) covers raw pixels [i*f, (i+1)*f) in each axis."""

    grey: np.ndarray  # float32, (h, w)
    factor: int
    dpi: float
    chroma: np.ndarray  # uint8, (h, w): max - min of the colour channels (0 for a grey scan)


def luma(image: np.ndarray) -> np.ndarray:
    """Return the grey (luma) version of an RGB or grey uint8 image, uint8."""
    if image.ndim == 3 and image.shape[2] >= 3:
        return np.asarray(cv2.cvtColor(np.ascontiguousarray(image[:, :, :3]), cv2.COLOR_RGB2GRAY))
    if image.ndim == 3:
        return np.ascontiguousarray(image[:, :, 0])
    return image


def as_uint8(image: np.ndarray) -> np.ndarray:
    """Return `image` as uint8, rescaling 16-bit data."""
    if image.dtype == np.uint8:
        return image
    if image.dtype == np.uint16:
        return (image >> 8).astype(np.uint8)
    return np.clip(image, 0, 255).astype(np.uint8)


def make_work(image: np.ndarray, dpi: float) -> Work:
    """Halve `image` (area average) until it is at most WORK_DPI and return it as grey float."""
    small = as_uint8(image)
    factor = 1
    while dpi / factor > WORK_DPI and min(small.shape[:2]) >= 64:
        h, w = small.shape[:2]
        small = cv2.resize(small[: h - h % 2, : w - w % 2], (w // 2, h // 2),
                           interpolation=cv2.INTER_AREA)
        factor *= 2
    if small.ndim == 3 and small.shape[2] >= 3:
        rgb = small[:, :, :3]
        chroma = cv2.subtract(rgb.max(axis=2), rgb.min(axis=2))
    else:
        chroma = np.zeros(small.shape[:2], np.uint8)
    return Work(grey=luma(small).astype(np.float32), factor=factor, dpi=dpi / factor,
                chroma=chroma)


def finer(image: np.ndarray, factor: int) -> np.ndarray:
    """Return the grey of `image` reduced by `factor` (area average) as float32."""
    grey = luma(as_uint8(image))
    if factor > 1:
        h, w = grey.shape
        grey = cv2.resize(grey[: h - h % factor, : w - w % factor], (w // factor, h // factor),
                          interpolation=cv2.INTER_AREA)
    return grey.astype(np.float32)
