"""A filed document's pages back as session pages, so the clerk can rescan some of them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2

from app.errors import InputError
from app.pdf.image import EncodedImage, decode_image
from app.pipeline.interactive import ScanPage, kept_page
from app.scanner.recovery import RecoveryFolder

RENDER_DPI = 300.0  # a page that is not one JPEG image (a PDF filed from elsewhere) is drawn so
_COLOURS = {"/DeviceRGB": ("rgb", "RGB"), "/DeviceGray": ("gray", "L")}


def _jpeg(page: pikepdf.Page) -> EncodedImage | None:
    """The page's image stream when the page is one 8-bit JPEG covering it (as the desk writes)."""
    if int(page.obj.get("/Rotate", 0)) % 360:
        return None
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    xobjects = resources.get("/XObject", pikepdf.Dictionary())
    images = [x for x in xobjects.values() if x.get("/Subtype") == pikepdf.Name.Image]
    if len(images) != 1:
        return None
    image = images[0]
    colour = _COLOURS.get(str(image.get("/ColorSpace", "")))
    if (image.get("/Filter") != pikepdf.Name.DCTDecode or colour is None
            or int(image.get("/BitsPerComponent", 0)) != 8
            or any(key in image for key in ("/SMask", "/Mask", "/Decode"))):
        return None
    width, height = int(image.Width), int(image.Height)
    box = [float(v) for v in page.mediabox]
    dpi = round(width * 72.0 / (box[2] - box[0]), 2)
    return EncodedImage(image.read_raw_bytes(), width, height, dpi, colour[0], "DCTDecode")


def _rendered(path: Path, index: int) -> np.ndarray:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        bitmap = pdf[index].render(scale=RENDER_DPI / 72, rev_byteorder=True)
        return np.ascontiguousarray(np.asarray(bitmap.to_numpy())[:, :, :3])
    finally:
        pdf.close()


def filed_pages(pdf_path: Path, folder: Path) -> list[ScanPage]:
    """Every page of a filed PDF as a strip page, saved to the recovery `folder` first.

    A page that is one JPEG keeps that JPEG byte for byte when the document is filed again
    unchanged; any other page is drawn at 300 dpi.
    """
    store = RecoveryFolder(folder)
    pages = []
    try:
        pdf = pikepdf.open(pdf_path)
    except (pikepdf.PdfError, OSError) as err:
        raise InputError(f"Cannot read the filed document {pdf_path} ({err}).",
                         hint="Run: scanstation fsck", code="document.unreadable",
                         params={"path": str(pdf_path)}) from err
    with pdf:
        for index, page in enumerate(pdf.pages):
            encoded = _jpeg(page)
            image = decode_image(encoded) if encoded else _rendered(pdf_path, index)
            dpi = encoded.dpi if encoded else RENDER_DPI
            mode = "gray" if image.ndim == 2 else "color"
            raw = store.save(image, dpi=dpi, source="file", mode=mode)
            pages.append(kept_page(raw, image, encoded))
    return pages
