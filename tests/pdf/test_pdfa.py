"""The PDF/A-2b writer, checked with qpdf, poppler and pikepdf."""

from __future__ import annotations

import datetime
import os
import re
import statistics
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
import pikepdf
import pytest

from app import atomic
from app.errors import OutputError
from app.ocr.base import OcrResult, Word
from app.pdf.image import encode_image
from app.pdf.pdfa import DocumentInfo, PdfPage, validate_pdfa_basics, write_pdfa
from testkit.pages import LINES, render_text_page

DPI = 300
SIZE = (1800, 800)
TITLE_DECOMPOSED = unicodedata.normalize("NFD", "Biên bản họp Ủy ban Mặt trận Tổ quốc")
TITLE = unicodedata.normalize("NFC", TITLE_DECOMPOSED)
INFO = DocumentInfo(
    title=TITLE_DECOMPOSED,
    author="Nguyễn Văn An",
    created=datetime.datetime(2025, 3, 1, 9, 30, 15),
)


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def text_page() -> PdfPage:
    image, words = render_text_page(SIZE, DPI, LINES)
    return PdfPage(encode_image(image, DPI), words)


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory, text_page: PdfPage) -> Path:
    grey = np.full((600, 400), 230, np.uint8)
    pages = [text_page, PdfPage(encode_image(grey, 200), ()), text_page]
    out = tmp_path_factory.mktemp("pdfa") / "out.pdf"
    write_pdfa(pages, out, INFO)
    return out


def test_qpdf_finds_no_problem(document: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(document)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_header_id_and_no_incremental_updates(document: Path) -> None:
    data = document.read_bytes()
    assert data.startswith(b"%PDF-1.7\n%")
    assert all(byte > 127 for byte in data[10:14])
    assert data.count(b"%%EOF") == 1
    with pikepdf.open(document) as pdf:
        assert len(pdf.trailer.ID) == 2
        assert not pdf.is_encrypted


def test_pdftotext_gives_the_ocr_lines_back(document: Path, text_page: PdfPage) -> None:
    text = _run("pdftotext", "-f", "1", "-l", "1", str(document), "-")
    expected = OcrResult(text_page.words, "vie").text
    assert text.split() == expected.split()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines == expected.splitlines()  # pdftotext may add blank lines between blocks
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in text


def _bbox_words(path: Path, page: int) -> list[tuple[str, tuple[float, ...]]]:
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [(m[4], tuple(float(v) for v in m[:4])) for m in re.findall(pattern, html)]


def test_word_boxes_land_on_the_ocr_boxes(document: Path, text_page: PdfPage) -> None:
    found = _bbox_words(document, 1)
    assert [text for text, _ in found] == [w.text for w in text_page.words]
    scale = 72 / DPI
    for (_, (x0, y0, x1, y1)), word in zip(found, text_page.words, strict=True):
        line = [w for w in text_page.words if w.line == word.line]
        top, bottom = min(w.box[1] for w in line), statistics.median(w.box[3] for w in line)
        height = max(w.box[3] for w in line) - top
        assert abs(x0 - word.box[0] * scale) < 0.5 and abs(x1 - word.box[2] * scale) < 0.5
        # the line's median bottom, where its words stand (a descender or a dot below reaches
        # a little lower); its top may be higher, as the lines of a block share one size
        assert abs(y1 - bottom * scale) < 0.5 and y0 <= top * scale + 0.5
        assert y0 - 0.5 <= word.box[1] * scale
        assert word.box[3] * scale <= y1 + 0.3 * height * scale


def test_images_keep_dpi_colour_and_depth(document: Path) -> None:
    rows = [line.split() for line in _run("pdfimages", "-list", str(document)).splitlines()[2:]]
    # page num type width height color comp bpc enc interp object ID x-ppi y-ppi ...
    summary = [(r[0], r[3], r[4], r[5], r[7], r[8], r[12], r[13]) for r in rows]
    assert summary == [
        ("1", "1800", "800", "rgb", "8", "jpeg", "300", "300"),
        ("2", "400", "600", "gray", "8", "jpeg", "200", "200"),
        ("3", "1800", "800", "rgb", "8", "jpeg", "300", "300"),
    ]


def test_page_size_is_pixels_over_dpi(document: Path) -> None:
    with pikepdf.open(document) as pdf:
        boxes = [[float(v) for v in page.MediaBox] for page in pdf.pages]
    assert boxes[0] == pytest.approx([0, 0, 1800 * 72 / 300, 800 * 72 / 300], abs=1e-3)
    assert boxes[1] == pytest.approx([0, 0, 400 * 72 / 200, 600 * 72 / 200], abs=1e-3)


def test_pages_without_words_have_no_text(document: Path) -> None:
    assert _run("pdftotext", "-f", "2", "-l", "2", str(document), "-").strip() == ""
    third = _run("pdftotext", "-f", "3", "-l", "3", str(document), "-")
    assert third.split()[:2] == ["Cộng", "hòa"]


def test_the_font_is_embedded(document: Path) -> None:
    rows = _run("pdffonts", str(document)).splitlines()[2:]
    assert len(rows) == 1
    assert re.search(r"CID TrueType\s+Identity-H\s+yes\s+no\s+yes", rows[0]), rows[0]


def test_metadata_is_nfc_and_consistent(document: Path) -> None:
    with pikepdf.open(document) as pdf:
        xmp = pdf.open_metadata()
        assert xmp.pdfa_status == "2B"
        assert xmp["dc:title"] == TITLE
        assert str(pdf.docinfo.Title) == TITLE
        assert str(pdf.docinfo.Author) == "Nguyễn Văn An" and xmp["dc:creator"] == ["Nguyễn Văn An"]
        assert xmp["dc:language"] == {"vi"} and str(pdf.Root.Lang) == "vi"
        assert xmp["xmp:CreateDate"] == "2025-03-01T09:30:15+07:00"
        assert xmp["xmp:ModifyDate"] == xmp["xmp:MetadataDate"] == xmp["xmp:CreateDate"]
        assert str(pdf.docinfo.CreationDate) == "D:20250301093015+07'00'"
        assert xmp["pdf:Producer"] == str(pdf.docinfo.Producer) == "Scanstation"
        assert "/Filter" not in pdf.Root.Metadata
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3


def test_our_output_passes_the_basic_checks(document: Path) -> None:
    assert validate_pdfa_basics(document) == []


def test_a_plain_pdf_fails_the_basic_checks(tmp_path: Path) -> None:
    plain = pikepdf.new()
    plain.add_blank_page()
    plain.save(tmp_path / "plain.pdf")
    problems = validate_pdfa_basics(tmp_path / "plain.pdf")
    assert any("XMP" in p for p in problems)
    assert any("output intent" in p for p in problems)


def test_unembedded_font_and_title_mismatch_are_found(document: Path, tmp_path: Path) -> None:
    with pikepdf.open(document) as pdf:
        pdf.docinfo.Title = "Khác"
        descriptor = pdf.pages[0].Resources.Font.FOcr.DescendantFonts[0].FontDescriptor
        del descriptor.FontFile2
        pdf.save(tmp_path / "broken.pdf")
    problems = validate_pdfa_basics(tmp_path / "broken.pdf")
    assert any("not embedded" in p for p in problems)
    assert any("/Title" in p for p in problems)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "out.pdf")


