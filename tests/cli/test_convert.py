"""`scanstation convert` end to end: real clean-up, Tesseract, PDF/A, and every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from app.cli.main import main
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan


def _scan(path: Path, *, seed: int, orientation: int = 0, skew: float = 0.0, dpi: int = 300) -> str:
    """Save a synthetic scan of a first page and return the printed text."""
    rng = np.random.default_rng(seed)
    page = render_page(rng, dpi=dpi)
    image, truth = simulate_scan(page, ScanOptions(skew_deg=skew, orientation=orientation), rng)
    Image.fromarray(image).save(path, dpi=(dpi, dpi))
    return truth.text


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    folder = tmp_path_factory.mktemp("convert")
    texts = [
        _scan(folder / "a.png", seed=1, skew=4.0),
        _scan(folder / "b.png", seed=2, orientation=180, skew=-1.5),
    ]
    out, report = folder / "out.pdf", folder / "report.json"
    code = main(
        [
            "convert",
            str(folder / "a.png"),
            str(folder / "b.png"),
            "-o",
            str(out),
            "--jobs",
            "2",
            "--report",
            str(report),
        ]
    )
    assert code == 0
    return out, report, texts


def test_output_is_a_valid_searchable_pdfa(converted: tuple[Path, Path, list[str]]) -> None:
    out, _, texts = converted
    subprocess.run(["qpdf", "--check", str(out)], check=True, capture_output=True)
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
    text = " ".join(_pdftotext(out).split())
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"):
        assert text.count(phrase) == 2
    words = [w for t in texts for w in t.split()]
    found = set(text.split())
    assert sum(w in found for w in words) / len(words) > 0.95


def test_report_lists_outline_rotation_flags_confidence_timings(
    converted: tuple[Path, Path, list[str]],
) -> None:
    _, report_path, _ = converted
    report = json.loads(report_path.read_text(encoding="utf-8"))
    first, second = report["pages"]
    assert first["outline"] is not None and len(first["outline"]) == 4
    assert abs(first["skew_deg"] - 4.0) < 0.2
    assert second["orientation_deg"] == 180
    assert abs(second["rotation_deg"] - 181.5) < 0.2
    assert first["blank"] is False and first["ocr_mean_conf"] > 80
    assert set(first["timings_ms"]) == {"load", "cleanup", "ocr", "encode"}


def test_no_ocr_writes_image_only(tmp_path: Path) -> None:
    _scan(tmp_path / "a.png", seed=3, dpi=200)
    out = tmp_path / "out.pdf"
    assert main(["convert", str(tmp_path / "a.png"), "-o", str(out), "--no-ocr"]) == 0
    assert _pdftotext(out).strip() == ""


def _assert_refused(
    args: list[str], out: Path, code: int, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "-o", str(out)]) == code
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert not out.exists()
    assert not list(out.parent.glob("*.part")) and not list(out.parent.glob(".*tmp*"))


def test_zero_byte_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    _assert_refused(
        ["convert", str(tmp_path / "empty.png")], tmp_path / "o.pdf", 3, ["empty.png"], capsys
    )


def test_corrupt_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.png"
    _scan(good, seed=4, dpi=200)
    data = good.read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    _assert_refused(
        ["convert", str(good), str(tmp_path / "cut.png")],
        tmp_path / "o.pdf",
        3,
        ["cut.png"],
        capsys,
    )


def test_encrypted_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(owner="o", user="u"))
    _assert_refused(
        ["convert", str(tmp_path / "locked.pdf")],
        tmp_path / "o.pdf",
        3,
        ["locked.pdf", "password"],
        capsys,
    )


def test_broken_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ngarbage")
    _assert_refused(
        ["convert", str(tmp_path / "broken.pdf")], tmp_path / "o.pdf", 3, ["broken.pdf"], capsys
    )


def test_decompression_bomb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A tiny PNG that claims 30000 × 30000 pixels (900 Mpx): refused before decoding.
    width = height = 30000
    rows = b"\x00" * (1 + width) * 1000  # a thousand rows: filter byte 0, black pixels
    packer = zlib.compressobj(1)  # level 1, a piece at a time: seconds and little memory
    raw = b"".join(packer.compress(rows) for _ in range(height // 1000)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    (tmp_path / "bomb.png").write_bytes(png)
    _assert_refused(
        ["convert", str(tmp_path / "bomb.png")], tmp_path / "o.pdf", 3, ["bomb.png"], capsys
    )


def test_low_dpi_is_flagged_or_refused_with_strict(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _scan(tmp_path / "low.png", seed=5, dpi=150)
    _assert_refused(
        ["convert", "--strict", str(tmp_path / "low.png")],
        tmp_path / "o.pdf",
        3,
        ["150", "200 dpi"],
        capsys,
    )
    report = tmp_path / "r.json"
    out = tmp_path / "ok.pdf"
    assert (
        main(
            [
                "convert",
                str(tmp_path / "low.png"),
                "-o",
                str(out),
                "--no-ocr",
                "--report",
                str(report),
            ]
        )
        == 0
    )
    assert "low_dpi" in json.loads(report.read_text(encoding="utf-8"))["pages"][0]["flags"]


def test_missing_language_names_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _scan(tmp_path / "a.png", seed=6, dpi=200)
    _assert_refused(
        ["convert", str(tmp_path / "a.png"), "--lang", "vie+xyz"],
        tmp_path / "o.pdf",
        5,
        ["tesseract-ocr-xyz"],
        capsys,
    )


def test_failure_leaves_an_existing_output_untouched(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "o.pdf"
    out.write_bytes(b"previous")
    (tmp_path / "empty.jpg").write_bytes(b"")
    assert main(["convert", str(tmp_path / "empty.jpg"), "-o", str(out)]) == 3
    assert out.read_bytes() == b"previous"


def test_bad_output_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _scan(tmp_path / "a.png", seed=7, dpi=200)
    assert main(["convert", str(tmp_path / "a.png"), "-o", str(tmp_path / "no" / "o.pdf")]) == 2
    assert main(["convert", str(tmp_path / "a.png"), "-o", str(tmp_path / "o.txt")]) == 2


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder no one may create files in: mode 0555, and immutable for root (chattr +i)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = os.geteuid() == 0
    if immutable and subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
        pytest.skip("cannot make a folder read-only for root here (chattr +i failed)")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def test_unwritable_output_folder_is_refused_before_any_page_is_read(
    tmp_path: Path, read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, cut = tmp_path / "good.png", tmp_path / "cut.png"
    _scan(good, seed=5, dpi=200)
    cut.write_bytes(good.read_bytes()[:100])  # reading it would end the run with exit 3
    out = read_only_folder / "o.pdf"
    assert main(["convert", str(good), str(cut), "-o", str(out)]) == 6
    err = capsys.readouterr().err
    assert "not writable" in err and str(read_only_folder) in err
    assert list(read_only_folder.iterdir()) == []


def _children() -> list[str]:
    """The command lines of this process's live child processes (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines())
            if int(fields["PPid"]) == os.getpid():
                cmdline = (status.parent / "cmdline").read_bytes()
                found.append(cmdline.replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, KeyError, ValueError):
            continue  # the process ended meanwhile
    return found


def test_convert_leaves_no_worker_server_running(tmp_path: Path) -> None:
    _scan(tmp_path / "a.png", seed=6, dpi=200)
    args = ["convert", str(tmp_path / "a.png"), "-o", str(tmp_path / "o.pdf"), "--no-ocr"]
    assert main([*args, "--jobs", "2"]) == 0
    assert (tmp_path / "o.pdf").is_file()
    assert not [c for c in _children() if "forkserver" in c]
