"""Text-line direction and skew from projection profiles of ink points."""

from __future__ import annotations

import numpy as np

COARSE_STEP = 0.5
FINE_STEP = 0.05
MAX_SKEW = 16.0


def project(x: np.ndarray, y: np.ndarray, angle_deg: float, vertical: bool) -> np.ndarray:
    """Return each point's position across lines running at `angle_deg` (CCW, y down)."""
    a = np.radians(angle_deg)
    if vertical:
        return np.asarray(x * np.cos(a) - y * np.sin(a))
    return np.asarray(y * np.cos(a) + x * np.sin(a))


def _scores(x: np.ndarray, y: np.ndarray, angles: np.ndarray, vertical: bool,
            bin_px: float) -> np.ndarray:
    """Return the profile sharpness (sum of squared bins) for each angle, linear binning."""
    a = np.radians(angles)[:, None]
    if vertical:
        t = x[None, :] * np.cos(a) - y[None, :] * np.sin(a)
    else:
        t = y[None, :] * np.cos(a) + x[None, :] * np.sin(a)
    t = t / bin_px
    t -= t.min(axis=1, keepdims=True)
    lo = np.floor(t)
    frac = t - lo
    nb = int(lo.max()) + 2
    idx = (lo + nb * np.arange(len(angles))[:, None]).astype(np.int64).ravel()
    size = nb * len(angles)
    h = np.bincount(idx, (1 - frac).ravel(), size) + np.bincount(idx + 1, frac.ravel(), size)
    h = h.reshape(len(angles), nb)
    return np.asarray((h * h).sum(axis=1) / max(1, x.size) ** 2)


def _thin(x: np.ndarray, y: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Keep at most `n` points, evenly strided (deterministic)."""
    step = max(1, x.size // n)
    return x[::step], y[::step]


def _peak(angles: np.ndarray, scores: np.ndarray) -> float:
    """Return the sub-step angle of the highest score (parabola through its neighbours)."""
    i = int(np.argmax(scores))
    if 0 < i < len(scores) - 1:
        y0, y1, y2 = scores[i - 1], scores[i], scores[i + 1]
        den = y0 - 2 * y1 + y2
        if den < 0:
            return float(angles[i] + 0.5 * (y0 - y2) / den * (angles[1] - angles[0]))
    return float(angles[i])


def line_strength(x: np.ndarray, y: np.ndarray, angle: float, vertical: bool) -> float:
    """Return the profile sharpness of lines at `angle` (horizontal or vertical text lines)."""
    xs, ys = _thin(x, y, 20000)
    return float(_scores(xs, ys, np.array([angle]), vertical, 1.0)[0])


def text_skew(x: np.ndarray, y: np.ndarray) -> tuple[float, bool, float]:
    """Return (skew_deg, vertical lines?, strength ratio) found from ink point coordinates."""
    xs, ys = _thin(x, y, 4000)
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, COARSE_STEP)
    hs = _scores(xs, ys, coarse, False, 2.0)
    vs = _scores(xs, ys, coarse, True, 2.0)
    vertical = bool(vs.max() > hs.max())
    best = coarse[int(np.argmax(vs if vertical else hs))]
    ratio = float(max(hs.max(), vs.max()) / max(min(hs.max(), vs.max()), 1e-12))
    xf, yf = _thin(x, y, 15000)
    fine = best + np.arange(-0.6, 0.6 + 1e-9, FINE_STEP)
    angle = _peak(fine, _scores(xf, yf, fine, vertical, 1.0))
    return angle, vertical, ratio
