"""Which way is up, on text pages laid on the bed in every orientation."""

from __future__ import annotations

import numpy as np
import pytest

from app.imaging import analyse
from app.imaging.blank import ink_stats
from app.imaging.orientation import Vote, asymmetry
from app.imaging.upright import Upright, decide, strong
from app.page import Flag
from app.synth.document import render_page
from app.synth.kinds import sparse_last_page, table_page
from app.synth.scan import ScanOptions, simulate_scan
from app.synth.splits import DEV_SPLITS, split_sample
from tests.imaging.fakes import iou


@pytest.mark.parametrize("orientation", [0, 90, 180, 270])
@pytest.mark.parametrize("seed", [21, 22, 23])
def test_orientation_on_text_pages(orientation, seed):
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=150, first_page=seed % 2 == 1)
    image, truth = simulate_scan(page, ScanOptions(skew_deg=1.2, orientation=orientation), rng)
    _, found = analyse(image, 150)
    assert found.orientation == orientation
    assert iou(found.outline, truth.outline) >= 0.99  # corners in upright order


def test_upright_pages_are_not_turned():
    for seed in range(30, 40):
        rng = np.random.default_rng(seed)
        page = render_page(rng, dpi=150, first_page=seed % 3 == 0)
        _, found = analyse(page.image, 150)
        assert found.orientation == 0, seed


@pytest.mark.parametrize("orientation", [0, 180])
def test_a_sparse_last_page_with_a_seal_is_never_turned_wrong(orientation):
    rng = np.random.default_rng(40 + orientation)
    page = sparse_last_page(rng, dpi=150, family="liberation-serif")
    image, _ = simulate_scan(page, ScanOptions(skew_deg=-0.7, orientation=orientation,
                                               bed="light"), rng)
    _, found = analyse(image, 150)
    # turned upright on evidence, or left as it lay and flagged for the clerk
    assert found.orientation == orientation or (
        found.orientation == 0 and Flag.ORIENTATION_UNSURE in found.flags)


def test_weak_layout_evidence_is_flagged_not_acted_on():
    # three short lines: too few for the layout's vote alone; no Tesseract letters either
    vote = Vote(180, 0.5, 3)
    assert not strong(vote)
    blank = np.full((600, 400, 3), 250, np.uint8)
    rect = ((0.0, 0.0), (400.0, 0.0), (400.0, 600.0), (0.0, 600.0))
    assert decide(blank, rect, vote, 150) == Upright(0, True, "none")


def test_a_ruled_table_grid_does_not_vote_on_which_way_is_up():
    # one connected grid, wider and taller than 10 mm, thin lines: counted as rules, not text
    ink = np.zeros((400, 600), bool)
    for y in range(40, 361, 40):
        ink[y:y + 2, 50:551] = True
    for x in (50, 150, 400, 549):
        ink[40:362, x:x + 2] = True
    ink[60:75, 70:78] = True  # a letter inside a cell
    stats = ink_stats(ink, np.ones_like(ink), 150)
    letter = (stats.ys >= 60) & (stats.ys < 75) & (stats.xs >= 70) & (stats.xs < 78)
    assert stats.rule[~letter].all()
    assert not stats.rule[letter].any()


def test_an_upright_table_page_is_not_turned():
    rng = np.random.default_rng(165)
    page = table_page(rng, dpi=150, family="liberation-serif")
    image, _ = simulate_scan(page, ScanOptions(skew_deg=0.5, orientation=0), rng)
    _, found = analyse(image, 150)
    assert found.orientation == 0


def _line(top: int, rows: list[int]) -> list[float]:
    """Positions across the lines of a line's ink: `rows[k]` points at `top + k`."""
    return [float(top + k) for k, n in enumerate(rows) for _ in range(n)]


def test_lines_run_together_do_not_vote():
    # an upright line: capitals and marks over its x-height band, little under it
    upright = [30, 30, 100, 100, 100, 100, 100, 100, 10]
    # three lines set so close that they run into one: its "band" spans them all, and its
    # edges (the first line's marks, the last line's descenders) vote against the text
    merged = [5, *([100] * 4 + [30] * 2) * 3, *[100] * 4, 40, 40, 40, 40]
    t = np.asarray(_line(0, upright) + _line(20, upright) + _line(40, merged))
    score, lines = asymmetry(t)
    assert lines == 2 and score > 0.5


def test_an_upright_page_in_tight_leading_is_not_turned_over():
    # the dev split's page a sans monospace set with tight leading (JetBrains Mono, firsts2
    # 8): its paragraphs run into single profile runs at the work resolution, whose edges
    # had voted it upside down with a strong score
    sample = split_sample(8, DEV_SPLITS["firsts2"])
    _, found = analyse(sample.image, 300)
    assert found.orientation == 0
