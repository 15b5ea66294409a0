"""Small drawn test scans with known truth (independent of app.synth)."""

from __future__ import annotations

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


def iou(q1, q2):
    """Return the intersection over union of two convex quads."""
    a = np.asarray(q1, np.float32)
    b = np.asarray(q2, np.float32)
    inter, _ = cv2.intersectConvexConvex(a, b)
    union = cv2.contourArea(a) + cv2.contourArea(b) - inter
    return inter / union
