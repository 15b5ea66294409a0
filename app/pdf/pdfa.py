"""PDF/A-2b writer: one full-page image per page at 100 % scale, invisible OCR text on top."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pikepdf
from PIL import ImageCms

from app.atomic import write_atomically
from app.ocr.base import Word
from app.pdf.font import add_glyphless_font
from app.pdf.image import EncodedImage
from app.pdf.metadata import DocumentInfo, write_metadata
from app.pdf.textlayer import FONT_RESOURCE, text_layer
from app.pdf.validate import validate_pdfa_basics

__all__ = ["DocumentInfo", "PdfPage", "validate_pdfa_basics", "write_pdfa"]

PDF_VERSION = "1.7"
SRGB_NAME = "sRGB IEC61966-2.1"
IMAGE_RESOURCE = "Im0"
_COLORSPACES = {"rgb": pikepdf.Name.DeviceRGB, "gray": pikepdf.Name.DeviceGray}


@dataclass(frozen=True)
class PdfPage:
    """One output page: the encoded scan and the OCR words in that image's pixels."""

    image: EncodedImage
    words: tuple[Word, ...]


def _srgb_output_intent(pdf: pikepdf.Pdf) -> pikepdf.Object:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    icc = pikepdf.Stream(pdf, profile)
    icc.N = 3
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String(SRGB_NAME),
            Info=pikepdf.String(SRGB_NAME),
            RegistryName=pikepdf.String("http://www.color.org"),
            DestOutputProfile=icc,
        )
    )


def _image_xobject(pdf: pikepdf.Pdf, image: EncodedImage) -> pikepdf.Stream:
    if image.colorspace not in _COLORSPACES:
        raise ValueError(f"unsupported colour space {image.colorspace!r}")
    xobject = pikepdf.Stream(pdf, image.data)
    xobject.Type = pikepdf.Name.XObject
    xobject.Subtype = pikepdf.Name.Image
    xobject.Width = image.width
    xobject.Height = image.height
    xobject.ColorSpace = _COLORSPACES[image.colorspace]
    xobject.BitsPerComponent = 8
    xobject.Filter = pikepdf.Name("/" + image.filter)
    return xobject


def _add_page(pdf: pikepdf.Pdf, page: PdfPage, font: pikepdf.Object) -> None:
    image = page.image
    width = image.width * 72.0 / image.dpi
    height = image.height * 72.0 / image.dpi
    draw = f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /{IMAGE_RESOURCE} Do Q\n".encode("ascii")
    resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary({"/" + IMAGE_RESOURCE: _image_xobject(pdf, image)})
    )
    text = text_layer(page.words, image.dpi, height)
    if text:
        resources.Font = pikepdf.Dictionary({"/" + FONT_RESOURCE: font})
    pdf.pages.append(
        pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, width, height],
                Resources=resources,
                Contents=pikepdf.Stream(pdf, draw + text),
            )
        )
    )


def build_pdfa(pages: Sequence[PdfPage], info: DocumentInfo) -> pikepdf.Pdf:
    """Assemble the PDF/A-2b document in memory."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    pdf = pikepdf.new()
    font = add_glyphless_font(pdf)
    for page in pages:
        _add_page(pdf, page, font)
    pdf.Root.OutputIntents = [_srgb_output_intent(pdf)]
    write_metadata(pdf, info)
    return pdf


def write_pdfa(pages: Sequence[PdfPage], out: Path, info: DocumentInfo) -> None:
    """Write `pages` as a PDF/A-2b file at `out`, atomically (OutputError if it cannot)."""
    pdf = build_pdfa(pages, info)

    def save(handle: BinaryIO) -> None:
        pdf.save(
            handle,
            min_version=PDF_VERSION,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            linearize=False,
        )

    with pdf:
        write_atomically(out, save)
