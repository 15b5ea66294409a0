"""Page image encoding: pixels, colour and dpi kept; small, fast and still legible."""

from __future__ import annotations

import io
import pickle
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.pdf.image import DEFAULT_QUALITY, EncodedImage, encode_image
from testkit.pages import LINES, render_text_page


def _decode(encoded: EncodedImage) -> Image.Image:
    return Image.open(io.BytesIO(encoded.data))


def test_rgb_stays_24_bit_colour_at_the_same_size(a4_page: np.ndarray) -> None:
    encoded = encode_image(a4_page, 300)
    decoded = _decode(encoded)
    assert (encoded.width, encoded.height, encoded.dpi) == (2481, 3507, 300.0)
    assert (encoded.colorspace, encoded.filter) == ("rgb", "DCTDecode")
    assert decoded.format == "JPEG" and decoded.mode == "RGB"
    assert decoded.size == (2481, 3507)


def test_grey_stays_grey() -> None:
    grey = np.full((400, 300), 200, np.uint8)
    encoded = encode_image(grey, 200)
    assert encoded.colorspace == "gray"
    assert _decode(encoded).mode == "L"


@pytest.mark.parametrize("bad", [np.zeros((4, 4, 4), np.uint8), np.zeros((4, 4), np.uint16)])
def test_unsupported_arrays_are_refused(bad: np.ndarray) -> None:
    with pytest.raises(ValueError):
        encode_image(bad, 300)


def test_result_crosses_process_boundaries() -> None:
    encoded = encode_image(np.zeros((8, 8, 3), np.uint8), 300)
    assert pickle.loads(pickle.dumps(encoded)) == encoded
    assert pickle.loads(pickle.dumps(encode_image)) is encode_image


def test_at_most_half_of_lossless(a4_page: np.ndarray) -> None:
    lossless = io.BytesIO()
    Image.fromarray(a4_page).save(lossless, "PNG", compress_level=6)
    assert len(encode_image(a4_page, 300).data) <= 0.5 * len(lossless.getvalue())


def _cer(reference: str, text: str) -> float:
    previous = list(range(len(text) + 1))
    for i, ref_char in enumerate(reference, 1):
        current = [i]
        for j, char in enumerate(text, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_char != char))
            )
        previous = current
    return 100 * previous[-1] / len(reference)


def _ocr(path: Path) -> str:
    result = subprocess.run(
        ["tesseract", str(path), "-", "-l", "vie", "--dpi", "300", "--psm", "6"],
        capture_output=True,
        text=True,
        check=True,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    )
    return " ".join(unicodedata.normalize("NFC", result.stdout).split())


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_ocr_loses_under_half_a_cer_point(tmp_path: Path) -> None:
    image, _ = render_text_page((2481, 1000), 300, LINES)
    truth = " ".join(" ".join(LINES).split())
    Image.fromarray(image).save(tmp_path / "in.png")
    (tmp_path / "out.jpg").write_bytes(encode_image(image, 300, quality=DEFAULT_QUALITY).data)
    before = _cer(truth, _ocr(tmp_path / "in.png"))
    after = _cer(truth, _ocr(tmp_path / "out.jpg"))
    assert after - before < 0.5, (before, after)
