"""Pages of an input PDF as images: a full-page scan image as it is, anything else rendered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
from PIL import Image

from app.errors import DependencyError, InputError

RENDER_DPI = 300.0
_STATE_OPS = frozenset({"q", "Q", "cm", "w", "J", "j", "M", "d", "ri", "i", "gs"})
_ROTATIONS = {  # /Rotate turns the page clockwise; Pillow's ROTATE_n turns counter-clockwise
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class _Plan:
    """How one page becomes an image: its own embedded image, or a rendering, at `dpi`."""

    dpi: float
    image: pikepdf.Stream | None  # the page's full-page image, None = render
    rotate: int


def pdf_pages(path: Path, *, max_pixels: int) -> Iterator[tuple[Image.Image, float]]:
    """Check the whole PDF first (password, structure, size), then yield (image, dpi) per page."""
    pdf = _open(path)
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        pdf.close()
        raise _broken(path, err) from err
    try:
        plans = [_plan(path, page, doc[i], max_pixels) for i, page in enumerate(pdf.pages)]
        if not plans:
            raise InputError(f"{path} has no pages.", hint="Check the file, or leave it out.")
        for index, plan in enumerate(plans):
            yield _page_image(doc[index], plan), plan.dpi
    finally:
        doc.close()
        pdf.close()


def _open(path: Path) -> pikepdf.Pdf:
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError as err:
        raise InputError(
            f"{path} is protected by a password.",
            hint="Remove the password first, e.g. qpdf --decrypt --password=… in.pdf out.pdf.",
        ) from err
    except (pikepdf.PdfError, OSError, ValueError) as err:
        raise _broken(path, err) from err


def _broken(path: Path, err: Exception) -> InputError:
    return InputError(
        f"{path} is not a readable PDF ({err}).",
        hint="Export or save the PDF again from its source, then retry.",
    )


def _plan(path: Path, page: pikepdf.Page, pdfium_page: pdfium.PdfPage, max_pixels: int) -> _Plan:
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    found = _full_page_image(page)
    if found is not None:
        image, dpi = found
        pixels = int(image.Width) * int(image.Height)
        plan = _Plan(dpi=dpi, image=image, rotate=rotate)
    else:
        width, height = pdfium_page.get_size()
        pixels = round(width / 72 * RENDER_DPI) * round(height / 72 * RENDER_DPI)
        plan = _Plan(dpi=RENDER_DPI, image=None, rotate=rotate)
    if pixels > max_pixels:
        raise InputError(
            f"{path} has a page of {pixels:,} pixels, over the limit of {max_pixels:,}.",
            hint="This may be a decompression bomb; if the file is genuine, split or shrink it.",
        )
    return plan


def _full_page_image(page: pikepdf.Page) -> tuple[pikepdf.Stream, float] | None:
    """The page's one image and its resolution, if the page is exactly that image."""
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    xobjects = resources.get("/XObject", pikepdf.Dictionary())
    images = {k: v for k, v in xobjects.items() if v.get("/Subtype") == pikepdf.Name.Image}
    if len(images) != 1:
        return None
    name, image = next(iter(images.items()))
    if not isinstance(image, pikepdf.Stream) or image.get("/ImageMask"):
        return None
    if any(key in image for key in ("/SMask", "/Mask", "/Decode")):
        return None
    ctm = _draw_matrix(page, name)
    if ctm is None:
        return None
    a, b, c, d, e, f = ctm
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    covers = all(abs(p - q) <= 1.0 for p, q in ((e, x0), (f, y0), (a, x1 - x0), (d, y1 - y0)))
    if abs(b) > 1e-6 or abs(c) > 1e-6 or not covers:
        return None
    dpi_x = int(image.Width) / (a / 72)
    dpi_y = int(image.Height) / (d / 72)
    if abs(dpi_x - dpi_y) > 0.01 * dpi_x:
        return None
    return image, _tidy(dpi_x)


def _draw_matrix(page: pikepdf.Page, name: str) -> Matrix | None:
    """The CTM at the page's single `Do` of image `name`, or None if the page draws more."""
    ctm: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[Matrix] = []
    drawn: Matrix | None = None
    for instruction in pikepdf.parse_content_stream(page):
        op = str(instruction.operator)
        if op == "Do" and drawn is None and str(instruction.operands[0]) == name:
            drawn = ctm
        elif op not in _STATE_OPS:
            return None
        elif op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm":
            ctm = _multiply(tuple(float(v) for v in instruction.operands), ctm)  # type: ignore[arg-type]
    return drawn


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)  # fmt: skip


def _tidy(dpi: float) -> float:
    """Round away float noise: 299.9999 -> 300.0."""
    nearest = round(dpi)
    return float(nearest) if abs(dpi - nearest) < 0.01 else round(dpi, 2)


def _page_image(pdfium_page: pdfium.PdfPage, plan: _Plan) -> Image.Image:
    if plan.image is not None:
        try:
            image = pikepdf.PdfImage(plan.image).as_pil_image()
        except pikepdf.DependencyError as err:  # JBIG2: pikepdf runs the jbig2dec program
            raise DependencyError(
                f"Decoding this PDF's JBIG2 images needs the program jbig2dec ({err}).",
                hint="Install the Debian package jbig2dec: sudo apt-get install jbig2dec",
            ) from err
        except (pikepdf.PdfError, NotImplementedError, ValueError, OSError):
            image = None  # a filter Pillow cannot decode: let pdfium draw it at the same dpi
        if image is not None:
            turn = _ROTATIONS.get(plan.rotate)
            return image.transpose(turn) if turn is not None else image
    rendered: Image.Image = pdfium_page.render(scale=plan.dpi / 72).to_pil()
    arr = np.asarray(rendered)
    if (
        rendered.mode == "RGB"
        and (arr[..., 0] == arr[..., 1]).all()
        and (arr[..., 1] == arr[..., 2]).all()
    ):
        return rendered.convert("L")
    return rendered
