"""Shared synthetic pages for the imaging tests."""

from __future__ import annotations

import numpy as np
import pytest

from app.synth.document import render_page


@pytest.fixture(scope="session")
def text_page_150() -> np.ndarray:
    """A follow-on text page at 150 dpi, white paper, upright."""
    return render_page(np.random.default_rng(7), dpi=150, first_page=False).image


@pytest.fixture(scope="session")
def first_page_150() -> np.ndarray:
    """A first page (letterhead, title, body) at 150 dpi."""
    return render_page(np.random.default_rng(11), dpi=150, first_page=True).image
