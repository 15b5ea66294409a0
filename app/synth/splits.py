"""The bench's two corpora of hard pages: a tuning split and a held-out split kept apart."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from app.synth.corpus import Sample, _paper, skew_angle
from app.synth.document import RenderedPage, render_page
from app.synth.kinds import photocopy, sparse_last_page, table_page
from app.synth.scan import ScanOptions, simulate_scan


@dataclass(frozen=True)
class Split:
    """How one split is drawn.

    Both splits draw the same mix of page kinds, lids and sensor effects, but the held-out split has
    its own seed, its own fonts (DejaVu Serif and the typewriter-like Liberation Mono beside
    Liberation Serif; tuning uses Liberation Serif and Sans and DejaVu Sans) and its own layout
    variant (margins and leading off the decree). Parameters are tuned on the tuning split only.
    """

    name: str
    seed: int
    families: tuple[str, ...]
    variant: int  # layout variant of letterhead.Style.pick
    kinds: tuple[tuple[str, float], ...] = ()  # page kind -> share; () for KINDS


SPLITS = {
    "tuning": Split("tuning", 1401, ("liberation-serif", "liberation-sans", "dejavu-sans"), 0),
    "heldout": Split("heldout", 2914, ("liberation-serif", "dejavu-serif", "liberation-mono"), 1),
}
# page kind -> share of the corpus
KINDS = {"first": 0.3, "follow": 0.15, "sparse_last": 0.25, "a5": 0.1, "table": 0.1,
         "blank": 0.05, "photocopy": 0.05}
# dev pages, in neither split (bench.geometry_dev): the held-out layout variant and a mix of
# first, A5 and follow pages, set in dev faces as wide as the held-out ones or wider (Charis
# SIL, Noto Serif) and in monospace faces heavy (Noto Sans Mono) or thin (FreeMono); and the
# same in a Courier clone (TeX Gyre Cursor), typed as the held-out monospace pages are, and in
# a Times clone (TeX Gyre Termes), set as the held-out Liberation Serif pages are; and in a
# sans monospace (JetBrains Mono), set as the held-out Liberation Mono pages are; and two sets
# of first pages only, the second ("firsts2") in the faces closest to the held-out ones; and
# follow pages only ("follows") in wide book faces, as the held-out DejaVu Serif is
DEV_KINDS = (("first", 0.5), ("a5", 0.25), ("follow", 0.25))
DEV_SPLITS = {
    "wide": Split("wide", 9400, ("charis-serif", "noto-serif", "noto-mono", "free-mono"), 1,
                  DEV_KINDS),
    "cursor": Split("cursor", 9500, ("cursor-mono",), 1, DEV_KINDS),
    "times": Split("times", 9600, ("termes-serif",), 1, DEV_KINDS),
    "jetbrains": Split("jetbrains", 9700, ("jetbrains-mono",), 1, DEV_KINDS),
    "firsts": Split("firsts", 9800, ("termes-serif", "jetbrains-mono", "cursor-mono",
                                     "noto-serif"), 1, (("first", 1.0),)),
    "firsts2": Split("firsts2", 9900, ("noto-mono", "jetbrains-mono", "termes-serif",
                                       "charis-serif"), 1, (("first", 1.0),)),
    "follows": Split("follows", 10000, ("schola-serif", "bonum-serif", "charis-serif",
                                        "noto-serif"), 1, (("follow", 1.0),)),
}


def kinds(split: Split) -> dict[str, float]:
    """The share of each page kind in `split`."""
    return dict(split.kinds) or KINDS


def find_split(name: str) -> Split:
    """The split or dev split called `name`."""
    return SPLITS.get(name) or DEV_SPLITS[name]


# lid or backing -> share of the corpus; "light", "grey" and "adf" are the light ones
BEDS = {"dark": 0.35, "light": 0.25, "grey": 0.2, "adf": 0.2}
LIGHT_BEDS = ("light", "grey", "adf")


def _choose(rng: np.random.Generator, shares: dict[str, float]) -> str:
    keys = tuple(shares)
    p = np.asarray([shares[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _page(kind: str, rng: np.random.Generator, split: Split, dpi: int) -> RenderedPage:
    family = split.families[int(rng.integers(len(split.families)))]
    colour = _paper(rng)
    if kind == "sparse_last":
        return sparse_last_page(rng, dpi=dpi, family=family, variant=split.variant,
                                paper_rgb=colour)
    if kind == "table":
        return table_page(rng, dpi=dpi, family=family, paper_rgb=colour)
    a5 = kind == "a5"  # an A4 page printed reduced to A5 (71 %): as set at dpi / √2
    page = render_page(rng, dpi=round(dpi / math.sqrt(2)) if a5 else dpi,
                       first_page=kind in ("first", "a5") or rng.random() < 0.5,
                       blank=kind == "blank", paper_rgb=colour, family=family,
                       variant=split.variant,
                       content_to_edge=kind == "first" and rng.random() < 0.15)
    if a5:
        page = replace(page, dpi=dpi)
    return photocopy(page, rng) if kind == "photocopy" else page


def _orientation(rng: np.random.Generator, kind: str) -> int:
    """Mostly upright; tables lie across the bed more often (90 / 270)."""
    roll = rng.random()
    if kind == "table":
        return 90 if roll < 0.35 else 270 if roll < 0.6 else 180 if roll < 0.7 else 0
    return 180 if roll < 0.12 else 90 if roll < 0.17 else 270 if roll < 0.22 else 0


def split_sample(index: int, split: Split, dpi: int = 300) -> Sample:
    """The `index`-th page of `split` (each index has its own random stream)."""
    rng = np.random.default_rng([split.seed, index])
    kind = _choose(rng, kinds(split))
    page = _page(kind, rng, split, dpi)
    bed_kind = _choose(rng, BEDS)
    opts = ScanOptions(
        skew_deg=skew_angle(rng),
        orientation=_orientation(rng, kind),
        bed=bed_kind,
        bed_margin_mm=float(rng.uniform(1, 4) if bed_kind == "adf" else rng.uniform(3, 15)),
        bed_mm=(216.0, 297.0) if kind == "a5" else None,
        perspective_px=float(rng.uniform(0, 0.004) * page.image.shape[1])
        if rng.random() < 0.3 else 0.0,
        noise_sigma=float(rng.uniform(1, 4)),
        shadow=rng.random() < 0.1,
        blur_sigma=float(rng.uniform(0.3, 1.0)) if rng.random() < 0.5 else 0.0,
    )
    image, truth = simulate_scan(page, opts, rng)
    name = f"{split.name}-{index:04d}-{kind}-o{opts.orientation}-{bed_kind}"
    return Sample(image, truth, name, page)
