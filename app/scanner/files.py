"""Reads JPEG, PNG, TIFF and PDF files as pages, each saved losslessly to the recovery folder."""

from __future__ import annotations

import contextlib
import re
import struct
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from app.errors import InputError
from app.page import RawPage
from app.scanner.pdf_input import pdf_pages
from app.scanner.recovery import RecoveryFolder

SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"})
IMAGE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF"})
MIN_DPI = 20.0  # below this, a resolution tag is an aspect ratio or a placeholder
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError)
_CONVERT_HINT = "Open it and save it again (or export it) as PNG, TIFF, JPEG or PDF."
# One page at most: 64 million pixels (A4 at 800 dpi, A3 at 550 dpi) keeps its clean-up under
# 1 GB of memory (75 million took 1.05 GB; 196 million, 2.4 GB). Documents need 300 dpi.
MAX_PIXELS = 64_000_000


def natural_sort_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting "page2" before "page10" (numbers compared as numbers, case ignored)."""
    parts = re.split(r"(\d+)", name)
    return tuple((1, int(p)) if p.isdigit() else (0, p.casefold()) for p in parts if p)


def read_files(
    paths: Sequence[Path],
    store: RecoveryFolder,
    *,
    fallback_dpi: float,
    max_pixels: int = MAX_PIXELS,
) -> Iterator[RawPage]:
    """Yield every page of every file, in order, each saved to `store` as it is read.

    A bad file raises InputError naming it, before anything of that file is saved.
    """
    for path in paths:
        _check_present(path)
        if _is_pdf(path):
            for image, dpi in pdf_pages(path, max_pixels=max_pixels):
                yield _save(store, image, dpi)
        else:
            yield from _image_pages(path, store, fallback_dpi, max_pixels)


def _check_present(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path} does not exist.", hint="Check the file name and folder.")
    if not path.is_file():
        raise InputError(f"{path} is not a file.", hint="Give the files inside it instead.")
    if path.stat().st_size == 0:
        raise InputError(f"{path} is empty (0 bytes).", hint="Copy or export the file again.")


def _is_pdf(path: Path) -> bool:
    with path.open("rb") as fh:
        return b"%PDF-" in fh.read(1024)


def _save(store: RecoveryFolder, image: Image.Image, dpi: float) -> RawPage:
    mode = {"1": "lineart", "L": "gray"}.get(image.mode, "color")
    return store.save(image, dpi=dpi, source="file", mode=mode)


def _image_pages(
    path: Path, store: RecoveryFolder, fallback_dpi: float, max_pixels: int
) -> Iterator[RawPage]:
    # Every frame is decoded once before the first is saved, so a bad frame saves nothing.
    first, frames = _decode_frame(path, 0, max_pixels, fallback_dpi)
    for index in range(1, frames):
        _decode_frame(path, index, max_pixels, fallback_dpi)
    yield _save(store, *first)
    for index in range(1, frames):
        yield _save(store, *_decode_frame(path, index, max_pixels, fallback_dpi)[0])


def _decode_frame(
    path: Path, index: int, max_pixels: int, fallback_dpi: float
) -> tuple[tuple[Image.Image, float], int]:
    """Fully decode frame `index`: ((normalised image, dpi), number of frames in the file)."""
    with _pixel_limit(max_pixels):
        try:
            with Image.open(path) as im:
                if im.format not in IMAGE_FORMATS:
                    raise InputError(
                        f"{path} is a {im.format} image, which is not supported.",
                        hint=_CONVERT_HINT,
                    )
                frames = int(getattr(im, "n_frames", 1)) if im.format == "TIFF" else 1
                im.seek(index)
                _check_pixels(path, im, max_pixels)
                im.load()
                dpi = _dpi(im.info) or fallback_dpi
                return (_normalise(ImageOps.exif_transpose(im)), dpi), frames
        except UnidentifiedImageError as err:
            raise InputError(
                f"{path} is not a supported image or PDF.", hint=_CONVERT_HINT
            ) from err
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
            raise _bomb(path, max_pixels) from err
        except _DECODE_ERRORS as err:
            raise InputError(
                f"{path} is damaged or cut short ({err}).",
                hint="Copy the file again from its source, or re-scan the page.",
            ) from err


@contextlib.contextmanager
def _pixel_limit(max_pixels: int) -> Iterator[None]:
    """Make Pillow's decompression-bomb guard use `max_pixels`, warnings included, for a while."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _check_pixels(path: Path, im: Image.Image, max_pixels: int) -> None:
    if im.width * im.height > max_pixels:
        raise _bomb(path, max_pixels, f"{im.width}×{im.height} pixels")


def _bomb(path: Path, max_pixels: int, size: str = "") -> InputError:
    return InputError(
        f"{path} is too large{f' ({size})' if size else ''}: a page may have at most "
        f"{max_pixels:,} pixels.",
        hint="Scan or export it again at 300 dpi (enough for documents), or split it; a file "
        "from outside this large may be a decompression bomb.",
    )


def _dpi(info: Mapping[Any, Any]) -> float | None:
    value = info.get("dpi")
    if not isinstance(value, tuple) or not value:
        return None
    try:
        dpi = float(value[0])
    except (TypeError, ValueError):
        return None
    if dpi < MIN_DPI:
        return None
    nearest = round(dpi)
    return float(nearest) if abs(dpi - nearest) < 0.01 else round(dpi, 2)


def _normalise(im: Image.Image) -> Image.Image:
    """8-bit RGB for colour, 8-bit L for grey, "1" for 1-bit; alpha flattened onto white."""
    if im.mode in ("1", "L", "RGB"):
        return im.copy()
    if im.mode.startswith("I;16") or im.mode == "I":
        wide = np.asarray(im).astype(np.float64)
        return Image.fromarray(np.clip(np.rint(wide / 257.0), 0, 255).astype(np.uint8), "L")
    if im.mode == "F":
        return im.convert("L")
    has_alpha = "A" in im.mode or "a" in im.mode or "transparency" in im.info
    if not has_alpha:
        return im.convert("RGB")
    grey = im.mode in ("LA", "La")
    white = Image.new("RGBA", im.size, (255, 255, 255, 255))
    flat = Image.alpha_composite(white, im.convert("RGBA")).convert("RGB")
    return flat.convert("L") if grey else flat
