"""The desk's page session runs the same steps as `scan`/`convert`: same geometry, same words."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pikepdf
import pytest

from app.pipeline.interactive import PageSession, ScanPage
from app.pipeline.steps import PageOptions, run_page
from app.scanner.recovery import RecoveryFolder
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan

DPI = 200


@pytest.fixture(scope="module")
def session() -> PageSession:
    return PageSession.reading("tesseract", "vie")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[RecoveryFolder, np.ndarray]:
    rng = np.random.default_rng(11)
    image, _ = simulate_scan(render_page(rng, dpi=DPI), ScanOptions(skew_deg=4.0), rng)
    return RecoveryFolder(tmp_path_factory.mktemp("session")), image


@pytest.fixture(scope="module")
def read(session: PageSession, scanned: tuple[RecoveryFolder, np.ndarray]) -> ScanPage:
    store, image = scanned
    return session.read(session.arrive(store.save(image, dpi=DPI, source="file"), image))


def test_desk_and_command_line_clean_up_and_read_a_page_alike(
    session: PageSession, read: ScanPage
) -> None:
    batch = run_page(read.raw, PageOptions(engine=session.engine))
    assert read.geometry == batch.page.geometry
    assert read.ocr is not None and read.ocr.words == batch.ocr.words
    assert len(read.ocr.words) > 20
    assert "skew" in read.flags  # straightened by 4°: a misfeed, shown to the clerk


def test_a_page_fed_as_slightly_askew_as_any_feeder_does_is_not_flagged(
    session: PageSession, tmp_path: Path
) -> None:
    rng = np.random.default_rng(12)
    image, _ = simulate_scan(render_page(rng, dpi=DPI), ScanOptions(skew_deg=1.5), rng)
    page = session.arrive(RecoveryFolder(tmp_path).save(image, dpi=DPI, source="file"), image)
    assert abs(page.skew_deg) > 1.0  # straightened all the same
    assert "skew" not in page.flags


def test_a_page_read_back_from_disk_arrives_as_one_handed_over(
    session: PageSession, read: ScanPage
) -> None:
    again = session.arrive(read.raw)
    assert again.geometry == read.geometry and again.flags == read.flags
    assert again.thumb.shape == read.thumb.shape


def test_fields_come_from_the_first_page(session: PageSession, read: ScanPage) -> None:
    found = session.fields(read, 1)
    assert found.values, "a rendered first page carries a code, a date or a subject"
    assert set(found.values) <= {"codeNumber", "codeNotation", "issuedDate", "typeName",
                                 "subject", "organName"}
    assert set(found.why) <= set(found.values)  # a reason only for a value offered


def test_a_geometry_edit_makes_the_text_stale_and_writing_reads_it_again(
    session: PageSession, read: ScanPage, tmp_path: Path
) -> None:
    assert read.ocr_current
    turned = read.rotated(2)
    assert turned.id == read.id and not turned.ocr_current
    assert turned.geometry.size == read.geometry.size
    assert turned.thumb.shape == read.thumb.shape
    out = session.write([turned, read], tmp_path / "doc.pdf", "Công văn")
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        assert str(pdf.docinfo.get("/Title", "")) == "Công văn"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert read.ocr is not None and read.ocr.words[0].text in text
    upside_down = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", str(out),
                                  "-"], capture_output=True, text=True, check=True).stdout
    assert upside_down != text  # page 1 was read again, upside down, not given page 2's words
