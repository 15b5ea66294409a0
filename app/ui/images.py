"""Pictures for widgets: numpy pages and PDF pages as QImage."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2
from PIL import Image
from PySide6.QtGui import QImage

FILED_DPI = 300  # the viewer's 100 %: one pixel of the filed scan per screen pixel
_PLAIN_SPACES = ("/DeviceRGB", "/DeviceGray")
# PDFium is not thread-safe: the desk's pools render through this one lock.
_pdfium = threading.Lock()


def to_qimage(rgb: np.ndarray) -> QImage:
    """A deep copy of an RGB (or grey) uint8 array as a QImage (safe to build in a worker)."""
    data = np.ascontiguousarray(rgb)
    h, w = data.shape[:2]
    if data.ndim == 2:
        return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_RGB888).copy()


def _qimage(bitmap: pypdfium2.PdfBitmap) -> QImage:
    pixels = np.asarray(bitmap.to_numpy())
    return to_qimage(pixels[:, :, :3] if pixels.ndim == 3 else pixels)


def pdf_thumbnails(path: Path, long_side: int = 200) -> list[QImage]:
    """Every page of a PDF, rendered small (run in a worker)."""
    images = []
    with _pdfium:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                width, height = page.get_size()
                scale = long_side / max(width, height)
                images.append(_qimage(page.render(scale=scale, rev_byteorder=True)))
        finally:
            pdf.close()
    return images


def pdf_page_count(path: Path) -> int:
    """How many pages a PDF has (run in a worker)."""
    with _pdfium:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()


def pdf_page(path: Path, index: int, dpi: int = FILED_DPI) -> QImage:
    """One page of a PDF as filed, stamps and all, at `dpi` (run in a worker)."""
    with _pdfium:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return _qimage(pdf[index].render(scale=dpi / 72, rev_byteorder=True))
        finally:
            pdf.close()


def _page_jpeg(path: Path, index: int) -> tuple[bytes, float] | None:
    """The JPEG a scanned page is made of and the page's width in points, when the page is
    one upright JPEG over the whole page in plain RGB or grey (as the station files pages)."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[index].obj
        drawn = page.get("/Resources", pikepdf.Dictionary()).get("/XObject", pikepdf.Dictionary())
        images = [value for _, value in drawn.items()]
        if (len(images) != 1 or images[0].get("/Subtype") != "/Image"
                or int(page.get("/Rotate", 0)) % 360):
            return None
        image = images[0]
        space = image.get("/ColorSpace")
        if (image.get("/Filter") != "/DCTDecode" or "/SMask" in image or "/Decode" in image
                or "/Mask" in image or str(space) not in _PLAIN_SPACES):
            return None
        left, bottom, right, top = (float(v) for v in page["/MediaBox"])
        width, height = right - left, top - bottom
        pixels = float(image["/Width"]) / float(image["/Height"])
        if width <= 0 or height <= 0 or abs(pixels / (width / height) - 1) > 0.01:
            return None  # not the whole page: leave it to the full rendering
        return image.read_raw_bytes(), width


def pdf_preview(path: Path, index: int, box: tuple[int, int]) -> tuple[QImage, float] | None:
    """A scanned page decoded at reduced size (JPEG's own 1/2, 1/4, 1/8 scaling), at least as
    large as it is drawn fitted into `box` (width, height on screen), and its pixels per
    300-dpi pixel; None when the page is not a plain scan or its JPEG is unreadable (the full
    rendering shows it then). Run in a worker."""
    try:
        found = _page_jpeg(path, index)
    except (pikepdf.PdfError, OSError, ValueError, KeyError, TypeError):
        return None  # a damaged file: the full rendering says what is wrong with it
    if found is None:
        return None
    data, width_pt = found
    try:
        with Image.open(io.BytesIO(data)) as jpeg:
            if jpeg.format != "JPEG" or jpeg.mode not in ("RGB", "L"):
                return None
            factor = min(box[0] / jpeg.width, box[1] / jpeg.height)
            jpeg.draft(jpeg.mode, (round(jpeg.width * factor), round(jpeg.height * factor)))
            pixels = np.asarray(jpeg.convert("RGB") if jpeg.mode != "L" else jpeg)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return to_qimage(pixels), pixels.shape[1] / (width_pt * FILED_DPI / 72)
