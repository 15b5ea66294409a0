"""Reports: numbers against the station's catalog rows and the server's, XLSX, PDF, CLI."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from app.reports.model import change
from app.reports.period import VN, Period, parse
from testkit.serverproc import ORG_A, ORG_B, ROOT
from tests.web.conftest import PASSWORD, PROVINCE, REJECT_REASON, WebSite

KEYS = ("documents", "pages", "hoso", "signed", "rejected", "rescanned")


def _this_month() -> str:
    today = datetime.datetime.now(VN)
    return f"{today.year}-{today.month:02d}"


def test_periods() -> None:
    assert parse("2026-11") == Period(2026, 11, 1)
    assert parse("2026-q4") == Period(2026, 10, 3)
    assert parse("2026-H2").label == "6 tháng cuối năm 2026"
    assert parse("2026").previous() == Period(2025, 1, 12)
    assert parse("2026-01").previous().code == "2025-12"
    assert parse("2026-Q1").previous().code == "2025-Q4"
    assert parse("2026-H1").previous().code == "2025-H2"
    assert parse("2026-12").end == datetime.datetime(2027, 1, 1, tzinfo=VN)
    for bad in ("2026-13", "2026-Q5", "26", "2026-11-01", ""):
        with pytest.raises(ValueError, match="2026-Q4"):
            parse(bad)
    assert (change(3, 0), change(0, 0), change(3, 2), change(1, 4)) == (
        "mới",
        "—",
        "+50 %",
        "−75 %",
    )


def _cells(html: str, org: str) -> dict[str, int]:
    row = re.search(rf'<tr[^>]*data-org="{re.escape(org)}">(.*?)</tr>', html, re.S)
    assert row is not None, org
    found = re.findall(r'data-key="(\w+)">(\d+)<br>', row.group(1))
    return {key: int(value) for key, value in found}


def _page(site: WebSite, user: str, **params: str) -> httpx.Response:
    http = httpx.Client(base_url=site.url)
    form = http.get("/web/login").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form)
    assert csrf is not None
    http.post("/web/login", data={"name": user, "password": PASSWORD, "csrf": csrf.group(1)})
    try:
        return http.get("/web/reports", params=params)
    finally:
        http.close()


def test_report_matches_the_rows_it_comes_from(site: WebSite) -> None:
    html = _page(site, "lanh-dao", period=_this_month()).text
    rows = site.server.sql(
        "SELECT org, count(*), count(DISTINCT hoso_code) FROM document GROUP BY org"
    )
    server_docs = {r[0]: r[1] for r in rows}
    server_hoso = {r[0]: r[2] for r in rows}
    for org in (ORG_A, ORG_B):
        station = site.figures[org]
        assert _cells(html, org) == {
            "documents": station.documents,
            "pages": station.pages,
            "hoso": server_hoso[org],
            "signed": station.signed,
            "rejected": len(station.reasons),
            "rescanned": station.rescans,
        }
        assert station.documents == server_docs[org]
    a, b = _cells(html, ORG_A), _cells(html, ORG_B)
    rolled = {k: a[k] + b[k] for k in KEYS}
    assert _cells(html, PROVINCE) == rolled  # the province sums its districts
    assert _cells(html, "total") == rolled
    assert site.figures[ORG_A].reasons == (REJECT_REASON,)
    assert REJECT_REASON in html
    for clerk, (docs, pages) in site.figures[ORG_A].clerks.items():
        assert re.search(
            rf"<td>{ORG_A}</td><td>{clerk}</td><td[^>]*>{docs}</td>"
            rf"<td[^>]*>{pages}</td>",
            html,
        )
    earlier = _page(site, "lanh-dao", period="2020").text  # nothing was made then
    assert _cells(earlier, "total") == dict.fromkeys(KEYS, 0)


def test_district_reader_sees_only_its_report(site: WebSite) -> None:
    html = _page(site, "quan-a", period=_this_month()).text
    assert f'data-org="{ORG_A}"' in html and f'data-org="{ORG_B}"' not in html
    assert _cells(html, "total") == _cells(html, ORG_A)
    assert _page(site, "quan-a", period="2026", org=ORG_B).status_code == 403
    assert _page(site, "quan-a", period="2026-Q9").status_code == 400


def _cli(site: WebSite, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "--config", str(site.server.config_path), "report", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_pdf_and_xlsx(site: WebSite, tmp_path: Path) -> None:
    month = _this_month()
    out = tmp_path / "bc.pdf"
    done = _cli(
        site,
        "--period",
        month,
        "--format",
        "pdf",
        "-o",
        str(out),
        "--number",
        "07/BC-MTTQ",
        "--place",
        "Hà Nội",
        "--signer",
        "Nguyễn Văn An",
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 07/BC-MTTQ",
        "Hà Nội, ngày",
        "BÁO CÁO",
        REJECT_REASON,
        "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm",
        "Nguyễn Văn An",
        "Máy trạm không gửi sự kiện đóng hồ sơ",
    ):
        assert expected in text, expected
    total = site.figures[ORG_A].documents + site.figures[ORG_B].documents
    assert re.search(rf"Tổng cộng\s*\n?.*?\b{total}\b", text, re.S)

    book_path = tmp_path / "bc.xlsx"
    done = _cli(site, "--period", month, "--org", ORG_A, "--format", "xlsx", "-o", str(book_path))
    assert done.returncode == 0, done.stderr
    book = load_workbook(io.BytesIO(book_path.read_bytes()))
    sheet = book["Tổng hợp"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=6, values_only=True)}
    assert rows[ORG_A][2] == site.figures[ORG_A].documents
    assert rows[ORG_A][5] == site.figures[ORG_A].pages
    assert ORG_B not in rows and PROVINCE not in rows
    reasons = list(book["Lý do trả lại"].iter_rows(min_row=2, values_only=True))
    assert reasons == [(ORG_A, REJECT_REASON, 1)]


def test_cli_bad_input(site: WebSite) -> None:
    bad = _cli(site, "--period", "2026-13")
    assert bad.returncode == 2 and "2026-Q4" in bad.stderr
    unknown = _cli(site, "--period", "2026", "--org", "999.99.99.X99")
    assert unknown.returncode == 2 and "999.99.99.X99" in unknown.stderr
