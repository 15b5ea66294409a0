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
    out = cv2.warpPerspective(image, centres, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                              borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(out)
