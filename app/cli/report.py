"""`scanstation report`: the periodic report of this station's own catalog, offline."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import DependencyError, OutputError, UsageError
from app.reports import desk, period
from app.reports.header import Header
from app.reports.pdf import to_pdf
from app.reports.xlsx import to_xlsx

from .catalog import Commands, catalog_option, open_catalog
from .common import add_command


def register(commands: Commands) -> None:
    """Add `report`."""
    report = add_command(
        commands, "report", "monthly/quarterly/half-year/yearly report (XLSX or PDF)", _report
    )
    report.add_argument("--period", required=True, help="2026-11, 2026-Q4, 2026-H2 or 2026")
    report.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
    report.add_argument("-o", "--out", type=Path, help="file to write (default bao-cao-…)")
    report.add_argument("--number", default="", help='the report\'s number, e.g. "12/BC-MTTQ"')
    report.add_argument("--place", default="", help="place before the date, e.g. Hà Nội")
    report.add_argument("--signer", default="", help="the signer's full name")
    catalog_option(report)


def _report(args: argparse.Namespace) -> Any:
    try:
        chosen = period.parse(args.period)
    except ValueError as err:
        raise UsageError(str(err)) from err
    with open_catalog(args) as catalog:
        built = desk.build(catalog, chosen)
        header = Header(
            issuer=catalog.organisation().name,
            number=args.number,
            place=args.place,
            signer_name=args.signer,
        )
    out: Path = args.out or Path(f"bao-cao-{chosen.code}.{args.format}")
    try:
        data = to_xlsx(built, header) if args.format == "xlsx" else to_pdf(built, header)
    except FileNotFoundError as err:  # a font of the PDF
        raise DependencyError(str(err)) from err
    try:
        out.write_bytes(data)
    except OSError as err:
        raise OutputError(f"Không ghi được {out}: {err}") from err
    line = built.lines[0].total
    print(f"{out}  ({line['documents']} tài liệu, {line['pages']} trang, {chosen.label})")
    return 0
