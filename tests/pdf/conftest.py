"""Inputs for the PDF tests, all generated in code."""

from __future__ import annotations

import numpy as np
import pytest

from testkit.pages import LINES, render_text_page


@pytest.fixture(scope="session")
def a4_page() -> np.ndarray:
    """A full 300-dpi A4 page of scan-like Vietnamese text."""
    many = tuple(LINES[i % len(LINES)] for i in range(40))
    image, _ = render_text_page((2481, 3507), 300, many)
    return image
