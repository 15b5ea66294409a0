"""Where the signature box goes: page 1's top-right margin, moved or shrunk off ink and text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from PIL import Image

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, origin bottom-left

SCALE = 1 / 3  # render at 24 dpi: 3 pt per pixel is fine enough to find a free box
INK_LEVEL = 200  # grey levels darker than this are ink (cream paper and scanner noise are lighter)
EDGE = 14.0  # pt kept free from the paper's edge (about 5 mm)
CLEARANCE = 1  # pixels of air kept around ink
SHRINK_COST = 300.0  # pt of moving that shrinking by 100 % is worth: 0.9 ≈ 30 pt moved


@dataclass(frozen=True)
class Placement:
    """The box chosen for the appearance, with the size factor applied to it."""

    rect: Rect
    factor: float  # 1.0 = full size; less when the box had to shrink
    moved: bool  # False when it sits in the top-right corner


def _occupied(page: pdfium.PdfPage, extra: Iterable[Rect]) -> tuple[np.ndarray, float, float]:
    """A boolean pixel mask of ink, text-layer glyphs and `extra` boxes; and the page size."""
    width, height = page.get_size()
    left, bottom, _, _ = page.get_cropbox()
    mask = _page_grey(page) < INK_LEVEL
    text = page.get_textpage()
    boxes = [text.get_rect(i) for i in range(text.count_rects())]
    text.close()
    rows, cols = mask.shape
    for x0, y0, x1, y1 in [*boxes, *extra]:
        c0 = max(0, int((x0 - left) * SCALE))
        c1 = min(cols, int(np.ceil((x1 - left) * SCALE)))
        r0 = max(0, int((height - (y1 - bottom)) * SCALE))
        r1 = min(rows, int(np.ceil((height - (y0 - bottom)) * SCALE)))
        mask[r0:r1, c0:c1] = True
    if CLEARANCE:
        grown = mask.copy()
        for d in range(1, CLEARANCE + 1):
            grown[d:, :] |= mask[:-d, :]
            grown[:-d, :] |= mask[d:, :]
            grown[:, d:] |= mask[:, :-d]
            grown[:, :-d] |= mask[:, d:]
        mask = grown
    return mask, width, height


def _scan_image(page: pdfium.PdfPage) -> Image.Image | None:
    """The page's JPEG when the page is one full-page scan (a station PDF), else None."""
    objects = list(page.get_objects(max_depth=1))
    images = [o for o in objects if isinstance(o, pdfium.PdfImage)]
    if len(images) != 1 or any(o.type == pdfium_c.FPDF_PAGEOBJ_PATH for o in objects):
        return None
    image = images[0]
    x0, y0, x1, y1 = image.get_bounds()
    width, height = page.get_size()
    if abs(x0) > 1 or abs(y0) > 1 or abs(x1 - width) > 1 or abs(y1 - height) > 1:
        return None
    if image.get_filters() != ["DCTDecode"]:
        return None
    return Image.open(BytesIO(image.get_data(decode_simple=False)))


def _page_grey(page: pdfium.PdfPage) -> np.ndarray:
    """The page in grey at SCALE; a scanned page's JPEG is decoded at reduced size (fast)."""
    width, height = page.get_size()
    size = (max(1, round(width * SCALE)), max(1, round(height * SCALE)))
    scan = _scan_image(page)
    if scan is not None:
        scan.draft("L", size)
        return np.asarray(scan.convert("L").resize(size, Image.Resampling.BOX))
    grey = page.render(scale=SCALE, grayscale=True, draw_annots=True).to_numpy()
    return grey[:, :, 0] if grey.ndim == 3 else grey


def _free_spot(
    integral: np.ndarray, box_px: tuple[int, int], edge: int, depth: int
) -> tuple[int, int] | None:
    """The free top-left corner (row, col) nearest the top-right corner, rows < `depth`."""
    bw, bh = box_px
    rows, cols = integral.shape[0] - 1, integral.shape[1] - 1
    last_row, last_col = min(depth, rows - edge - bh), cols - edge - bw
    if last_row < edge or last_col < edge:
        return None
    top = integral[edge : last_row + 1, :]
    bottom = integral[edge + bh : last_row + bh + 1, :]
    ink = (
        bottom[:, edge + bw : last_col + bw + 1]
        - bottom[:, edge : last_col + 1]
        - top[:, edge + bw : last_col + bw + 1]
        + top[:, edge : last_col + 1]
    )
    free_rows, free_cols = np.nonzero(ink == 0)
    if free_rows.size == 0:
        return None
    cost = free_rows + (last_col - edge - free_cols)  # pixels moved down plus moved left
    best = int(np.argmin(cost))
    return int(free_rows[best]) + edge, int(free_cols[best]) + edge


def place_box(
    pdf_path: Path,
    size: tuple[float, float],
    *,
    factors: tuple[float, ...] = (1.0, 0.9, 0.8, 0.7),
    avoid: Iterable[Rect] = (),
    page_index: int = 0,
) -> Placement | None:
    """The best free box of `size` (pt) on the page: top-right first, then moved, then shrunk.

    Among free positions in the top quarter of the page, the one that moves least from the
    top-right corner (points down plus points left, with shrinking priced by SHRINK_COST);
    the whole page only when the top quarter has no room at all.
    None if no free place exists at all.
    """
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        page = document[page_index]
        left, bottom, _, _ = page.get_cropbox()
        mask, _, height = _occupied(page, avoid)
        page.close()
    finally:
        document.close()
    rows_total, cols_total = mask.shape
    integral = np.zeros((rows_total + 1, cols_total + 1), np.int32)
    integral[1:, 1:] = mask.cumsum(0).cumsum(1)
    edge = int(np.ceil(EDGE * SCALE))
    for depth in (rows_total // 4, rows_total):
        found = []
        for factor in factors:
            bw = int(np.ceil(size[0] * factor * SCALE))
            bh = int(np.ceil(size[1] * factor * SCALE))
            spot = _free_spot(integral, (bw, bh), edge, depth)
            if spot is not None:
                corner = (edge, cols_total - edge - bw)
                moved = (spot[0] - corner[0] + corner[1] - spot[1]) / SCALE
                found.append((moved + SHRINK_COST * (1 - factor), factor, spot, spot != corner))
        if found:
            _, factor, (r, c), moved_any = min(found)
            x0 = left + c / SCALE
            y1 = bottom + height - r / SCALE
            rect = (x0, y1 - size[1] * factor, x0 + size[0] * factor, y1)
            return Placement(rect, factor, moved=moved_any)
    return None
