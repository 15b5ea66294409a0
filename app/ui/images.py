"""Pictures for widgets: numpy pages and PDF pages as QImage."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pypdfium2
from PySide6.QtGui import QImage

FILED_DPI = 300  # the viewer's 100 %: one pixel of the filed scan per screen pixel
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
