"""Which way is up, with evidence: the layout's vote, and where it is weak Tesseract's OSD.

A page is turned only on strong evidence: a clear layout vote over enough text lines, or a
weak one that Tesseract's orientation detection confirms with confidence. Otherwise it keeps
the way it lay on the bed (turned a quarter only if its lines run down the page) and is
flagged, so that the clerk looks.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.errors import DependencyError
from app.imaging.orientation import Vote
from app.imaging.warp import geometry_for, render, turn_quad
from app.ocr.tesseract import detect_orientation
from app.page import Quad

STRONG_SCORE = 0.2  # a layout vote this clear...
STRONG_LINES = 12  # ...over this many text lines needs no second opinion
OSD_SURE = 2.0  # Tesseract's orientation confidence that counts as evidence
OSD_DPI = 150.0  # the page is shown to OSD at this resolution


@dataclass(frozen=True)
class Upright:
    """The turn chosen, whether the evidence was too weak to be sure, and what decided."""

    turn: int
    unsure: bool
    source: str  # "layout", "osd", "none"
    osd_confidence: float = 0.0


def strong(vote: Vote) -> bool:
    """True when the layout vote alone is clear enough."""
    return vote.score >= STRONG_SCORE and vote.lines >= STRONG_LINES


def _osd(image: np.ndarray, base: Quad, turn: int, dpi: float) -> tuple[int, float] | None:
    """OSD's extra clockwise turn of the page as turned by `turn`, and its confidence."""
    geometry = geometry_for(turn_quad(base, turn // 90))
    page = render(image, geometry)
    scale = min(1.0, OSD_DPI / dpi)
    if scale < 1.0:
        page = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    try:
        found = detect_orientation(page, dpi * scale)
    except DependencyError:
        return None  # no Tesseract: the layout's word stands, flagged unsure
    return None if found is None else (found.turn, found.confidence)


def decide(image: np.ndarray, base: Quad, vote: Vote, vertical: bool, dpi: float) -> Upright:
    """Return the turn of the page whose sheet lies at `base` (corners as scanned)."""
    if strong(vote):
        return Upright(vote.turn, False, "layout")
    at_rest = vote.turn if vertical else 0  # the turn that needs no evidence of which way is up
    osd = _osd(image, base, at_rest, dpi)
    if osd is None:
        return Upright(at_rest, True, "none")
    extra, confidence = osd
    if confidence < OSD_SURE or extra % 180 != 0:
        # too unsure, or a quarter turn against lines whose direction the layout has seen
        return Upright(at_rest, True, "none", confidence)
    return Upright((at_rest + extra) % 360, False, "osd", confidence)
