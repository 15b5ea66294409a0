"""The file flow's spool folder: pages come back to the workers exactly as they were read."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import InputError
from app.pipeline.spool import SpoolFolder
from app.pipeline.steps import load_image


def _noisy(shape: tuple[int, ...]) -> np.ndarray:
    return np.random.default_rng(5).integers(0, 256, shape, dtype=np.uint8)


@pytest.mark.parametrize("shape", [(120, 90, 3), (120, 90)])
def test_colour_and_grey_pages_come_back_pixel_for_pixel(tmp_path: Path, shape) -> None:
    pixels = _noisy(shape)
    spool = SpoolFolder(tmp_path)
    first = spool.save(Image.fromarray(pixels), dpi=300.0, source="file")
    second = spool.save(pixels, dpi=200.0, source="file", mode="gray")
    assert (first.index, second.index) == (0, 1)
    assert (first.dpi, second.dpi, second.mode) == (300.0, 200.0, "gray")
    assert np.array_equal(load_image(first), pixels)
    assert np.array_equal(load_image(second), pixels)


def test_a_bilevel_page_is_written_as_the_recovery_folder_writes_it(tmp_path: Path) -> None:
    bits = _noisy((64, 48)) > 127
    raw = SpoolFolder(tmp_path).save(Image.fromarray(bits), dpi=300.0, source="file",
                                     mode="lineart")
    assert raw.depth == 1
    assert np.array_equal(load_image(raw) > 127, bits)


def test_a_folder_gone_from_under_the_run_is_a_clear_error(tmp_path: Path) -> None:
    spool = SpoolFolder(tmp_path / "spool")
    shutil.rmtree(tmp_path / "spool")
    with pytest.raises(InputError, match="Could not write the page image"):
        spool.save(_noisy((20, 20, 3)), dpi=300.0, source="file")
