"""Straight-line helpers: robust fits, intersections and quad measurements."""

from __future__ import annotations

import math

import numpy as np

from app.page import Quad

Line = tuple[np.ndarray, np.ndarray]  # a point on the line and its unit direction, (x, y)


def ransac_line(
    s: np.ndarray, t: np.ndarray, tol: float, max_slope: float, tries: int = 160
) -> np.ndarray:
    """Return the inlier mask of the best line t = a + b*s with |b| <= max_slope."""
    n = len(s)
    if n < 2:
        return np.zeros(n, dtype=bool)
    rng = np.random.default_rng(12345)
    i, j = rng.integers(0, n, (2, tries))
    ds = s[j] - s[i]
    ok = np.abs(ds) > max(1.0, 0.05 * (s.max() - s.min()))
    b = np.where(ok, (t[j] - t[i]) / np.where(ok, ds, 1.0), 0.0)
    ok &= np.abs(b) <= max_slope
    if not ok.any():
        return np.zeros(n, dtype=bool)
    a = t[i] - b * s[i]
    res = np.abs(t[None, :] - (a[ok, None] + b[ok, None] * s[None, :]))
    best = int(np.argmax((res < tol).sum(axis=1)))
    return np.asarray(res[best] < tol)


def fit_line(s: np.ndarray, t: np.ndarray) -> tuple[float, float]:
    """Least-squares fit t = a + b*s; return (a, b)."""
    ms, mt = float(s.mean()), float(t.mean())
    ds = s - ms
    b = float(np.dot(ds, t - mt)) / max(float(np.dot(ds, ds)), 1e-12)
    return mt - b * ms, b


def robust_fit(s: np.ndarray, t: np.ndarray, tol: float) -> tuple[float, float, np.ndarray]:
    """Fit t = a + b*s by least squares, twice dropping points further than `tol`."""
    keep = np.ones(len(s), dtype=bool)
    a, b = fit_line(s, t)
    for _ in range(2):
        res = np.abs(t - (a + b * s))
        new = res < max(tol, 2.5 * 1.4826 * float(np.median(res)))
        if new.sum() < 2:
            break
        keep = new
        a, b = fit_line(s[keep], t[keep])
    return a, b, keep


def intersect(l1: Line, l2: Line) -> np.ndarray:
    """Return the intersection point of two lines (the first point if they are parallel)."""
    (p, d), (q, e) = l1, l2
    den = d[0] * e[1] - d[1] * e[0]
    if abs(den) < 1e-12:
        return p
    u = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den
    return np.asarray(p + u * d)


def quad_from_lines(top: Line, right: Line, bottom: Line, left: Line) -> Quad:
    """Return the corners TL, TR, BR, BL where the four side lines meet."""
    pts = [intersect(top, left), intersect(top, right), intersect(bottom, right),
           intersect(bottom, left)]
    return as_quad(np.array(pts))


def as_quad(pts: np.ndarray) -> Quad:
    """Turn a (4, 2) array into a Quad of float tuples."""
    p = [(float(x), float(y)) for x, y in pts]
    return (p[0], p[1], p[2], p[3])


def quad_size(quad: Quad) -> tuple[float, float]:
    """Return the mean (width, height) of a TL, TR, BR, BL quad."""
    q = np.asarray(quad, dtype=float)
    width = (np.hypot(*(q[1] - q[0])) + np.hypot(*(q[2] - q[3]))) / 2
    height = (np.hypot(*(q[3] - q[0])) + np.hypot(*(q[2] - q[1]))) / 2
    return float(width), float(height)


def quad_skew(quad: Quad) -> float:
    """Return the rotation of the rectangle that best fits a quad (degrees, CCW positive).

    The least-squares (Procrustes) fit of an upright rectangle of the quad's mean size to its
    corners, so that corner displacements by perspective average out.
    """
    q = np.asarray(quad, dtype=float)
    q = q - q.mean(axis=0)
    width, height = quad_size(quad)
    r = np.array([(-width, -height), (width, -height), (width, height), (-width, height)]) / 2
    # in y-up coordinates a counter-clockwise turn is positive
    qx, qy, rx, ry = q[:, 0], -q[:, 1], r[:, 0], -r[:, 1]
    cross = float(np.sum(rx * qy - ry * qx))
    dot = float(np.sum(rx * qx + ry * qy))
    return math.degrees(math.atan2(cross, dot))


def rotated_rect(cx: float, cy: float, width: float, height: float, skew_deg: float) -> Quad:
    """Return the TL, TR, BR, BL corners of a rectangle centred on (cx, cy) turned by `skew_deg`."""
    a = math.radians(skew_deg)
    ux, uy = math.cos(a), -math.sin(a)  # along the top edge, y down
    vx, vy = math.sin(a), math.cos(a)  # down the left edge
    hw, hh = width / 2, height / 2
    pts = [(cx + sx * hw * ux + sy * hh * vx, cy + sx * hw * uy + sy * hh * vy)
           for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    return as_quad(np.array(pts))
