"""PDFs whose pages are JBIG2 images: read through jbig2dec, or a clear exit 5 without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from app.scanner.files import read_files
from app.scanner.recovery import RecoveryFolder
from tests.fixtures.jbig2 import jbig2_pdf

ROOT = Path(__file__).resolve().parents[2]
SCANSTATION = [sys.executable, "-c", "import sys; from app.cli.main import main; sys.exit(main())"]


def _sheet() -> Image.Image:
    """A bilevel A6 page at 150 dpi: a heading bar and a few lines of text."""
    sheet = Image.new("1", (620, 874), 1)
    draw = ImageDraw.Draw(sheet)
    draw.rectangle((40, 40, 580, 90), fill=0)
    for row in range(8):
        draw.text((40, 140 + 40 * row), f"Dòng {row + 1}: biên bản họp", fill=0)
    return sheet


def test_a_jbig2_page_is_read_pixel_for_pixel(tmp_path):
    sheet = _sheet()
    pdf = jbig2_pdf(tmp_path / "jbig2.pdf", sheet, 150)
    (page,) = read_files([pdf], RecoveryFolder(tmp_path / "pages"), fallback_dpi=300)
    assert page.dpi == 150.0
    with Image.open(page.path) as got:
        assert got.size == sheet.size
        assert np.array_equal(np.asarray(got.convert("L")), np.asarray(sheet.convert("L")))


def _path_without(program: str, folder: Path) -> str:
    """A PATH with every program of this one but `program` (as on a machine without it)."""
    folder.mkdir()
    for entry in os.environ["PATH"].split(os.pathsep):
        for found in Path(entry).glob("*") if Path(entry).is_dir() else []:
            link = folder / found.name
            if found.name != program and not link.exists() and os.access(found, os.X_OK):
                link.symlink_to(found)
    return str(folder)


def test_without_jbig2dec_convert_exits_5_naming_the_package(tmp_path):
    """Exit 5 names the Debian package, never a traceback."""
    pdf = jbig2_pdf(tmp_path / "jbig2.pdf", _sheet(), 150)
    env = {**os.environ, "PATH": _path_without("jbig2dec", tmp_path / "bin")}
    done = subprocess.run(
        [*SCANSTATION, "convert", str(pdf), "-o", str(tmp_path / "out.pdf"), "--no-ocr"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 5, done.stderr
    assert "jbig2dec" in done.stderr and "apt-get install jbig2dec" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.pdf").exists()
