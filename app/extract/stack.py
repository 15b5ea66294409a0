"""`convert --split`: what separation needs to know about each processed page of a fed stack."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image

from app.extract.firstpage import looks_like_first_page
from app.extract.patch import detect_patch
from app.extract.separator import detect_separator
from app.extract.splitter import DocumentSpan, PageInfo
from app.ocr.base import OcrResult
from app.pdf.image import EncodedImage


def page_info(index: int, encoded: EncodedImage, ocr: OcrResult, blank: bool) -> PageInfo:
    """What separation needs from a processed page (its cleaned image is decoded again)."""
    image = np.asarray(Image.open(io.BytesIO(encoded.data)).convert("L"))
    return image_info(index, image, encoded.dpi, ocr, blank)


def image_info(index: int, image: np.ndarray, dpi: float, ocr: OcrResult | None,
               blank: bool) -> PageInfo:
    """What separation needs from a cleaned page image (grey) and its OCR (None: not read, so
    it is not taken for a first page)."""
    separator = detect_separator(image)
    patch = separator is None and detect_patch(image, dpi)
    size = (image.shape[1], image.shape[0])
    first = (separator is None and not patch and ocr is not None
             and looks_like_first_page(ocr, size))
    return PageInfo(index, separator, patch, blank, first)


def document_path(out: Path, span: DocumentSpan, position: int) -> Path:
    """`{docCode}.pdf` (TT 05/2025 naming) when the hồ sơ is known, else `{stem}-NNN.pdf`."""
    if span.doc_code is not None:
        return out.with_name(f"{span.doc_code}.pdf")
    return out.with_name(f"{out.stem}-{position:03d}.pdf")
