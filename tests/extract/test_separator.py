"""Separator sheets: the payload's checksum, and reading sheets as a scanner sees them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import pytest
import zxingcpp

from app.extract.separator import Separator, detect_separator, parse, payload
from app.extract.sheets import render_sheet, write_sheets

SEP = Separator("H49.64.33.2001.160", 12)


def test_payload_round_trip() -> None:
    text = payload(SEP)
    assert text.startswith("SCANSTATION-SEP|v1|H49.64.33.2001.160|0000012|")
    assert parse(text) == SEP
    assert SEP.doc_code == "H49.64.33.2001.160.0000012"


@pytest.mark.parametrize(
    "text",
    [
        payload(SEP).replace("0000012", "0000013"),  # checksum no longer matches
        payload(SEP)[:-1] + ("0" if payload(SEP)[-1] != "0" else "1"),
        "SCANSTATION-SEP|v1|H49.64.33.2001.160|0000012",
        "https://example.org/SCANSTATION-SEP",
        "SCANSTATION-SEP|v2|H49|0000001|00000000",
    ],
)
def test_foreign_or_damaged_payload_is_ignored(text: str) -> None:
    assert parse(text) is None


def test_bad_filecode_is_refused() -> None:
    with pytest.raises(ValueError):
        payload(Separator("H49|x", 1))


def _scanned(image: np.ndarray, angle: float, noise: float = 4.0) -> np.ndarray:
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(image, matrix, (w, h), borderValue=255)
    rng = np.random.default_rng(0)
    return np.clip(turned + rng.normal(0, noise, turned.shape), 0, 255).astype(np.uint8)


@pytest.mark.parametrize("angle", [0.0, 4.0, -11.0, 90.0, 180.0])
def test_sheet_is_found_skewed_and_turned(angle: float) -> None:
    sheet = np.asarray(render_sheet(SEP, 150))
    assert detect_separator(_scanned(sheet, angle)) == SEP


def test_cut_off_qr_is_ignored() -> None:
    sheet = np.asarray(render_sheet(SEP, 150)).copy()
    rows = np.flatnonzero((sheet < 128).sum(axis=1) > sheet.shape[1] * 0.2)
    sheet[rows[len(rows) // 2]:, :] = 255  # the lower half of the QR torn off
    assert detect_separator(sheet) is None


def test_foreign_qr_is_ignored() -> None:
    code = zxingcpp.create_barcode("https://mattran.org.vn", zxingcpp.BarcodeFormat.QRCode)
    image = np.full((1200, 900), 255, np.uint8)
    qr = np.asarray(code.to_image(scale=12))
    image[100:100 + qr.shape[0], 100:100 + qr.shape[1]] = qr
    assert detect_separator(image) is None


def test_plain_page_has_no_separator() -> None:
    assert detect_separator(np.full((800, 600, 3), 255, np.uint8)) is None
    assert detect_separator(np.zeros((0, 0), np.uint8)) is None


def test_sheets_pdf(tmp_path: Path) -> None:
    out = tmp_path / "sheets.pdf"
    assert len(write_sheets("H49.64.33.2001.160", 5, 3, out)) == 3
    pdf = pypdfium2.PdfDocument(out)
    assert len(pdf) == 3
    width, height = pdf[0].get_size()
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points
    image = np.asarray(pdf[2].render(scale=150 / 72).to_pil().convert("L"))
    assert detect_separator(image) == Separator("H49.64.33.2001.160", 7)
