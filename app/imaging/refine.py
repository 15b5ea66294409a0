"""Refine a sheet edge on the full-resolution scan from narrow profiles across it."""

from __future__ import annotations

import cv2
import numpy as np

from app.imaging.lines import Line, robust_fit
from app.imaging.work import luma

SAMPLES = 64


def refine_edge(image: np.ndarray, p0: np.ndarray, p1: np.ndarray, reach: float,
                polarity: int, shadow_px: float = 0.0) -> Line | None:
    """Return the edge line between corners p0 and p1 (raw pixel edges) located at full resolution.

    Profiles of ±`reach` pixels are read inward across the coarse edge (clockwise corners) at
    SAMPLES places; on each the strongest step of the given polarity (+1 brighter inward, -1
    darker) near the coarse edge gives a sub-pixel edge point; a robust line is fitted to them.
    On a light lid (`shadow_px` > 0, the widest shadow a sheet's edge casts there) a sheet
    darker than the lid is first met as the fall into its shadow: where a sharper rise out of
    the shadow follows within `shadow_px`, that rise is the sheet's edge.
    """
    d = p1 - p0
    length = float(np.hypot(*d))
    if length < 8:
        return None
    u = d / length
    n = np.array([-u[1], u[0]])
    along = np.linspace(0.06, 0.94, SAMPLES) * length
    step = 0.5
    offs = np.arange(-reach, reach + step / 2, step)
    px = p0[0] + along[:, None] * u[0] + offs[None, :] * n[0] - 0.5  # to pixel-centre coordinates
    py = p0[1] + along[:, None] * u[1] + offs[None, :] * n[1] - 0.5
    h, w = image.shape[:2]
    inside = (px.min(axis=1) >= 0) & (px.max(axis=1) <= w - 1)
    inside &= (py.min(axis=1) >= 0) & (py.max(axis=1) <= h - 1)
    if inside.sum() < SAMPLES // 4:
        return None
    prof = cv2.remap(image, px[inside].astype(np.float32), py[inside].astype(np.float32),
                     cv2.INTER_LINEAR)
    g = np.asarray(cv2.GaussianBlur(luma(prof).astype(np.float32), (5, 1), 0.8))
    diff = g[:, 2:] - g[:, :-2]
    grad = np.maximum(diff * polarity, 0.0)
    # favour steps near the coarse edge: a frame rule or band a little further in must not win
    near = offs[1:-1] / (reach / 3)
    grad = grad * np.exp(-0.5 * near * near)[None, :]
    k = np.clip(np.argmax(grad, axis=1), 1, grad.shape[1] - 2)
    rows = np.arange(len(k))
    if polarity < 0 and shadow_px > 0:
        rise = np.maximum(diff, 0.0)
        cols = np.arange(rise.shape[1])[None, :]
        window = (cols > k[:, None]) & (cols <= k[:, None] + shadow_px / step)
        up = np.argmax(np.where(window, rise, -1.0), axis=1)
        sharper = rise[rows, up] > np.maximum(diff[rows, k] * polarity, 1.5)
        grad = np.where(sharper[:, None], rise, grad)
        k = np.clip(np.where(sharper, up, k), 1, grad.shape[1] - 2)
    y0, y1, y2 = grad[rows, k - 1], grad[rows, k], grad[rows, k + 1]
    den = y0 - 2 * y1 + y2
    delta = np.where(den < -1e-6, 0.5 * (y0 - y2) / np.where(den < -1e-6, den, -1.0), 0.0)
    strong = y1 > 0.25 * float(np.median(y1)) + 1.0
    t = offs[0] + (k + 1 + np.clip(delta, -0.5, 0.5)) * step
    s = along[inside]
    if strong.sum() < 8:
        return None
    a, b, _ = robust_fit(s[strong], t[strong], tol=0.75)
    point = p0 + a * n
    direction = u + b * n
    return point, direction / np.hypot(*direction)
