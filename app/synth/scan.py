"""Put a rendered sheet on a simulated scanner bed: skew, turn, perspective, bed, sensor."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from app.synth.document import DocumentFields, RenderedPage
from app.synth.sensor import add_noise, bed, blur, cast_shadow, edge_shadow

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class ScanOptions:
    """How the sheet lies on the bed and what the sensor adds."""

    skew_deg: float = 0.0  # counter-clockwise positive rotation of the sheet on the bed
    orientation: int = 0  # 0/90/180/270: the clockwise turn that brings the sheet upright
    bed: str = "dark"  # "dark" (near-black lid/ADF backing), "light" / "grey" lid, "adf" white
    bed_margin_mm: float = 8.0  # least bed visible around the sheet's bounding box
    bed_mm: tuple[float, float] | None = None  # a bed this big (w, h): a small sheet lies in it
    perspective_px: float = 0.0  # max random displacement of each corner
    noise_sigma: float = 3.0
    shadow: bool = False  # soft shadow along one side of the scan
    blur_sigma: float = 0.0


@dataclass(frozen=True)
class ScanTruth:
    """What the scan shows, exactly."""

    outline: Quad  # TL, TR, BR, BL corners of the upright sheet, in scan pixels (edge convention)
    skew_deg: float
    orientation: int
    blank: bool
    text: str
    fields: DocumentFields | None
    dpi: int


def _rotation(orientation: int, skew_deg: float) -> np.ndarray:
    """The 2x2 matrix turning the sheet counter-clockwise on screen (y down) by both angles."""
    exact = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}  # (cos, sin) of the turn
    if orientation not in exact:
        raise ValueError(f"orientation must be 0, 90, 180 or 270, not {orientation}")
    c0, s0 = exact[orientation]
    turn = np.array([[c0, s0], [-s0, c0]], np.float64)
    a = math.radians(skew_deg)
    skew = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]])
    return skew @ turn


def _apply(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    homog = np.c_[points, np.ones(len(points))] @ matrix.T
    return homog[:, :2] / homog[:, 2:]


def sheet_to_scan(
    size: tuple[int, int], opts: ScanOptions, dpi: int, rng: np.random.Generator
) -> tuple[np.ndarray, tuple[int, int]]:
    """The 3x3 matrix from sheet to scan coordinates, and the scan size (width, height).

    Coordinates follow the edge convention: the sheet's corners are (0, 0) and (W, H), pixel
    (i, j) covers [i, i+1) x [j, j+1) and its centre is (i + 0.5, j + 0.5).
    """
    w, h = size
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64)
    affine = np.eye(3)
    affine[:2, :2] = _rotation(opts.orientation, opts.skew_deg)
    placed = corners @ affine[:2, :2].T
    matrix = affine
    if opts.perspective_px > 0:
        moved = placed + rng.uniform(-opts.perspective_px, opts.perspective_px, placed.shape)
        homography = cv2.getPerspectiveTransform(placed.astype(np.float32),
                                                 moved.astype(np.float32)).astype(np.float64)
        matrix = homography @ affine
        placed = _apply(matrix, corners)  # what the warp will do, to the last bit
    margin = opts.bed_margin_mm / 25.4 * dpi
    shift = np.eye(3)
    shift[:2, 2] = margin - placed.min(axis=0)
    extent = placed.max(axis=0) - placed.min(axis=0) + 2 * margin
    if opts.bed_mm is not None:  # the sheet near the bed's top-left corner, the bed beyond
        extent = np.maximum(extent, np.asarray(opts.bed_mm) / 25.4 * dpi)
    return shift @ matrix, (math.ceil(extent[0]), math.ceil(extent[1]))


def simulate_scan(
    page: RenderedPage, opts: ScanOptions, rng: np.random.Generator
) -> tuple[np.ndarray, ScanTruth]:
    """Scan `page` at its own dpi (100 % scale) and return the RGB image with its truth.

    The sheet is warped once (bilinear) onto a black canvas together with a coverage mask;
    the bed shows where the coverage is below full, so the sheet's edges blend over ~1 px.
    """
    h, w = page.image.shape[:2]
    matrix, (out_w, out_h) = sheet_to_scan((w, h), opts, page.dpi, rng)
    half = np.array([[1, 0, 0.5], [0, 1, 0.5], [0, 0, 1]])
    unhalf = np.array([[1, 0, -0.5], [0, 1, -0.5], [0, 0, 1]])
    cv_matrix = unhalf @ matrix @ half  # OpenCV indexes pixel centres: index = edge coord - 0.5
    if opts.perspective_px > 0:
        warp = lambda src: cv2.warpPerspective(  # noqa: E731
            src, cv_matrix, (out_w, out_h), flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    else:
        warp = lambda src: cv2.warpAffine(  # noqa: E731
            src, cv_matrix[:2], (out_w, out_h), flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    sheet = warp(page.image)
    cover = warp(np.full((h, w), 255, np.uint8))
    background = bed(out_h, out_w, opts.bed, rng)
    if opts.bed != "dark":
        cast_shadow(background, cover, page.dpi, rng)
    uncovered = 255 - cover
    scan = cv2.add(sheet, cv2.multiply(background, cv2.merge([uncovered] * 3), scale=1 / 255))
    if opts.shadow:
        edge_shadow(scan, rng)
    scan = add_noise(blur(scan, opts.blur_sigma), opts.noise_sigma, rng)
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64)
    outline = tuple((float(x), float(y)) for x, y in _apply(matrix, corners))
    truth = ScanTruth(
        outline=outline,  # type: ignore[arg-type]
        skew_deg=opts.skew_deg,
        orientation=opts.orientation,
        blank=page.text == "",
        text=page.text,
        fields=page.fields,
        dpi=page.dpi,
    )
    return scan, truth
