"""Immutable page values: the raw scan on disk and the clean-up applied to it as data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]


class Flag(StrEnum):
    """Findings about a page that the clerk should see; a flagged page is never dropped."""

    BLANK = "blank"
    LOW_DPI = "low_dpi"
    NOT_COLOR = "not_color"
    BLURRY = "blurry"
    TOO_DARK = "too_dark"
    TOO_LIGHT = "too_light"
    CUT_OFF = "cut_off"
    NO_OUTLINE = "no_outline"
    ORIENTATION_UNSURE = "orientation_unsure"  # weak evidence of which way is up: not turned


@dataclass(frozen=True)
class RawPage:
    """One image as the scanner (or a file) delivered it, already saved losslessly on disk."""

    path: Path
    dpi: float
    index: int
    source: str = "flatbed"  # flatbed | adf-front | adf-back | file | demo
    mode: str = "color"  # color | gray | lineart
    depth: int = 8


@dataclass(frozen=True)
class Geometry:
    """Where the upright page lies in the raw image.

    `quad` lists the raw-image points that become the output's top-left, top-right,
    bottom-right and bottom-left corners; one perspective warp to `size` (width, height)
    crops, deskews and turns the page at once, at the scan's own scale.
    """

    quad: Quad
    size: tuple[int, int]


@dataclass(frozen=True)
class Findings:
    """What clean-up found on a page."""

    outline: Quad | None  # the page outline in raw-image pixels, None when no bed edge was seen
    skew_deg: float  # the page's skew, degrees, counter-clockwise positive; undone by `geometry`
    orientation: int  # 0, 90, 180 or 270: clockwise turn applied to bring the text upright
    flags: frozenset[Flag] = frozenset()
    metrics: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def blank(self) -> bool:
        return Flag.BLANK in self.flags


@dataclass(frozen=True)
class Page:
    """A page of a batch: its raw pixels on disk plus the transforms chosen for it."""

    raw: RawPage
    geometry: Geometry
    findings: Findings
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def with_geometry(self, geometry: Geometry) -> Page:
        """Return the same page (same id) with a new crop or turn; the raw image is untouched."""
        return replace(self, geometry=geometry)
