"""The desk's offline report: numbers against the catalog's rows, PDF through pdftotext."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.catalog import State
from app.cli.main import main
from app.reports import desk
from app.reports.period import VN, parse
from testkit.catalog import doc_meta, make_pdf
from testkit.station import add_signed, new_catalog

REASON = "Thiếu trang 2, quét lại"


def _month() -> str:
    today = datetime.datetime.now(VN)
    return f"{today.year}-{today.month:02d}"


def test_desk_report(tmp_path: Path, pdfs: tuple[Path, Path]) -> None:
    org = "000.00.00.G09"
    with new_catalog(tmp_path / "catalog", org) as catalog:
        hoso = catalog.list_hoso()[0].file_code
        two = make_pdf(tmp_path / "two.pdf", "hai trang", pages=2)
        doc = catalog.add_document(two, doc_meta(subject="Tờ trình"), "lan", hoso=hoso)
        catalog.set_state(doc.doc_code, State.INDEXED, "lan")
        catalog.set_state(doc.doc_code, State.REJECTED, "hung", REASON)
        catalog.replace_scan(doc.doc_code, two, "lan")
        add_signed(catalog, *pdfs, 2)
        docs = catalog.documents(hoso)
        built = desk.build(catalog, parse(_month()))
        earlier = desk.build(catalog, parse("2020"))
    line = built.lines[0]
    assert line.total == {
        "documents": len(docs),
        "pages": sum(d.page_count for d in docs),
        "hoso": 1,
        "signed": sum(d.state == State.SIGNED for d in docs),
        "rejected": 1,
        "rescanned": 1,
    }
    assert (line.total["documents"], line.total["pages"], line.total["signed"]) == (3, 4, 2)
    assert built.reasons == ((org, REASON, 1),)
    assert built.clerks == ((org, "lan", 3, 4),)
    assert earlier.lines[0].total["documents"] == 0

    out = tmp_path / "bc.pdf"
    args = ["report", "--period", _month(), "--catalog", str(tmp_path / "catalog"), "-o"]
    assert main([*args, str(out), "--number", "03/BC", "--signer", "Trần Văn Hùng"]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 03/BC",
        REASON,
        "Ủy ban MTTQ Việt Nam (000.00.00.G09)",
        "Trần Văn Hùng",
    ):
        assert expected in text, expected
    book = tmp_path / "bc.xlsx"
    assert main([*args, str(book), "--format", "xlsx"]) == 0
    rows = list(load_workbook(book)["Tổng hợp"].iter_rows(min_row=6, max_row=6, values_only=True))
    assert rows[0][:3] == (org, "Ủy ban MTTQ Việt Nam (000.00.00.G09)", 3)


def test_desk_report_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--period", "2026-Q7", "--catalog", str(tmp_path / "none")]) == 2
    assert "2026-Q4" in capsys.readouterr().err  # the accepted forms
    with new_catalog(tmp_path / "catalog", "000.00.00.G09"):
        pass
    blocked = tmp_path / "no-such-folder" / "bc.pdf"
    code = main(
        ["report", "--period", "2026", "--catalog", str(tmp_path / "catalog"), "-o", str(blocked)]
    )
    assert code == 6 and "Không ghi được" in capsys.readouterr().err
