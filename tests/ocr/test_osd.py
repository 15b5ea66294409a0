"""Tesseract's orientation detection through the project's Tesseract module."""

from __future__ import annotations

import numpy as np

from app.ocr.tesseract import detect_orientation
from app.synth.document import render_page


def test_osd_finds_the_turn_that_makes_a_page_upright() -> None:
    page = render_page(np.random.default_rng(8), dpi=150, first_page=False).image
    assert detect_orientation(page, 150).turn == 0  # type: ignore[union-attr]
    found = detect_orientation(np.ascontiguousarray(page[::-1, ::-1]), 150)
    assert found is not None and found.turn == 180 and found.confidence > 2


def test_osd_on_a_page_without_letters_says_nothing() -> None:
    assert detect_orientation(np.full((400, 300), 255, np.uint8), 150) is None
