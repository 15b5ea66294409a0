"""Tesseract's OSD out of time (a loaded machine): the page is kept as it lay and flagged."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.imaging import analyse, upright
from app.imaging.orientation import Vote
from app.imaging.upright import Upright, decide, strong
from app.ocr.null import NullEngine
from app.page import Flag
from app.pipeline.interactive import clean_page
from app.pipeline.steps import PageOptions, run_page
from app.scanner.recovery import RecoveryFolder
from app.synth.kinds import sparse_last_page
from app.synth.scan import ScanOptions, simulate_scan

# Real Tesseract with a tiny time limit; the page is kept and flagged on the command line's page
# steps and on the desk alike.
TINY_LIMIT_S = 0.001  # Tesseract cannot even start in a millisecond


@pytest.fixture(scope="module")
def upside_down_last_page() -> np.ndarray:
    """A sparse last page with a seal, scanned upside down: too few lines for the layout alone."""
    rng = np.random.default_rng(40)
    page = sparse_last_page(rng, dpi=150, family="liberation-serif")
    image, _ = simulate_scan(page, ScanOptions(skew_deg=-0.7, orientation=180, bed="light"), rng)
    return image


def _weak_vote(metrics: dict[str, float]) -> bool:
    vote = Vote(0, metrics["orientation_score"], int(metrics["orientation_lines"]))
    return not strong(vote)


def test_osd_in_time_turns_the_page_on_its_evidence(upside_down_last_page: np.ndarray) -> None:
    _, found = analyse(upside_down_last_page, 150)
    assert _weak_vote(found.metrics)  # OSD was asked
    assert found.orientation == 180 and Flag.ORIENTATION_UNSURE not in found.flags


def test_osd_out_of_time_gives_no_turn_and_flags_the_page(
    upside_down_last_page: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upright, "OSD_TIMEOUT_S", TINY_LIMIT_S)
    h, w = upside_down_last_page.shape[:2]
    rect = ((0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h)))
    assert decide(upside_down_last_page, rect, Vote(180, 0.5, 4), 150) == Upright(
        0, True, "osd_timeout")


def test_the_page_steps_keep_a_page_whose_osd_ran_out_of_time(
    upside_down_last_page: np.ndarray, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upright, "OSD_TIMEOUT_S", TINY_LIMIT_S)
    raw = RecoveryFolder(tmp_path).save(upside_down_last_page, dpi=150, source="file")
    outcome = run_page(raw, PageOptions(engine=NullEngine()))  # the CLI's steps, in-process
    findings = outcome.page.findings
    assert _weak_vote(findings.metrics)
    assert findings.orientation == 0 and Flag.ORIENTATION_UNSURE in findings.flags
    assert outcome.encoded.data  # the page went on to the PDF's image

    desk = clean_page(raw)  # the desk's clean-up of the same page: not turned, flagged
    assert desk.geometry == outcome.page.geometry
    assert Flag.ORIENTATION_UNSURE.value in desk.flags
