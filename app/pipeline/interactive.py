"""The interactive page session the desk drives: the same steps as `scan`, page by page."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from app.extract.read import read_fields
from app.extract.reread import Rereader
from app.imaging import analyse, render, turn
from app.imaging.warp import geometry_for
from app.imaging.work import as_uint8
from app.ocr.base import OcrEngine, OcrResult
from app.ocr.factory import make_engine
from app.page import Flag, Geometry, Point, Quad, RawPage
from app.pdf.image import EncodedImage, encode_image
from app.pdf.pdfa import PdfPage
from app.pipeline.documents import write_pages
from app.pipeline.journal import PageRecord
from app.pipeline.steps import load_image, recognise

THUMB_PX = 180  # the long side of a strip thumbnail
PREVIEW_PX = 1400  # the long side of the reduced raw image kept for the preview
SHOWN_FLAGS = (Flag.BLANK, Flag.LOW_DPI, Flag.CUT_OFF, Flag.NO_OUTLINE, Flag.BLURRY,
               Flag.ORIENTATION_UNSURE)
SKEW_FLAG_DEG = 3.0  # straightened by more: a misfed sheet, worth a look (0.5–2° is any feeder)


@dataclass(frozen=True)
class ScanPage:
    """A page in the strip: raw scan, clean-up as data, reduced images, OCR when done."""

    raw: RawPage
    geometry: Geometry
    flags: frozenset[str]
    skew_deg: float
    preview: np.ndarray = field(repr=False, compare=False)  # reduced raw image (RGB)
    scale: float = 1.0  # preview pixels per raw pixel
    thumb: np.ndarray = field(default_factory=lambda: np.zeros((1, 1, 3), np.uint8), repr=False,
                              compare=False)
    ocr: OcrResult | None = None
    ocr_geometry: Geometry | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    encoded: EncodedImage | None = field(default=None, repr=False, compare=False)  # as filed

    @property
    def as_filed(self) -> bool:
        """A page of a filed document the clerk has not changed (its image is reused as is)."""
        return self.encoded is not None

    @property
    def record(self) -> PageRecord:
        """The page as the batch journal keeps it (raw file, clean-up as data)."""
        return PageRecord(self.id, self.raw, self.geometry, self.flags, self.skew_deg)

    @property
    def ocr_current(self) -> bool:
        return self.ocr is not None and self.ocr_geometry == self.geometry

    def with_geometry(self, geometry: Geometry) -> ScanPage:
        """The same page (same id) cropped or turned anew; the thumbnail is re-rendered."""
        moved = replace(self, geometry=geometry, encoded=None)
        return replace(moved, thumb=thumbnail(moved))

    def rotated(self, quarter_turns: int) -> ScanPage:
        """The page turned by the clerk, who has now judged which way is up."""
        turned = self.with_geometry(turn(self.geometry, quarter_turns))
        return replace(turned, flags=turned.flags - {Flag.ORIENTATION_UNSURE.value})

    def with_corner(self, corner: int, point: Point) -> ScanPage:
        """The clerk dragged outline handle `corner` (0 = the output's top-left) to `point`."""
        quad = list(self.geometry.quad)
        quad[corner] = point
        return self.with_geometry(geometry_for((quad[0], quad[1], quad[2], quad[3])))


def _reduced(image: np.ndarray) -> tuple[np.ndarray, float]:
    scale = min(1.0, PREVIEW_PX / max(image.shape[:2]))
    if scale >= 1.0:
        return image, 1.0
    size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), scale


def _rgb(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image


def scaled_quad(quad: Quad, scale: float) -> Quad:
    """The quad in the preview's pixels."""
    p = [(x * scale, y * scale) for x, y in quad]
    return (p[0], p[1], p[2], p[3])


def preview_upright(page: ScanPage) -> np.ndarray:
    """The cleaned page at the reduced raw image's scale (`page.scale`): fast, for the screen."""
    w, h = page.geometry.size
    small = Geometry(scaled_quad(page.geometry.quad, page.scale),
                     (max(1, round(w * page.scale)), max(1, round(h * page.scale))))
    return render(page.preview, small)


def thumbnail(page: ScanPage) -> np.ndarray:
    """The cleaned page, small, rendered from the reduced raw image with the page's geometry."""
    upright = preview_upright(page)
    factor = THUMB_PX / max(upright.shape[:2])
    size = (max(1, round(upright.shape[1] * factor)), max(1, round(upright.shape[0] * factor)))
    return np.ascontiguousarray(cv2.resize(upright, size, interpolation=cv2.INTER_AREA))


def clean_page(raw: RawPage, pixels: np.ndarray | None = None) -> ScanPage:
    """Find and straighten a page the scanner handed over, and make its thumbnail.

    `pixels` are the page as the scanner delivered it (RGB or grey), handed over in memory;
    without them the page is read back from its recovery file.
    """
    image = as_uint8(pixels) if pixels is not None else load_image(raw)
    geometry, findings = analyse(image, raw.dpi)
    preview, scale = _reduced(_rgb(image))
    flags = {str(f) for f in findings.flags if f in SHOWN_FLAGS}
    if abs(findings.skew_deg) > SKEW_FLAG_DEG:
        flags.add("skew")
    page = ScanPage(raw, geometry, frozenset(flags), findings.skew_deg, preview, scale)
    return replace(page, thumb=thumbnail(page))


def kept_page(raw: RawPage, image: np.ndarray, encoded: EncodedImage | None) -> ScanPage:
    """A page of a filed document back in the strip: already upright and cropped, no flags."""
    h, w = image.shape[:2]
    geometry = Geometry(((0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))),
                        (w, h))
    preview, scale = _reduced(_rgb(image))
    page = ScanPage(raw, geometry, frozenset(), 0.0, preview, scale, encoded=encoded)
    return replace(page, thumb=thumbnail(page))


