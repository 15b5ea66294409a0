"""The per-page steps, in order, each a pure function of the page's state and the options."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from app.errors import InputError
from app.imaging import analyse, render
from app.imaging.work import as_uint8
from app.ocr.base import OcrEngine, OcrResult
from app.page import Findings, Geometry, Page, RawPage
from app.pdf.image import DEFAULT_QUALITY, EncodedImage, encode_image


@dataclass(frozen=True)
class PageOptions:
    """What every page of a run is processed with."""

    engine: OcrEngine
    jpeg_quality: int = DEFAULT_QUALITY


@dataclass(frozen=True)
class PageState:
    """A page part-way through the steps; `image` never leaves the worker process."""

    raw: RawPage
    image: np.ndarray | None = None
    geometry: Geometry | None = None
    findings: Findings | None = None
    ocr: OcrResult | None = None
    encoded: EncodedImage | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class PageOutcome:
    """What a worker sends back for one page: the page value, its text and its encoded image."""

    page: Page
    ocr: OcrResult
    encoded: EncodedImage
    timings_ms: dict[str, float]


Step = Callable[[PageState, PageOptions], PageState]


def load_image(raw: RawPage) -> np.ndarray:
    """The raw page read back from the recovery folder as RGB (or grey), 8 bits per sample."""
    pixels = cv2.imread(str(raw.path), cv2.IMREAD_UNCHANGED)
    if pixels is None:
        raise InputError(
            f"Cannot read the saved page {raw.path}.",
            hint="The batch folder may be damaged; rescan the page.",
            code="page.unreadable", params={"path": str(raw.path)},
        )
    if pixels.ndim == 3:
        code = cv2.COLOR_BGRA2RGB if pixels.shape[2] == 4 else cv2.COLOR_BGR2RGB
        pixels = cv2.cvtColor(pixels, code)
    return as_uint8(pixels)


def recognise(image: np.ndarray, dpi: float, blank: bool, engine: OcrEngine) -> OcrResult:
    """OCR an upright page; a blank page is not read."""
    return OcrResult(words=(), lang="") if blank else engine.recognize(image, dpi)


def load(state: PageState, options: PageOptions) -> PageState:
    """Read the raw page from the recovery folder as RGB (or grey)."""
    return replace(state, image=load_image(state.raw))


def clean_up(state: PageState, options: PageOptions) -> PageState:
    """Find the page, crop, straighten and turn it upright; flag blank and poor pages."""
    assert state.image is not None
    geometry, findings = analyse(state.image, state.raw.dpi)
    return replace(state, image=render(state.image, geometry), geometry=geometry, findings=findings)


def read_text(state: PageState, options: PageOptions) -> PageState:
    """OCR the straightened page; blank pages are not read."""
    assert state.image is not None and state.findings is not None
    ocr = recognise(state.image, state.raw.dpi, state.findings.blank, options.engine)
    return replace(state, ocr=ocr)


def encode(state: PageState, options: PageOptions) -> PageState:
    """Compress the page image for the PDF, at its own dpi."""
    assert state.image is not None
    encoded = encode_image(state.image, state.raw.dpi, quality=options.jpeg_quality)
    return replace(state, encoded=encoded, image=None)


PAGE_STEPS: tuple[tuple[str, Step], ...] = (
    ("load", load),
    ("cleanup", clean_up),
    ("ocr", read_text),
    ("encode", encode),
)


def run_page(raw: RawPage, options: PageOptions) -> PageOutcome:
    """Run every step on one page and return its outcome (called in a worker process)."""
    state = PageState(raw=raw)
    timings: dict[str, float] = {}
    for name, step in PAGE_STEPS:
        start = time.perf_counter()
        state = step(state, options)
        timings[name] = (time.perf_counter() - start) * 1000.0
    assert state.geometry and state.findings and state.ocr and state.encoded
    page = Page(raw=raw, geometry=state.geometry, findings=state.findings)
    return PageOutcome(page=page, ocr=state.ocr, encoded=state.encoded, timings_ms=timings)
