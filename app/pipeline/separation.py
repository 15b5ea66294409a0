"""Where the desk's strip would split into documents: `convert --split`'s detectors and rules."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import cv2

from app.extract.splitter import PageInfo, split
from app.extract.stack import image_info
from app.pipeline.interactive import PageSession, ScanPage, upright_image

SHEET_REASONS = ("separator", "patch")  # cuts whose page is a sheet, left out of the documents


@dataclass(frozen=True)
class Cut:
    """A place the stack may be cut: at strip index `index`, for `reason`."""

    index: int
    reason: str  # "separator" | "patch" | "first-page"

    @property
    def sheet(self) -> bool:
        """The page is a separator or Patch-T sheet: cutting here also removes it."""
        return self.reason in SHEET_REASONS


def sheet_info(page: ScanPage, index: int) -> PageInfo:
    """A strip page's separation facts, from its cleaned image at full resolution and its OCR
    when that is current (read it first for first-page detection)."""
    image = upright_image(page)
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    return image_info(index, grey, page.raw.dpi, page.ocr if page.ocr_current else None,
                      "blank" in page.flags)


@dataclass(frozen=True)
class SplitPlan:
    """The facts of every page of the strip, in strip order; the clerk picks the cuts to make."""

    infos: tuple[PageInfo, ...]

    def cuts(self) -> list[Cut]:
        """Every separator and Patch-T sheet, and every page after the first that looks like a
        document's first page."""
        found = []
        for info in self.infos:
            if info.separator is not None:
                found.append(Cut(info.index, "separator"))
            elif info.patch:
                found.append(Cut(info.index, "patch"))
            elif info.first_page and info.index > 0:
                found.append(Cut(info.index, "first-page"))
        return found

    def documents(self, chosen: Collection[int]) -> list[list[int]]:
        """The strip indexes of each document when cutting at the `chosen` cut indexes only
        (the sheets cut at are left out; an empty document is never made)."""
        kept = [
            info if info.index in chosen
            else replace(info, separator=None, patch=False, first_page=False)
            for info in self.infos
        ]
        return [list(span.pages) for span in split(kept, on_first_page=True)]


def plan(pages: Sequence[ScanPage], reader: PageSession) -> SplitPlan:
    """The strip's split plan; a page not read for its current geometry is read first (blocks:
    run it where the OCR engine may run, every page is rendered at full resolution)."""
    read = [page if page.ocr_current else reader.read(page) for page in pages]
    return SplitPlan(tuple(sheet_info(page, i) for i, page in enumerate(read)))
