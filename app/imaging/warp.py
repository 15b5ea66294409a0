"""Geometry as data: the one perspective warp that crops, deskews and turns a page."""

from __future__ import annotations

import cv2
import numpy as np

from app.imaging.lines import quad_size
from app.page import Geometry, Quad


def turn_quad(quad: Quad, quarter_turns_clockwise: int) -> Quad:
    """Reorder corners so that the output is turned clockwise by the given quarter turns."""
    k = quarter_turns_clockwise % 4
    return (quad[-k % 4], quad[(1 - k) % 4], quad[(2 - k) % 4], quad[(3 - k) % 4])


def geometry_for(quad: Quad) -> Geometry:
    """Return the geometry that maps `quad` (output TL, TR, BR, BL) to its measured size."""
    width, height = quad_size(quad)
    return Geometry(quad=quad, size=(max(1, round(width)), max(1, round(height))))


def turn(geometry: Geometry, quarter_turns_clockwise: int) -> Geometry:
    """Turn the output page clockwise by quarter turns (the clerk's rotate button)."""
    k = quarter_turns_clockwise % 4
    w, h = geometry.size
    return Geometry(quad=turn_quad(geometry.quad, k), size=(h, w) if k % 2 else (w, h))


def render(image: np.ndarray, geometry: Geometry) -> np.ndarray:
    """Warp the raw scan once to the upright, cropped, deskewed page at the scan's own scale."""
    w, h = geometry.size
    dst = np.array([(0, 0), (w, 0), (w, h), (0, h)], dtype=np.float32)
    src = np.array(geometry.quad, dtype=np.float32)
    m = cv2.getPerspectiveTransform(dst, src)  # output pixel edges → raw pixel edges
    shift = np.array([[1, 0, 0.5], [0, 1, 0.5], [0, 0, 1]])
    back = np.array([[1, 0, -0.5], [0, 1, -0.5], [0, 0, 1]])
    centres = back @ m @ shift  # the same map between pixel centres, as OpenCV indexes them
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    if _is_affine(centres, w, h):  # a rectangle seen straight on: the cheaper affine warp
        out = cv2.warpAffine(
            image, centres[:2] / centres[2, 2], (w, h), flags=flags, borderMode=cv2.BORDER_REPLICATE
        )
    else:
        out = cv2.warpPerspective(
            image, centres, (w, h), flags=flags, borderMode=cv2.BORDER_REPLICATE
        )
    return np.asarray(out)


AFFINE_TOLERANCE_PX = 0.05


def _is_affine(m: np.ndarray, w: int, h: int) -> bool:
    """True when dropping the perspective terms moves no output pixel by over the tolerance."""
    corners = np.array([(0, 0, 1), (w, 0, 1), (w, h, 1), (0, h, 1)], dtype=float).T
    mapped = m @ corners
    exact = mapped[:2] / mapped[2]
    affine = mapped[:2] / m[2, 2]
    return bool(np.abs(exact - affine).max() <= AFFINE_TOLERANCE_PX)
