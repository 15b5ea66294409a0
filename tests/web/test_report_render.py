"""A large report's PDF and XLSX: text intact, tables headed, figures exact, a valid PDF."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.reports.header import Header
from app.reports.model import METRICS, OrgLine, Report, change
from app.reports.pdf import to_pdf
from app.reports.period import parse
from app.reports.xlsx import to_xlsx

PROVINCES, DISTRICTS = 6, 9
REASONS = ["Ảnh mờ, nghiêng quá 5°", "Thiếu trang đã ký", "Sai độ phân giải"]


def _counts(seed: int) -> dict[str, int]:
    return {key: (seed * 37 + n * 1013) % 9000 for n, (key, _) in enumerate(METRICS)}


@pytest.fixture(scope="module")
def report() -> Report:
    lines = []
    for p in range(PROVINCES):
        lines.append(OrgLine(f"000.{p:02d}.00.T01", f"Ủy ban MTTQ tỉnh Đắk Lắk {p}", 0, *_three(p)))
        for d in range(DISTRICTS):
            code = f"000.{p:02d}.{d:02d}.H{p:02d}"
            lines.append(OrgLine(code, f"Ủy ban MTTQ huyện Krông Pắc {p}-{d}", 1, *_three(p + d)))
    districts = [line.code for line in lines if line.depth]
    return Report(
        period=parse("2026"),
        previous=parse("2025"),
        scope="",
        lines=tuple(lines),
        total=_counts(1),
        previous_total=_counts(2),
        reasons=tuple((o, r, n + 1) for o in districts for n, r in enumerate(REASONS)),
        clerks=tuple(
            (o, f"Nguyễn Thị Hường {n}", 10 + n, 40 + n) for o in districts for n in range(2)
        ),
        built_at=datetime.datetime(2027, 1, 5, 9, 30),
        notes=("Số liệu lấy từ các gói tài liệu đã ký số.",),
    )


def _three(seed: int) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    return _counts(seed), _counts(seed + 1), _counts(seed + 2)


HEADER = Header(
    "Ủy ban MTTQ Việt Nam thành phố Hà Nội", "15/BC-MTTQ", "Hà Nội", signer_name="Lê Văn Đức"
)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_pdf_text_and_tables(report: Report, tmp_path: Path) -> None:
    """Vietnamese text extracted intact (pdftotext), every page of a long table headed, each
    organisation written once per group and page, and a structurally valid PDF (qpdf --check).
    """
    pdf = tmp_path / "bc.pdf"
    pdf.write_bytes(to_pdf(report, HEADER))
    subprocess.run(["qpdf", "--check", str(pdf)], check=True, capture_output=True)
    pages = _pages(pdf)
    assert len(pages) > 5
    whole = "\n".join(pages)
    for expected in (
        "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ",  # the issuer wraps in its column
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-MTTQ",
        "Hà Nội, ngày 05 tháng 01 năm 2027",
        "Kết quả số hóa tài liệu năm 2026",
        "Ảnh mờ, nghiêng quá 5°",
        "Nguyễn Thị Hường 1",
        "Lê Văn Đức",
        f"Trang {len(pages)}/{len(pages)}",
    ):
        assert expected in whole, expected
    # every organisation's line, its name, code and change, on the summary pages
    for line in report.lines:
        assert line.name in whole and line.code in whole
    first = report.lines[1]
    key = METRICS[0][0]
    assert re.search(rf"{re.escape(first.name)}\s+{first.total[key]:,}".replace(",", "."), whole), (
        first.name
    )
    assert change(first.total[key], first.previous[key]) in whole
    # the reasons' table: headed on every page it spans, each district once per page
    listed = [p for p in pages if "Ảnh mờ" in p]
    assert len(listed) > 1
    for page in listed:
        assert re.search(r"Đơn vị\s+Lý do\s+Số lượt", page), page[:200]
        codes = re.findall(r"^\s*(000\.\d\d\.\d\d\.H\d\d)\s+\S", page, re.M)
        assert codes and len(codes) == len(set(codes))
    rows = [
        line
        for page in listed
        for line in page.splitlines()
        if any(reason in line for reason in REASONS)
    ]
    assert len(rows) == len(report.reasons)


def test_xlsx_figures(report: Report) -> None:
    """The figures in the workbook exactly as in the report."""
    book = load_workbook(io.BytesIO(to_xlsx(report, HEADER)))
    assert book.sheetnames == ["Tổng hợp", "Lý do trả lại", "Theo cán bộ", "Ghi chú"]
    sheet = book["Tổng hợp"]
    assert sheet["A1"].value == HEADER.issuer
    assert sheet["A2"].value == "BÁO CÁO KẾT QUẢ SỐ HÓA TÀI LIỆU NĂM 2026"
    assert sheet.freeze_panes == "C6" and sheet["C5"].font.b
    rows = list(sheet.iter_rows(min_row=6, values_only=True))
    assert len(rows) == len(report.lines) + 1
    for line, row in zip(report.lines, rows, strict=False):
        assert row[:2] == (line.code, line.name)
        for n, (key, _) in enumerate(METRICS):
            now, before = line.total[key], line.previous[key]
            assert row[2 + 3 * n : 5 + 3 * n] == (now, before, change(now, before))
    assert rows[-1][1] == "Tổng cộng" and rows[-1][2] == report.total[METRICS[0][0]]
    assert sheet.cell(7, 2).alignment.indent == 2  # a district under its province
    reasons = list(book["Lý do trả lại"].iter_rows(min_row=2, values_only=True))
    assert reasons == list(report.reasons)
    clerks = list(book["Theo cán bộ"].iter_rows(min_row=2, values_only=True))
    assert clerks == list(report.clerks)
    notes = [r[0] for r in book["Ghi chú"].iter_rows(values_only=True)]
    assert notes == [*report.notes, "Lập lúc 05/01/2027 09:30 (giờ Việt Nam)."]
