"""Kodak Patch-T sheets: drawing the bar pattern and finding it on a page image."""

from __future__ import annotations

import cv2
import numpy as np

NARROW_MM, WIDE_MM = 2.03, 5.08
TOLERANCE_MM = 0.6
QUIET_MM = 2.5
MIN_LENGTH_MM = 30.0
BAR_MM = 60.0
WORK_DPI = 100.0
PATTERNS = ("NWNW", "WNWN")


def render_patch_t(width_px: int, height_px: int, dpi: float, *, x_mm: float = 20.0,
                   y_mm: float = 60.0) -> np.ndarray:
    """A white grey page with a Patch T (bars vertical) whose left edge is `x_mm` in."""
    page = np.full((height_px, width_px), 255, np.uint8)
    px = dpi / 25.4
    x = x_mm
    for i, kind in enumerate("NWNW"):
        w = NARROW_MM if kind == "N" else WIDE_MM
        x0, x1 = round(x * px), round((x + w) * px)
        page[round(y_mm * px): round((y_mm + BAR_MM) * px), x0:x1] = 0
        x += w + (NARROW_MM if i < 3 else 0)
    return page


def _kind(width_mm: float) -> str:
    if abs(width_mm - NARROW_MM) <= TOLERANCE_MM:
        return "N"
    if abs(width_mm - WIDE_MM) <= TOLERANCE_MM:
        return "W"
    return "?"


def _hits(line: np.ndarray, mm: float) -> list[float]:
    """Centres (px) of patch patterns on one binarised scan line (True = ink)."""
    changes = np.flatnonzero(np.diff(line.astype(np.int8))) + 1
    edges = np.concatenate(([0], changes, [line.size]))
    runs = np.diff(edges) * mm
    ink = [bool(line[e]) for e in edges[:-1]]
    out: list[float] = []
    for i in range(1, len(runs) - 7):
        if not ink[i] or ink[i - 1]:
            continue
        if runs[i - 1] < QUIET_MM or runs[i + 7] < QUIET_MM:
            continue
        bars = "".join(_kind(runs[i + k]) for k in (0, 2, 4, 6))
        spaces_ok = all(_kind(runs[i + k]) == "N" for k in (1, 3, 5))
        if bars in PATTERNS and spaces_ok:
            out.append(float(edges[i] + edges[i + 8]) / 2)
    return out


def _lined_up(hits: list[list[float]], step_mm: float, mm: float) -> bool:
    """True when hits on nearby scan lines chain over MIN_LENGTH_MM (gaps ≤ 5 lines allowed)."""
    need = int(MIN_LENGTH_MM / step_mm)
    chains: list[tuple[float, int, int]] = []  # (position, first line, last line)
    for line, row in enumerate(hits):
        chains = [c for c in chains if line - c[2] <= 5]
        for x in row:
            near = [c for c in chains if abs(c[0] - x) * mm <= 2.5]
            first = min((c[1] for c in near), default=line)
            chains = [c for c in chains if c not in near] + [(x, first, line)]
            if line - first + 1 >= need:
                return True
    return False


def detect_patch(image: np.ndarray, dpi: float) -> bool:
    """True when the page shows a Patch T (bars vertical or horizontal, either way up)."""
    if image.size == 0 or dpi <= 0:
        return False
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    scale = min(1.0, WORK_DPI / dpi)
    if scale < 1:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    mask = ink > 0
    mm = 25.4 / (dpi * scale)
    step = max(1, round(1.0 / mm))  # one scan line per millimetre
    for view in (mask, mask.T):
        rows = [_hits(view[r], mm) for r in range(0, view.shape[0], step)]
        if _lined_up(rows, step * mm, mm):
            return True
    return False
