"""The batch's recovery folder: every page is written losslessly the moment it arrives."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import Image

from app.page import RawPage


class RecoveryFolder:
    """Saves raw pages as numbered PNG files, atomically, so a crash never loses a page."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._next = max((_number(p) for p in self.pages()), default=-1) + 1  # never overwrite

    def pages(self) -> list[Path]:
        """The pages already saved, in scan order (what a restart recovers)."""
        return sorted(self.folder.glob("page-*.png"))

    def save(
        self, image: np.ndarray | Image.Image, *, dpi: float, source: str, mode: str = "color"
    ) -> RawPage:
        """Write one page (fsynced, then renamed into place) and return it as a RawPage."""
        pil = image if isinstance(image, Image.Image) else Image.fromarray(image)
        index = self._next
        final = self.folder / f"page-{index:05d}.png"
        tmp = final.with_suffix(".png.part")
        with tmp.open("wb") as fh:
            pil.save(fh, format="PNG", dpi=(dpi, dpi), compress_level=1)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(final)
        self._next += 1
        depth = 1 if pil.mode == "1" else 8
        return RawPage(path=final, dpi=dpi, index=index, source=source, mode=mode, depth=depth)


def _number(path: Path) -> int:
    try:
        return int(path.stem.split("-")[1])
    except (IndexError, ValueError):
        return -1
