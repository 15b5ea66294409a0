"""Scanner bed backgrounds and sensor effects: texture, noise, blur and a soft edge shadow."""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

_BLOCK = 509  # noise tile side (prime, so the tiling does not line up with the page)


@lru_cache(maxsize=1)
def _unit_noise() -> np.ndarray:
    """A fixed block of standard-normal noise, 3 channels, reused by tiling."""
    return np.random.default_rng(12345).standard_normal((_BLOCK, _BLOCK, 3)).astype(np.float32)


def bed(height: int, width: int, kind: str, rng: np.random.Generator) -> np.ndarray:
    """The lid or ADF backing seen around the sheet.

    "dark" ~ RGB 20-45, "light" (a white lid) ~ 200-235, "grey" (a grey lid) ~ 150-195,
    "adf" (a white ADF backing, as bright as paper and smooth) ~ 236-252.
    """
    levels = {"dark": ((20, 45), (1.0, 3.0)), "light": ((200, 235), (1.5, 4.0)),
              "grey": ((150, 195), (1.0, 3.0)), "adf": ((236, 252), (0.5, 1.5))}
    if kind not in levels:
        raise ValueError(f"unknown bed {kind!r}: use one of {', '.join(levels)}")
    (lo, hi), (t_lo, t_hi) = levels[kind]
    level, texture = rng.uniform(lo, hi), rng.uniform(t_lo, t_hi)
    shape = (max(2, height // 40), max(2, width // 40))
    luma = rng.normal(0, texture, shape)[..., None]
    chroma = rng.normal(0, texture / 4, (*shape, 3))
    small = level + rng.uniform(-3, 3, 3) + luma + chroma
    small_u8 = np.clip(small, 0, 255).round().astype(np.uint8)
    return cv2.resize(small_u8, (width, height), interpolation=cv2.INTER_CUBIC)


def cast_shadow(
    background: np.ndarray, cover: np.ndarray, dpi: int, rng: np.random.Generator
) -> None:
    """Darken the bed just outside the sheet, as the paper's edge shades a white lid (in place)."""
    sigma = rng.uniform(0.2, 0.6) / 25.4 * dpi
    halo = cv2.GaussianBlur(cover, (0, 0), sigma)
    shade = cv2.subtract(halo, cover)  # > 0 only outside the sheet, near its edge
    strength = rng.uniform(0.15, 0.45)
    keep = cv2.merge([255 - cv2.convertScaleAbs(shade, alpha=strength)] * 3)
    background[:] = cv2.multiply(background, keep, scale=1 / 255)


def add_noise(img: np.ndarray, sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Gaussian sensor noise of `sigma` levels, cut from a tiled fixed block at a random offset."""
    if sigma <= 0:
        return img
    h, w = img.shape[:2]
    oy, ox = (int(v) for v in rng.integers(0, _BLOCK, 2))
    reps = ((h + oy) // _BLOCK + 1, (w + ox) // _BLOCK + 1, 1)
    block = np.clip(128 + sigma * _unit_noise(), 0, 255).astype(np.uint8)
    noise = np.tile(block, reps)[oy:oy + h, ox:ox + w]
    return cv2.addWeighted(img, 1.0, noise, 1.0, -128.0)


def blur(img: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(img, (0, 0), sigma) if sigma > 0 else img


def edge_shadow(img: np.ndarray, rng: np.random.Generator) -> None:
    """Darken one side of the scan softly (a lid or book-edge shadow), in place."""
    side = int(rng.integers(4))
    view = np.rot90(img, side)  # bring the chosen side to the top; a view, so edits land in img
    depth = int(view.shape[0] * rng.uniform(0.04, 0.12))
    strength = rng.uniform(0.25, 0.6)
    fall = np.exp(-np.arange(depth) / (depth / 3))
    tail = np.exp(-3.0)
    profile = 1 - strength * (fall - tail) / (1 - tail)  # reaches 1 at `depth`: no step
    band = view[:depth].astype(np.float32) * profile[:, None, None].astype(np.float32)
    view[:depth] = band.astype(np.uint8)
