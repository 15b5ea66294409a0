"""Small drawn test scans with known truth (independent of app.synth)."""

from __future__ import annotations

import math

import cv2
import numpy as np

WORDS = ("Ban", "thuong", "truc", "Uy", "hanh", "Mat", "tran", "To", "quoc", "Viet", "Nam",
         "quan", "phuong", "giay", "khai", "ngay", "thang", "nam", "kinh", "gui", "bao", "cao")


def text_page(rng, dpi=150, paper_rgb=(250, 250, 248), lines=40, to_edge=False, ink=20,
              size_mm=(210, 297), margin_mm=25.0):
    """Return an upright page (RGB) with `lines` lines of Latin text."""
    px = dpi / 25.4
    w, h = round(size_mm[0] * px), round(size_mm[1] * px)
    page = np.empty((h, w, 3), np.uint8)
    page[:] = paper_rgb
    scale = dpi / 300 * 1.1
    pitch = 7.0 * px
    left = 3.5 * px if to_edge else margin_mm * px
    y = (margin_mm * px) + pitch
    for _ in range(lines):
        if y > h - margin_mm * px:
            break
        x = left
        while True:
            word = WORDS[int(rng.integers(len(WORDS)))]
            if rng.random() < 0.2:
                word = word.capitalize()
            (tw, _), _ = cv2.getTextSize(word, cv2.FONT_HERSHEY_COMPLEX, scale, 1)
            if x + tw > w - (3.5 * px if to_edge else margin_mm * px):
                break
            cv2.putText(page, word, (round(x), round(y)), cv2.FONT_HERSHEY_COMPLEX, scale,
                        (ink, ink, ink), max(1, round(dpi / 150)), cv2.LINE_AA)
            x += tw + 2.2 * px
        y += pitch
    if to_edge:
        band = round(3.0 * px)
        page[band:band + round(6 * px), band:w - band] = (40, 40, 40)
        page[h - band - round(6 * px):h - band, band:w - band] = (40, 40, 40)
    return page


def place(page, rng, *, skew=0.0, orientation=0, bed=(30, 30, 32), margin_mm=15.0,
          dpi=150, perspective_px=0.0, noise=3.0, bed_size=None):
    """Lay `page` on a bed turned counter-clockwise by `orientation` and skewed by `skew` degrees.

    Returns (scan, outline TL, TR, BR, BL of the upright page in scan pixels).
    """
    ph, pw = page.shape[:2]
    corners = np.array([(0, 0), (pw, 0), (pw, ph), (0, ph)], float) - (pw / 2, ph / 2)
    a = math.radians(orientation + skew)  # CCW in the displayed, y-down image
    rot = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    dst = corners @ rot.T
    dst += rng.uniform(-perspective_px, perspective_px, dst.shape)
    m = margin_mm / 25.4 * dpi
    if bed_size is None:
        lo = dst.min(axis=0)
        span = dst.max(axis=0) - lo
        bw, bh = round(span[0] + 2 * m), round(span[1] + 2 * m)
        dst += m - lo
    else:
        bw, bh = bed_size
        dst += (bw / 2, bh / 2)
    mtx = cv2.getPerspectiveTransform(corners.astype(np.float32) + np.float32((pw / 2, ph / 2)),
                                      dst.astype(np.float32))
    sh = np.array([[1, 0, 0.5], [0, 1, 0.5], [0, 0, 1]])
    bk = np.array([[1, 0, -0.5], [0, 1, -0.5], [0, 0, 1]])
    mc = bk @ mtx @ sh
    fg = cv2.warpPerspective(page, mc, (bw, bh), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), mc, (bw, bh),
                                flags=cv2.INTER_LINEAR).astype(np.float32)[..., None] / 255
    scan = np.empty((bh, bw, 3), np.float32)
    scan[:] = bed
    scan = scan * (1 - alpha) + fg.astype(np.float32) * alpha
    scan += rng.normal(0, noise, scan.shape)
    return np.clip(scan, 0, 255).astype(np.uint8), [tuple(p) for p in dst]


def iou(q1, q2):
    """Return the intersection over union of two convex quads."""
    a = np.asarray(q1, np.float32)
    b = np.asarray(q2, np.float32)
    inter, _ = cv2.intersectConvexConvex(a, b)
    union = cv2.contourArea(a) + cv2.contourArea(b) - inter
    return inter / union
