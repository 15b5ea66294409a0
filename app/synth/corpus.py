"""A deterministic stream of varied synthetic scans with their truth, for tests and benchmarks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from app.synth.document import RenderedPage, render_page
from app.synth.scan import ScanOptions, ScanTruth, simulate_scan

WHITE_PAPERS = ((255, 255, 255), (252, 251, 247), (248, 248, 250), (250, 248, 240))
TINTED_PAPERS = (
    (245, 238, 220),  # cream
    (226, 226, 222),  # light grey
    (242, 234, 190),  # yellowish
    (246, 226, 230),  # pink
    (222, 234, 246),  # blue
    (170, 160, 140),  # old brown
    (185, 184, 178),  # dark grey recycled
)


@dataclass(frozen=True)
class Sample:
    """One synthetic scan, its truth and a name that says how it was made."""

    image: np.ndarray
    truth: ScanTruth
    name: str  # "p0007-skew+3.2-o180-dark", with "-blank" for a blank sheet
    sheet: RenderedPage  # the upright sheet as printed, before the scanner saw it


def skew_angle(rng: np.random.Generator) -> float:
    """Mostly within ±5° (80 %: normal, sd 1.8°, clipped), else uniform within ±15°."""
    if rng.random() < 0.8:
        return round(float(np.clip(rng.normal(0, 1.8), -5, 5)), 2)
    return round(float(rng.uniform(-15, 15)), 2)


def _orientation(rng: np.random.Generator) -> int:
    roll = rng.random()
    return 180 if roll < 0.10 else 90 if roll < 0.15 else 270 if roll < 0.20 else 0


def _paper(rng: np.random.Generator) -> tuple[int, int, int]:
    table = TINTED_PAPERS if rng.random() < 0.15 else WHITE_PAPERS
    base = np.asarray(table[int(rng.integers(len(table)))]) + rng.integers(-3, 4, 3)
    r, g, b = (int(v) for v in np.clip(base, 0, 255))
    return (r, g, b)


def sample(index: int, seed: int = 0, dpi: int = 300) -> Sample:
    """The `index`-th sample of the corpus for `seed` (each index has its own random stream)."""
    rng = np.random.default_rng([seed, index])
    blank = rng.random() < 0.08
    page = render_page(
        rng,
        dpi=dpi,
        first_page=rng.random() < 0.6,
        blank=blank,
        paper_rgb=_paper(rng),
        content_to_edge=rng.random() < 0.10,
    )
    opts = ScanOptions(
        skew_deg=skew_angle(rng),
        orientation=_orientation(rng),
        bed="dark" if rng.random() < 0.5 else "light",
        bed_margin_mm=float(rng.uniform(3, 15)),
        perspective_px=float(rng.uniform(0, 0.005) * page.image.shape[1]) if rng.random() < 0.3
        else 0.0,
        noise_sigma=float(rng.uniform(1, 4)),
        shadow=rng.random() < 0.15,
        blur_sigma=float(rng.uniform(0.3, 1.0)) if rng.random() < 0.5 else 0.0,
    )
    image, truth = simulate_scan(page, opts, rng)
    name = f"p{index:04d}-skew{opts.skew_deg:+.1f}-o{opts.orientation}-{opts.bed}"
    return Sample(image, truth, name + ("-blank" if blank else ""), page)


def corpus(n: int, seed: int = 0, dpi: int = 300) -> Iterator[Sample]:
    """`n` samples, deterministic for `seed`.

    Mix, each drawn independently per sample: 8 % blank sheets (60 % of them with
    bleed-through, 40 % with two punch holes); orientation 180 10 %, 90 5 %, 270 5 %;
    skew 80 % within ±5° (normal, sd 1.8°), 20 % uniform within ±15°; dark or light bed
    50/50 with 3-15 mm margins; 15 % tinted or dark paper; 10 % content to the sheet
    edges; 30 % perspective (corners moved up to 0-0.5 % of the sheet width); 15 % edge
    shadow; noise sd 1-4 levels; 50 % blur (sigma 0.3-1 px); 60 % first pages.
    """
    for index in range(n):
        yield sample(index, seed, dpi)
