"""Paper and ink: a textured sheet colour, inks laid on it, bleed-through and punch holes."""

from __future__ import annotations

import cv2
import numpy as np

from app.synth.typeset import Sheet


def paper(
    height: int, width: int, rgb: tuple[int, int, int], rng: np.random.Generator
) -> np.ndarray:
    """A sheet of `rgb` paper with a faint, smooth mottle (a level or two)."""
    shape = (max(2, height // 96), max(2, width // 96))
    mottle = rng.normal(0, rng.uniform(0.5, 1.5), shape)[..., None]
    small = np.clip(np.asarray(rgb, np.float64) + mottle, 0, 255).round().astype(np.uint8)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)


def lay_ink(
    img: np.ndarray, coverage: np.ndarray, ink: tuple[int, int, int],
    box: tuple[int, int, int, int] | None,
) -> None:
    """Darken `img` in place towards `ink` by `coverage` (0-255) within `box` (x0, y0, x1, y1).

    Ink only absorbs light: a channel where the paper is already darker than the ink stays.
    """
    if box is None:
        return
    region = (slice(box[1], box[3]), slice(box[0], box[2]))
    sub, cov = img[region], coverage[region]
    ink_img = np.empty_like(sub)
    ink_img[:] = ink
    absorbed = cv2.subtract(sub, ink_img)
    taken = cv2.multiply(absorbed, cv2.merge([cov, cov, cov]), scale=1 / 255)
    img[region] = cv2.subtract(sub, taken)


def ink_sheet(sheet: Sheet, img: np.ndarray, inks: dict[str, tuple[int, int, int]]) -> None:
    """Lay every ink layer of `sheet` on `img`."""
    for name, layer in sheet.layers.items():
        lay_ink(img, np.asarray(layer), inks[name], layer.getbbox())


def bleed_through(
    img: np.ndarray, ghost: Sheet, contrast: float, ink: tuple[int, int, int]
) -> None:
    """Text printed on the back, seen through the paper: mirrored, soft, at `contrast` (0-1)."""
    mask = np.asarray(ghost.layers["black"])[:, ::-1]
    sigma = max(0.8, ghost.dpi / 150)
    soft = cv2.GaussianBlur(mask, (0, 0), sigma)
    x, y, w, h = cv2.boundingRect(soft)
    box = (x, y, x + w, y + h) if w else None
    lay_ink(img, cv2.convertScaleAbs(soft, alpha=contrast), ink, box)


def punch_holes(sheet: Sheet, rng: np.random.Generator) -> None:
    """Two 6 mm holes, 80 mm apart, about 12 mm from the left edge, on the "hole" layer."""
    cx = sheet.px(rng.uniform(10, 14))
    cy = sheet.height / 2 + sheet.px(rng.uniform(-10, 10))
    r = sheet.px(rng.uniform(2.8, 3.2))
    draw = sheet.draw("hole")
    for dy in (-40, 40):
        y = cy + sheet.px(dy)
        draw.ellipse((cx - r, y - r, cx + r, y + r), fill=255)
