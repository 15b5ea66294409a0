"""The bench's hard page kinds and its two splits: fonts, seals, tables, lids, A5, held-out."""

from __future__ import annotations

import numpy as np
import pytest

from app.synth.fonts import FAMILIES, missing_letters, vietnamese_letters
from app.synth.kinds import photocopy, sparse_last_page, table_page
from app.synth.scan import ScanOptions, simulate_scan
from app.synth.splits import SPLITS, split_sample


def test_every_synthetic_font_has_every_vietnamese_letter() -> None:
    assert len(vietnamese_letters()) == 2 * (12 * 6 + 17)
    assert all(missing_letters(family) == {} for family in FAMILIES)


def test_a_sparse_last_page_has_a_red_seal_over_its_signature_and_little_text() -> None:
    page = sparse_last_page(np.random.default_rng(3), dpi=100, family="dejavu-serif")
    lines = page.text.splitlines()
    assert "Nơi nhận:" in lines and len(lines) < 20
    r, g, b = (page.image[..., k].astype(int) for k in range(3))
    red = (r - g > 80) & (r - b > 80)
    assert red.sum() > 500  # the seal's rings, star and letters
    ys = np.flatnonzero(red.any(axis=1))
    assert ys.max() < page.image.shape[0] * 0.8  # high on the page, by the signature


def test_a_table_page_is_landscape_and_read_row_by_row() -> None:
    page = table_page(np.random.default_rng(4), dpi=60, family="liberation-mono")
    h, w = page.image.shape[:2]
    assert w > h
    lines = page.text.splitlines()
    assert lines[lines.index("STT") + 1] == "Đơn vị" and "1" in lines


def test_a_photocopy_is_grey_and_keeps_the_text() -> None:
    page = table_page(np.random.default_rng(5), dpi=60, family="liberation-serif")
    copy = photocopy(page, np.random.default_rng(5))
    assert copy.text == page.text
    assert np.array_equal(copy.image[..., 0], copy.image[..., 2])


@pytest.mark.parametrize("bed", ["grey", "adf"])
def test_new_lids_are_drawn_at_their_levels(bed: str) -> None:
    page = table_page(np.random.default_rng(6), dpi=40, family="liberation-serif")
    image, _ = simulate_scan(page, ScanOptions(bed=bed, bed_margin_mm=10), np.random.default_rng(6))
    corner = float(np.median(image[:5, :5]))
    assert (150 <= corner <= 200) if bed == "grey" else corner >= 230


def test_a_small_sheet_lies_in_the_corner_of_a_bigger_bed() -> None:
    page = table_page(np.random.default_rng(7), dpi=40, family="liberation-serif")
    opts = ScanOptions(bed_mm=(216.0, 400.0), bed_margin_mm=3)
    image, truth = simulate_scan(page, opts, np.random.default_rng(7))
    assert image.shape[0] == round(400 / 25.4 * 40)
    assert max(y for _, y in truth.outline) < image.shape[0] * 0.6


def test_splits_are_deterministic_and_apart() -> None:
    tuning, heldout = SPLITS["tuning"], SPLITS["heldout"]
    assert tuning.seed != heldout.seed and tuning.variant != heldout.variant
    assert set(heldout.families) - set(tuning.families) == {"dejavu-serif", "liberation-mono"}
    a, b = split_sample(0, tuning, dpi=40), split_sample(0, tuning, dpi=40)
    assert a.name == b.name and np.array_equal(a.image, b.image)
    assert split_sample(0, heldout, dpi=40).truth.text != a.truth.text
