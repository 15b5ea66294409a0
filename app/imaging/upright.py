"""Which way is up, with evidence: the layout's vote, and where it is weak Tesseract's OSD."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.errors import DependencyError, InputError
from app.imaging.lines import as_quad
from app.imaging.orientation import Vote
from app.imaging.warp import geometry_for, render, turn_quad
from app.ocr.tesseract import detect_orientation
from app.page import Quad

STRONG_SCORE = 0.2  # a layout vote this clear...
STRONG_LINES = 12  # ...over this many text lines needs no second opinion
OSD_SURE = 2.0  # Tesseract's orientation confidence that counts as evidence
OSD_DPI = 150.0  # the page is shown to OSD halved down towards this resolution
OSD_TIMEOUT_S = 60.0  # OSD slower than this (a loaded machine) gives no opinion


@dataclass(frozen=True)
class Upright:
    """The turn chosen, whether the evidence was too weak to be sure, and what decided."""

    turn: int
    unsure: bool
    source: str  # "layout", "osd", "none", "osd_timeout"
    osd_confidence: float = 0.0


def strong(vote: Vote) -> bool:
    """True when the layout vote alone is clear enough."""
    return vote.score >= STRONG_SCORE and vote.lines >= STRONG_LINES


def _osd(image: np.ndarray, base: Quad, turn: int, dpi: float) -> tuple[int, float] | str:
    """OSD's extra clockwise turn of the page as turned by `turn` and its confidence, or why
    there is none: "none" (no Tesseract, too few letters) or "osd_timeout"."""
    # halve the scan (area average) and warp that: a quarter of the work of a full render
    halvings = int(np.log2(dpi / OSD_DPI)) if dpi > OSD_DPI else 0
    k = 2 ** halvings
    small = image
    for _ in range(halvings):
        h, w = small.shape[:2]
        small = cv2.resize(small[: h - h % 2, : w - w % 2], (w // 2, h // 2),
                           interpolation=cv2.INTER_AREA)
    quad = np.asarray(turn_quad(base, turn // 90)) / k
    page = render(small, geometry_for(as_quad(quad)))
    try:
        found = detect_orientation(page, dpi / k, timeout_s=OSD_TIMEOUT_S)
    except DependencyError:
        return "none"  # no Tesseract: the layout's word stands, flagged unsure
    except InputError as err:
        if err.code != "ocr.timeout":
            raise
        return "osd_timeout"  # the page is kept as it lay and flagged, the batch goes on
    return "none" if found is None else (found.turn, found.confidence)


def decide(image: np.ndarray, base: Quad, vote: Vote, dpi: float) -> Upright:
    """Return the turn of the page whose sheet lies at `base` (corners as scanned).

    OSD looks at the page as the layout would turn it; its answer counts when it is sure, and
    a quarter turn against the line direction the layout saw needs twice the confidence.
    Without such evidence (OSD unsure, unable to judge or out of time) the page stays as it
    lay on the bed, flagged.

    A page is turned only on strong evidence: a clear layout vote over enough text lines, or
    Tesseract's orientation detection with confidence where the vote is weak. Otherwise it keeps the
    way it lay on the bed and is flagged, so that the clerk looks.
    """
    if strong(vote):
        return Upright(vote.turn, False, "layout")
    osd = _osd(image, base, vote.turn, dpi)
    if isinstance(osd, str):
        return Upright(0, True, osd)
    extra, confidence = osd
    needed = OSD_SURE if extra % 180 == 0 else 2 * OSD_SURE
    if confidence < needed:
        return Upright(0, True, "none", confidence)
    return Upright((vote.turn + extra) % 360, False, "osd", confidence)