def restored_page(record: PageRecord) -> ScanPage:
    """A page of an interrupted batch, read back from its raw file with the clean-up its
    journal kept (InputError when the file cannot be read)."""
    preview, scale = _reduced(_rgb(load_image(record.raw)))
    page = ScanPage(record.raw, record.geometry, record.flags, record.skew_deg, preview, scale,
                    id=record.id)
    return replace(page, thumb=thumbnail(page))


def upright_image(page: ScanPage) -> np.ndarray:
    """The page at full resolution, cropped, straightened and turned."""
    return render(load_image(page.raw), page.geometry)


def read_page(page: ScanPage, engine: OcrEngine) -> ScanPage:
    """OCR the page as it is now (a blank page is not read)."""
    result = recognise(upright_image(page), page.raw.dpi, "blank" in page.flags, engine)
    return replace(page, ocr=result, ocr_geometry=page.geometry)


@dataclass(frozen=True)
class Prefill:
    """Fields read from a first page, by profile tag, and why each suggestion is one."""

    values: dict[str, str]
    why: dict[str, str]  # tag → reason, for values offered to the clerk to confirm


_TAGS = {"codeNumber": "code_number", "codeNotation": "code_notation", "issuedDate": "issued",
         "typeName": "doc_type", "subject": "subject", "organName": "issuer"}


def prefill(page: ScanPage, pages: int, engine: OcrEngine) -> Prefill:
    """Document fields read from a first page's OCR, by profile tag (empty ones left out); a
    number or date line read unsure is read again by `engine` from the page image."""
    if page.ocr is None:
        return Prefill({}, {})
    lines = Rereader(engine, lambda: upright_image(page), page.raw.dpi)
    found = read_fields(page.ocr, page.geometry.size, pages, reread=lines).to_json()
    read = {tag: found[key] for tag, key in _TAGS.items() if found[key]["value"]}
    return Prefill({tag: str(f["value"]) for tag, f in read.items()},
                   {tag: str(f["why"]) for tag, f in read.items() if f["why"]})


def write_document(pages: list[ScanPage], out: Path, title: str, engine: OcrEngine) -> Path:
    """The document's PDF/A-2b: each page rendered, read again if turned since, encoded
    (a page kept as filed keeps its image stream byte for byte)."""
    parts: list[PdfPage] = []
    for page in pages:
        ocr = page.ocr if page.ocr_current and page.ocr is not None else None
        image = upright_image(page) if ocr is None or page.encoded is None else None
        if ocr is None:
            assert image is not None
            ocr = recognise(image, page.raw.dpi, "blank" in page.flags, engine)
        encoded = page.encoded
        if encoded is None:
            assert image is not None
            encoded = encode_image(image, page.raw.dpi)
        parts.append(PdfPage(image=encoded, words=ocr.words))
    return write_pages(parts, out, title)


def pixels_of(image: np.ndarray | Image.Image) -> np.ndarray:
    """A page handed over in memory as clean-up reads it back from the PNG: RGB or grey,
    8 bits per sample."""
    if isinstance(image, Image.Image):
        if image.mode == "1":
            image = image.convert("L")
        elif image.mode not in ("L", "RGB", "I;16"):
            image = image.convert("RGB")
        image = np.asarray(image)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = image[:, :, :3]
    return np.ascontiguousarray(as_uint8(image))


@dataclass(frozen=True)
class PageSession:
    """The desk's handle on the page pipeline, reading with the OCR engine chosen in Settings.

    Every call may block (clean-up, OCR, writing): the desk runs them in its workers.

    A page arrives → clean-up → preview data → OCR → fields; a geometry edit → what depends on it;
    pages → PDF/A.
    """

    engine: OcrEngine

    @classmethod
    def reading(cls, ocr: str = "tesseract", lang: str = "vie") -> PageSession:
        """A session whose OCR is the engine called `ocr` ("tesseract" or "none")."""
        return cls(make_engine(ocr, lang))

    def arrive(self, raw: RawPage, pixels: np.ndarray | None = None) -> ScanPage:
        """A page the scanner handed over, cleaned up, with its preview and thumbnail."""
        return clean_page(raw, pixels)

    def restore(self, record: PageRecord) -> ScanPage:
        """A page of an interrupted batch as the clerk left it (OCR is read again)."""
        return restored_page(record)

    def read(self, page: ScanPage) -> ScanPage:
        """The page with its OCR for its current geometry."""
        return read_page(page, self.engine)

    def fields(self, first: ScanPage, pages: int) -> Prefill:
        """Document fields read from a document's first page, by profile tag."""
        return prefill(first, pages, self.engine)

    def write(self, pages: list[ScanPage], out: Path, title: str) -> Path:
        """The pages as one PDF/A-2b at `out` (stale or missing OCR is read again)."""
        return write_document(pages, out, title, self.engine)
