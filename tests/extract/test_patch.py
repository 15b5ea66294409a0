"""Patch-T sheets: found skewed, turned and noisy; not found on text pages, blanks or photos."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.extract.patch import detect_patch, render_patch_t
from app.synth.document import render_page

DPI = 150


def _turn(image: np.ndarray, angle: float) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), borderValue=(255, 255, 255))


@pytest.mark.parametrize("angle", [0.0, 3.0, -8.0, 90.0, 180.0, 270.0])
def test_patch_t_found(angle: float) -> None:
    sheet = render_patch_t(1240, 1754, DPI)
    noisy = np.clip(_turn(sheet, angle) + np.random.default_rng(2).normal(0, 6, (1754, 1240)),
                    0, 255).astype(np.uint8)
    assert detect_patch(noisy, DPI)


def test_patch_t_on_a_scaled_page_of_another_dpi() -> None:
    assert detect_patch(render_patch_t(2480, 3508, 300), 300)
    assert not detect_patch(render_patch_t(2480, 3508, 300), 150)  # bars twice too wide


@pytest.mark.parametrize("seed", range(4))
def test_text_pages_are_not_patches(seed: int) -> None:
    rng = np.random.default_rng(seed)
    image = render_page(rng, dpi=DPI, first_page=bool(seed % 2)).image
    assert not detect_patch(image, DPI)


def test_blank_and_photo_are_not_patches() -> None:
    assert not detect_patch(np.full((1754, 1240), 255, np.uint8), DPI)
    noise = np.random.default_rng(0).integers(0, 256, (220, 155), dtype=np.uint8)
    assert not detect_patch(cv2.resize(noise, (1240, 1754), interpolation=cv2.INTER_NEAREST),
                            DPI)
