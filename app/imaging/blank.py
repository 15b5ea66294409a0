"""Blank-page test: significant ink left after dropping specks and round blobs (punch holes)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MIN_RATIO = 0.0003  # share of the page area covered by ink
MIN_MARKS = 6  # separate ink marks (characters, strokes)
GRID_MM = 10.0  # a mark this wide and tall in both directions...
GRID_FILL = 0.2  # ...inking at most this share of its box is a ruled frame or grid


@dataclass(frozen=True)
class InkStats:
    """Ink measured inside the page, without specks and punch holes."""

    ratio: float
    marks: int
    ys: np.ndarray  # rows and columns of the kept ink pixels
    xs: np.ndarray
    rule: np.ndarray  # per kept pixel: part of a long thin mark (a rule) or of a ruled grid

    @property
    def blank(self) -> bool:
        return self.ratio < MIN_RATIO or self.marks < MIN_MARKS


def ink_stats(ink: np.ndarray, region: np.ndarray, dpi: float) -> InkStats:
    """Measure the ink inside `region`, ignoring specks under 0.35 mm and round blobs of 3–12 mm."""
    mask = (ink & region).astype(np.uint8)
    # 16-bit labels are much faster to count, and enough while the marks are fewer than 65535
    ltype = cv2.CV_16U if np.count_nonzero(mask) < 65535 else cv2.CV_32S
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, None, None, None, 8, ltype)
    area = stats[1:, cv2.CC_STAT_AREA].astype(float)
    w = stats[1:, cv2.CC_STAT_WIDTH].astype(float)
    h = stats[1:, cv2.CC_STAT_HEIGHT].astype(float)
    px_mm = dpi / 25.4
    big = np.maximum(w, h)
    round_blob = ((big >= 3 * px_mm) & (big <= 12 * px_mm)
                  & (np.abs(w - h) <= 0.25 * big) & (area >= 0.6 * w * h))
    keep = (area >= max(2.0, (0.35 * px_mm) ** 2)) & ~round_blob
    thin = np.minimum(w, h)
    rule = (thin <= 1.0 * px_mm) & (big >= 6 * thin) & (big >= 4 * px_mm)
    rule |= (thin >= GRID_MM * px_mm) & (area <= GRID_FILL * w * h)  # a table's ruled grid
    lut = np.concatenate(([0], keep.astype(np.uint8) + (keep & rule)))  # 1 kept, 2 kept rule
    marked = np.asarray(np.take(lut.astype(np.uint8), labels))
    pts = cv2.findNonZero(marked)
    pts = np.zeros((0, 2), np.int32) if pts is None else pts.reshape(-1, 2)
    ratio = float(area[keep].sum()) / max(1.0, float(np.count_nonzero(region)))
    return InkStats(ratio=ratio, marks=int(keep.sum()), ys=pts[:, 1], xs=pts[:, 0],
                    rule=marked[pts[:, 1], pts[:, 0]] == 2)
