"""Page analysis: outline, skew, orientation, blank and quality findings for one scan."""

from __future__ import annotations

import numpy as np

from app.imaging.blank import ink_stats
from app.imaging.ink import ink_mask, region_mask
from app.imaging.lines import Line, quad_from_lines, quad_skew, rotated_rect
from app.imaging.orientation import Vote, orientation
from app.imaging.outline import SIDES, find_sides, is_light_bed
from app.imaging.quality import blur_mm, exposure_flags, format_flags, is_blurry, touches_border
from app.imaging.refine import refine_edge
from app.imaging.skew import line_strength, text_skew
from app.imaging.upright import Upright, decide
from app.imaging.warp import geometry_for, render, turn_quad
from app.imaging.work import as_uint8, finer, make_work
from app.page import Findings, Flag, Geometry, Quad

MARGIN_MM = 4.0  # band inside the sheet edge left out of ink measurements
CUT_TOLERANCE_MM = 1.0
SHADOW_MM = 1.0  # widest shadow of a sheet's edge on a light lid
MIN_POINTS = 200
CHROMA = 60  # ink this colourful (red, blue) is a seal or a signature, not print


def _border_lines(w: float, h: float) -> dict[str, Line]:
    """Return the image's own borders as lines, keyed by side."""
    def line(p: tuple[float, float], d: tuple[float, float]) -> Line:
        return np.array(p, dtype=float), np.array(d, dtype=float)
    return {"top": line((0, 0), (1, 0)), "right": line((w, 0), (0, 1)),
            "bottom": line((0, h), (1, 0)), "left": line((0, 0), (0, 1))}


def _outline(image: np.ndarray, grey: np.ndarray, factor: int,
             dpi: float) -> tuple[Quad | None, int]:
    """Return the sheet outline in raw pixels (image-frame corner order) and the sides found.

    On a light lid or white ADF backing the sheet shows mostly by the thin shadow its edge
    casts (under a millimetre): the edges are sought on a copy twice as fine as `grey`.
    """
    light = is_light_bed(grey)
    if factor > 1 and light:
        factor //= 2
        grey = finer(image, factor)
        dpi *= 2
    sides, scale = find_sides(grey, dpi)
    if not sides:
        return None, 0
    h, w = image.shape[:2]
    lines = _border_lines(float(w), float(h))
    shadow_px = SHADOW_MM / 25.4 * dpi * factor if light else 0.0  # raw pixels
    factor *= scale
    for name, side in sides.items():
        lines[name] = (side.line[0] * factor, side.line[1])
    coarse = np.array(quad_from_lines(*(lines[s] for s in SIDES)))
    corner_pairs = {"top": (0, 1), "right": (1, 2), "bottom": (2, 3), "left": (3, 0)}
    for name in sides:
        i, j = corner_pairs[name]
        fine = refine_edge(image, coarse[i], coarse[j], 2.0 * factor + 3, sides[name].polarity,
                           shadow_px)
        if fine is not None:
            lines[name] = fine
    return quad_from_lines(*(lines[s] for s in SIDES)), len(sides)


def _clipped(quad: Quad, shape: tuple[int, ...], dpi: float) -> bool:
    """Return True if a corner of the outline lies outside the image."""
    tol = CUT_TOLERANCE_MM / 25.4 * dpi
    h, w = shape[:2]
    return any(x < -tol or y < -tol or x > w + tol or y > h + tol for x, y in quad)


def analyse(image: np.ndarray, dpi: float) -> tuple[Geometry, Findings]:
    """Measure a raw scan: where the upright page lies and what the clerk should know."""
    raw = as_uint8(image)
    work = make_work(raw, dpi)
    f, grey = work.factor, work.grey
    h, w = raw.shape[:2]
    outline, n_sides = _outline(raw, grey, f, work.dpi)
    frame = outline if outline is not None else rotated_rect(w / 2, h / 2, w, h, 0.0)
    inset = max(1, round(MARGIN_MM / 25.4 * work.dpi))
    region = region_mask(grey.shape, np.asarray(frame) / f, inset)
    ink = ink_mask(grey, work.dpi)
    stats = ink_stats(ink, region, work.dpi)
    x, y = stats.xs + 0.5, stats.ys + 0.5
    enough = x.size >= MIN_POINTS
    if outline is not None:
        skew = quad_skew(outline)
        vertical = enough and line_strength(x, y, skew, True) > line_strength(x, y, skew, False)
    elif enough:
        skew, vertical, _ = text_skew(x, y)
    else:
        skew, vertical = 0.0, False
    # text votes on which way is up; rules, red seals and blue signatures do not
    text = ~stats.rule & (work.chroma[stats.ys, stats.xs] < CHROMA)
    base = outline if outline is not None else rotated_rect(w / 2, h / 2, w, h, skew)
    if enough and not stats.blank:
        vote = orientation(x[text], y[text], skew, vertical)
        up = decide(raw, base, vote, dpi)
    else:
        vote, up = Vote(0, 0.0, 0), Upright(0, False, "none")
    quad = turn_quad(base, up.turn // 90)

    paper = grey[::3, ::3][region[::3, ::3] & ~ink[::3, ::3]]
    paper_luma = float(np.median(paper if paper.size else grey))
    dark = grey[stats.ys, stats.xs]
    contrast = paper_luma - float(np.percentile(dark, 5)) if dark.size else 0.0
    blur = blur_mm(raw, stats.ys, stats.xs, f, dpi) if not stats.blank else 0.0

    flags = format_flags(image, dpi) | exposure_flags(paper_luma, contrast, stats.blank)
    if stats.blank:
        flags.add(Flag.BLANK)
    if up.unsure:
        flags.add(Flag.ORIENTATION_UNSURE)
    if is_blurry(blur, dpi):
        flags.add(Flag.BLURRY)
    if outline is None:
        flags.add(Flag.NO_OUTLINE)
        if touches_border(ink):
            flags.add(Flag.CUT_OFF)
    elif n_sides < 4 or _clipped(outline, raw.shape, dpi):
        flags.add(Flag.CUT_OFF)
    metrics = {"ink_ratio": stats.ratio, "ink_marks": float(stats.marks),
               "paper_luma": paper_luma, "contrast": contrast, "blur_mm": blur,
               "outline_sides": float(n_sides), "orientation_score": vote.score,
               "orientation_lines": float(vote.lines), "osd_confidence": up.osd_confidence,
               "osd_timeout": float(up.source == "osd_timeout")}
    findings = Findings(outline=quad if outline is not None else None, skew_deg=skew,
                        orientation=up.turn, flags=frozenset(flags), metrics=metrics)
    return geometry_for(quad), findings


def clean(image: np.ndarray, dpi: float) -> tuple[np.ndarray, Geometry, Findings]:
    """Analyse a raw scan and render the upright page."""
    geometry, findings = analyse(image, dpi)
    return render(image, geometry), geometry, findings
