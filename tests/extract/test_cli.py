"""`scanstation separator-sheet`, `extract` and `convert --split` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from app.cli.main import main
from app.extract.patch import render_patch_t
from app.extract.separator import Separator
from app.extract.sheets import render_sheet
from app.synth.document import RenderedPage, render_page
from app.synth.scan import ScanOptions, simulate_scan

DPI = 200


def _save(path: Path, image: np.ndarray, seed: int, skew: float = 0.0,
          orientation: int = 0) -> None:
    rng = np.random.default_rng(seed)
    sheet = RenderedPage(image if image.ndim == 3 else np.dstack([image] * 3), "x", None, DPI)
    scan, _ = simulate_scan(sheet, ScanOptions(skew_deg=skew, orientation=orientation), rng)
    Image.fromarray(scan).save(path, dpi=(DPI, DPI))


def test_separator_sheet_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheets.pdf"
    assert main(["separator-sheet", "--hoso", "H49.64.33.2001.160", "--count", "2", "--start",
                 "4", "--patch-t", "-o", str(out)]) == 0
    assert len(pikepdf.open(out).pages) == 2
    assert "H49.64.33.2001.160.0000005" in capsys.readouterr().out
    assert main(["separator-sheet", "--hoso", "bad|code", "-o", str(out)]) == 2


def test_extract_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = render_page(np.random.default_rng(8), dpi=300, first_page=True)
    assert page.fields is not None
    path = tmp_path / "p1.png"
    Image.fromarray(page.image).save(path, dpi=(300, 300))
    assert main(["extract", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["number"]["value"] == page.fields.number
    assert data["doc_type"]["value"] == page.fields.type_code
    assert data["page_count"]["value"] == "1"
    assert len(data["number"]["box"]) == 4


def test_convert_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = np.random.default_rng(4)
    w, h = round(210 / 25.4 * DPI), round(297 / 25.4 * DPI)
    stack = [
        render_page(rng, dpi=DPI).image,
        np.asarray(render_sheet(Separator("H49.64.33.2001.160", 3), DPI)),
        render_page(rng, dpi=DPI).image,
        render_page(rng, dpi=DPI, first_page=False).image,
        render_patch_t(w, h, DPI),
        render_page(rng, dpi=DPI).image,
    ]
    paths = []
    for k, image in enumerate(stack):
        paths.append(tmp_path / f"{k:02d}.png")
        _save(paths[-1], image, k, skew=2.0 if k == 1 else 0.0, orientation=180 if k == 4 else 0)
    out = tmp_path / "hoso.pdf"
    assert main(["convert", *map(str, paths), "-o", str(out), "--split", "--no-ocr",
                 "--jobs", "1"]) == 0
    splits = json.loads((tmp_path / "hoso.splits.json").read_text("utf-8"))["documents"]
    assert [d["pages"] for d in splits] == [[1], [3, 4], [6]]
    names = [Path(d["output"]).name for d in splits]
    assert names == ["hoso-001.pdf", "H49.64.33.2001.160.0000003.pdf",
                     "H49.64.33.2001.160.0000004.pdf"]
    assert [len(pikepdf.open(tmp_path / n).pages) for n in names] == [1, 2, 1]
    assert not out.exists()
