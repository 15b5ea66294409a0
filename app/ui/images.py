"""Pictures for widgets: numpy pages and PDF pages as QImage."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2
from PySide6.QtGui import QImage


def to_qimage(rgb: np.ndarray) -> QImage:
    """A deep copy of an RGB (or grey) uint8 array as a QImage (safe to build in a worker)."""
    data = np.ascontiguousarray(rgb)
    h, w = data.shape[:2]
    if data.ndim == 2:
        return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_RGB888).copy()


def pdf_thumbnails(path: Path, long_side: int = 200) -> list[QImage]:
    """Every page of a PDF, rendered small (run in a worker)."""
    images = []
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            bitmap = page.render(scale=long_side / max(width, height), rev_byteorder=True)
            pixels = np.asarray(bitmap.to_numpy())
            images.append(to_qimage(pixels[:, :, :3] if pixels.ndim == 3 else pixels))
    finally:
        pdf.close()
    return images
