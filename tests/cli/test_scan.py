"""`scanstation scan` end to end with SANE's real `test` device and the demo feeder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pikepdf
import pytest

from app.cli.main import main
from app.page import RawPage
from app.pipeline.flows import RunOptions, scan_to_pdf
from app.scanner import factory
from app.scanner.base import ScanInterrupted, ScanSettings
from app.scanner.recovery import RecoveryFolder
from app.scanner.sane_backend import SaneScanner


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Batch folders go under a temporary data directory."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "scanstation" / "batches"


def _pages(pdf: Path) -> int:
    with pikepdf.open(pdf) as doc:
        return len(doc.pages)


def _scan(device: str, out: Path, *options: str) -> int:
    """Run `scanstation scan` without OCR at 200 dpi; return its exit code."""
    return main(["scan", "--device", device, "--dpi", "200", *options, "-o", str(out), "--no-ocr"])


def test_demo_feeder_to_pdfa(tmp_path: Path, data_home: Path) -> None:
    out = tmp_path / "demo.pdf"
    assert _scan("demo:3", out, "--source", "adf", "--pages", "3") == 0
    assert _pages(out) == 3
    assert not any(data_home.glob("*/page-*.png")), "the batch folder is removed after success"


def test_sane_flatbed_scan(sane_device: str, tmp_path: Path) -> None:
    out = tmp_path / "flatbed.pdf"
    assert _scan(f"sane:{sane_device}", out, "--option", "test-picture=Grid") == 0
    with pikepdf.open(out) as doc:
        (image,) = (
            pikepdf.PdfImage(cast(pikepdf.Stream, x)) for x in doc.pages[0].get_images().values()
        )
        assert image.colorspace == "/DeviceRGB"


def test_sane_adf_stops_at_page_count(sane_device: str, tmp_path: Path) -> None:
    out = tmp_path / "adf.pdf"
    options = ("--source", "adf", "--pages", "3", "--option", "test-picture=Grid")
    assert _scan(f"sane:{sane_device}", out, *options) == 0
    assert _pages(out) == 3


def test_jam_on_first_sheet_writes_nothing(
    sane_device: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "jam.pdf"
    jam = ("--source", "adf", "--option", "read-return-value=SANE_STATUS_JAMMED")
    code = _scan(f"sane:{sane_device}", out, *jam)
    assert code == 4
    assert "jam" in capsys.readouterr().err.lower()
    assert not out.exists()


def test_jam_mid_batch_keeps_every_page(
    sane_device: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feeder jams on the third sheet: the two pages before it reach the PDF and the folder."""

    class JammingScanner(SaneScanner):
        def scan(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
            for count, page in enumerate(super().scan(settings, store), start=1):
                yield page
                if count == 2:
                    self.set_option("read-return-value", "SANE_STATUS_JAMMED")

    monkeypatch.setattr(
        factory, "open_scanner", lambda device_id, extra_options=None: JammingScanner(sane_device)
    )
    monkeypatch.setattr("app.pipeline.flows.open_scanner", factory.open_scanner)
    out, batch = tmp_path / "jam.pdf", tmp_path / "batch"
    settings = ScanSettings(dpi=200, source="adf")
    with pytest.raises(ScanInterrupted) as caught:
        scan_to_pdf(f"sane:{sane_device}", settings, out, RunOptions(ocr="none", jobs=1), batch)
    assert caught.value.pages_kept == 2
    assert str(out) in str(caught.value) and str(batch) in str(caught.value)
    assert _pages(out) == 2
    assert len(RecoveryFolder(batch).pages()) == 2


def test_dpi_the_device_does_not_offer(
    sane_device: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["scan", "--device", f"sane:{sane_device}", "--dpi", "5000", "-o", str(out)]) == 2
    assert "5000" in capsys.readouterr().err
    assert not out.exists()


def test_unknown_device_and_bad_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["scan", "--device", "nikon:1", "-o", str(out)]) == 2
    assert main(["scan", "--device", "demo", "--option", "novalue", "-o", str(out)]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_driver_giving_no_answer_is_a_clear_device_error(
    sane_device: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The test device sends its page slowly (0.2 s a buffer: seconds a page) and the CLI waits
    1 s for it: the driver is stopped and the error says what it waited for and what to do."""
    with SaneScanner(sane_device) as scanner:  # kept by the driver process for the next open
        scanner.set_option("read-delay", True)
        scanner.set_option("read-delay-duration", 200_000)
    monkeypatch.setattr("app.scanner.sane_backend.PAGE_S", 1.0)
    out = tmp_path / "slow.pdf"
    assert _scan(f"sane:{sane_device}", out) == 4
    err = capsys.readouterr().err
    assert "did not answer within 1 s (scanning a page)" in err
    assert "0 page(s) received" in err and "then scan again" in err
    assert "sane-driver.log" in err
    assert not out.exists()