def test_a_failed_write_leaves_nothing(
    tmp_path: Path, text_page: PdfPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_save(self: pikepdf.Pdf, handle: object, **_: object) -> None:
        assert hasattr(handle, "write")
        handle.write(b"%PDF-1.7 half")
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(pikepdf.Pdf, "save", broken_save)
    out = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError):
        write_pdfa([text_page], out, INFO)
    assert not out.exists() and _leftovers(tmp_path) == []
    out.write_bytes(b"previous version")
    with pytest.raises(RuntimeError):
        write_pdfa([text_page], out, INFO)
    assert out.read_bytes() == b"previous version" and _leftovers(tmp_path) == []


def test_disk_errors_become_output_errors(
    tmp_path: Path, text_page: PdfPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_pdfa([text_page], tmp_path / "out.pdf", INFO)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_output_error(tmp_path: Path, text_page: PdfPage) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_pdfa([text_page], tmp_path / "nowhere" / "out.pdf", INFO)


def test_unwritable_folder_is_an_output_error(
    tmp_path: Path, text_page: PdfPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # root ignores chmod, so simulate it
    with pytest.raises(OutputError, match="Permission denied"):
        write_pdfa([text_page], tmp_path / "out.pdf", INFO)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_read_only_folder_is_an_output_error(tmp_path: Path, text_page: PdfPage) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    with pytest.raises(OutputError, match="not writable"):
        write_pdfa([text_page], folder / "out.pdf", INFO)


def test_default_creation_time_is_now_in_vietnam(tmp_path: Path, text_page: PdfPage) -> None:
    write_pdfa([text_page], tmp_path / "out.pdf", DocumentInfo(title="x"))
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        created = datetime.datetime.fromisoformat(pdf.open_metadata()["xmp:CreateDate"])
    assert created.utcoffset() == datetime.timedelta(hours=7)
    assert abs(created - datetime.datetime.now(datetime.UTC)) < datetime.timedelta(minutes=1)


def test_uneven_word_boxes_still_extract_by_line(tmp_path: Path) -> None:
    words = (
        Word("ăn", (100, 130, 160, 160), 90.0, (1, 1, 1)),
        Word("Ộng", (180, 95, 280, 160), 90.0, (1, 1, 1)),
        Word("gặp", (300, 128, 380, 180), 90.0, (1, 1, 1)),
        Word("ỹ", (100, 230, 130, 260), 90.0, (1, 1, 2)),
    )
    image = encode_image(np.full((400, 500, 3), 255, np.uint8), DPI)
    write_pdfa([PdfPage(image, words)], tmp_path / "out.pdf", DocumentInfo(title="t"))
    assert _run("pdftotext", str(tmp_path / "out.pdf"), "-").split("\n")[:2] == ["ăn Ộng gặp", "ỹ"]
