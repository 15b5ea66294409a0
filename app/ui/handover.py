"""Pages handed over in memory, each written to the recovery folder first."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from app.page import RawPage
from app.pipeline.interactive import pixels_of
from app.scanner.recovery import RecoveryFolder


@dataclass(frozen=True)
class Handed:
    """A page the scanner delivered: on disk (`raw`), in memory (`pixels`), and when."""

    raw: RawPage
    pixels: np.ndarray | None = field(repr=False, compare=False)  # RGB or grey uint8
    at: float = 0.0  # time.perf_counter() at the hand-over


class HandingFolder(RecoveryFolder):
    """A recovery folder that also keeps each saved page's pixels until they are handed over.

    Each page is written to the recovery folder first, as always, and its pixels go on to clean-up
    without being read back from disk.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self._pixels: dict[Path, np.ndarray] = {}

    def save(
        self, image: np.ndarray | Image.Image, *, dpi: float, source: str, mode: str = "color"
    ) -> RawPage:
        raw = super().save(image, dpi=dpi, source=source, mode=mode)
        self._pixels[raw.path] = pixels_of(image)
        return raw

    def hand_over(self, raw: RawPage) -> Handed:
        """The page with its pixels (None if the driver saved it another way), stamped now."""
        return Handed(raw, self._pixels.pop(raw.path, None), time.perf_counter())
