"""Extraction commands: read a document's fields from its first page; print separator sheets."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from app.errors import InputError, OutputError, UsageError
from app.extract.doctypes import table
from app.extract.read import PageFields, read_fields
from app.extract.reread import Rereader
from app.extract.sheets import write_sheets
from app.ocr.factory import make_engine
from app.pdf.image import decode_image
from app.pipeline.runner import default_jobs, process_pages
from app.pipeline.steps import PageOptions
from app.scanner.files import read_files
from app.scanner.recovery import RecoveryFolder

from .common import add_command, positive_int

LABELS = (
    ("number", "Số, ký hiệu"),
    ("issued", "Ngày ban hành"),
    ("doc_type", "Tên loại"),
    ("subject", "Trích yếu"),
    ("issuer", "Cơ quan ban hành"),
    ("secrecy", "Độ mật"),
    ("urgency", "Độ khẩn"),
    ("page_count", "Số trang"),
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `extract` and `separator-sheet`."""
    extract = add_command(
        commands, "extract", "read số, date, type, trích yếu, issuer and stamps from page 1",
        _extract,
    )
    extract.add_argument("inputs", nargs="+", type=Path, metavar="FILE",
                         help="a PDF or the page images of one document")
    extract.add_argument("--json", action="store_true", help="print JSON with boxes")
    extract.add_argument("--lang", default="vie", help="Tesseract languages")
    extract.add_argument("--dpi", type=positive_int, default=300,
                         help="resolution assumed for images that do not record one")

    sheet = add_command(
        commands, "separator-sheet", "print A4 separator sheets (QR + text) for a hồ sơ",
        _separator_sheet,
    )
    sheet.add_argument("--hoso", required=True, metavar="FILECODE",
                       help="mã hồ sơ, e.g. H49.64.33.2001.160")
    sheet.add_argument("--start", type=positive_int, default=1,
                       help="number of the document after the first sheet (default 1)")
    sheet.add_argument("--count", type=positive_int, default=1, help="how many sheets")
    sheet.add_argument("--patch-t", action="store_true",
                       help="also print a Patch-T bar code for scanners that read patches")
    sheet.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")


def _fields(inputs: list[Path], lang: str, dpi: float) -> PageFields:
    engine = make_engine("tesseract", lang)
    engine.check()
    with tempfile.TemporaryDirectory(prefix="scanstation-extract-") as tmp:
        raws = read_files(inputs, RecoveryFolder(Path(tmp)), fallback_dpi=dpi)
        outcomes = process_pages(raws, PageOptions(engine=engine), jobs=min(2, default_jobs()))
    if not outcomes:
        raise InputError("No page to read.", hint="Give a PDF or at least one page image.")
    first = outcomes[0]
    size = (first.encoded.width, first.encoded.height)
    lines = Rereader(engine, lambda: decode_image(first.encoded), first.encoded.dpi)
    return read_fields(first.ocr, size, pages=len(outcomes), reread=lines)


def _extract(args: argparse.Namespace) -> None:
    fields = _fields(list(args.inputs), args.lang, float(args.dpi))
    if args.json:
        print(json.dumps(fields.to_json(), ensure_ascii=False, indent=2))
        return
    for name, label in LABELS:
        value = getattr(fields, name)
        text = value.value
        known = table().by_code(text) if name == "doc_type" else None
        if known is not None and known.name != text:
            text = f"{text} {known.name}"
        shown = text if text else "—"
        print(f"{label:<18} {shown}  ({value.confidence:.2f})")


def _separator_sheet(args: argparse.Namespace) -> None:
    if args.output.suffix.lower() != ".pdf":
        raise UsageError(f"The output {args.output} must end in .pdf.", hint="E.g. -o sheets.pdf")
    try:
        sheets = write_sheets(args.hoso, args.start, args.count, args.output,
                              patch_t=args.patch_t)
    except ValueError as err:
        hint = "A mã hồ sơ uses letters, digits, dots and dashes."
        raise UsageError(str(err), hint=hint) from err
    except OSError as err:
        raise OutputError(f"Cannot write {args.output}: {err}", hint="Check the folder.") from err
    print(f"{args.output}: {len(sheets)} sheet(s) for {sheets[0].doc_code}"
          f"{' … ' + sheets[-1].doc_code if len(sheets) > 1 else ''}")
