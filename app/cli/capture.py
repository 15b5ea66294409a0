"""Capture commands: list scanners, scan a batch to PDF/A, convert files to PDF/A."""

from __future__ import annotations

import argparse
import datetime
import uuid
from pathlib import Path

from platformdirs import user_data_path

from app.atomic import check_output_folder
from app.errors import UsageError
from app.pipeline.flows import RunOptions, RunResult, convert_files, scan_to_pdf
from app.pipeline.report import write_report
from app.pipeline.runner import default_jobs
from app.scanner.base import ScanSettings
from app.scanner.factory import list_devices

from .common import add_command, positive_int
from .progress import TerminalProgress


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF/A file to write")
    parser.add_argument("--lang", default="vie", help="Tesseract languages, e.g. vie or vie+eng")
    parser.add_argument("--no-ocr", action="store_true", help="write the image layer only")
    parser.add_argument(
        "--jobs",
        type=positive_int,
        default=default_jobs(),
        help="pages processed in parallel (default: the number of cores)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="refuse pages under 200 dpi instead of flagging them"
    )
    parser.add_argument("--title", default="", help="document title (default: the file name)")
    parser.add_argument("--report", type=Path, help="write a per-page JSON report here")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `devices`, `scan` and `convert`."""
    add_command(commands, "devices", "list the scanners the station can use", _devices)

    scan = add_command(commands, "scan", "scan a batch into one PDF/A", _scan)
    scan.add_argument(
        "--device",
        required=True,
        help="device id from `scanstation devices` (sane:..., folder:PATH, demo)",
    )
    scan.add_argument("--source", choices=("flatbed", "adf"), default="flatbed")
    scan.add_argument("--duplex", action="store_true", help="both sides (ADF only)")
    scan.add_argument("--dpi", type=positive_int, default=300)
    scan.add_argument("--mode", choices=("color", "gray"), default="color")
    scan.add_argument("--pages", type=positive_int, help="stop after this many pages")
    scan.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a device-specific SANE option, e.g. --option test-picture=Grid",
    )
    _add_run_options(scan)

    convert = add_command(
        commands,
        "convert",
        "turn images (JPEG, PNG, TIFF) and PDFs into one clean PDF/A",
        _convert,
    )
    convert.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    convert.add_argument(
        "--dpi",
        type=positive_int,
        default=300,
        help="resolution assumed for images that do not record one",
    )
    convert.add_argument(
        "--split",
        action="store_true",
        help="one PDF/A per document, cut at separator (QR) and Patch-T sheets, written next to "
        "-o as {docCode}.pdf or NAME-001.pdf, with the splits in NAME.splits.json",
    )
    _add_run_options(convert)


def _options(args: argparse.Namespace) -> RunOptions:
    return RunOptions(
        lang=args.lang,
        ocr="none" if args.no_ocr else "tesseract",
        jobs=args.jobs,
        strict=args.strict,
        title=args.title,
        fallback_dpi=float(args.dpi),
        split=getattr(args, "split", False),
    )


def _check_output(path: Path) -> None:
    if path.suffix.lower() != ".pdf":
        raise UsageError(f"The output {path} must end in .pdf.", hint="E.g. -o hoso.pdf")
    if not path.parent.is_dir():
        raise UsageError(f"The folder {path.parent} does not exist.", hint="Create it first.")
    check_output_folder(path)  # before any page is scanned or read, not after


def _finish(result: RunResult, report_path: Path | None) -> None:
    if report_path is not None:
        write_report(result.report, report_path)
    pages = result.report["page_count"]
    blank = result.report["blank_pages"]
    wrote = "in the documents above" if "documents" in result.report else str(result.output)
    print(f"{wrote}: {pages} page(s)", end="")
    if blank:
        print(f"; blank: {', '.join(str(i + 1) for i in blank)}", end="")
    print()
    for entry in result.report["pages"]:
        if entry["flags"]:
            print(f"  page {entry['index'] + 1}: {', '.join(entry['flags'])}")


def _devices(args: argparse.Namespace) -> None:
    for device in list_devices():
        print(f"{device.id}\t{device.vendor} {device.model}\t({device.kind})")


def _device_options(pairs: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise UsageError(f"Bad --option {pair!r}.", hint="Write it as NAME=VALUE.")
        options[name] = value
    return options


def _scan(args: argparse.Namespace) -> None:
    _check_output(args.output)
    device_options = _device_options(args.option)
    settings = ScanSettings(
        dpi=args.dpi, mode=args.mode, source=args.source, duplex=args.duplex, max_pages=args.pages
    )
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    batch = user_data_path("scanstation") / "batches" / f"{stamp}-{uuid.uuid4().hex[:8]}"
    with TerminalProgress("scan", total=args.pages) as progress:
        result = scan_to_pdf(
            args.device,
            settings,
            args.output,
            _options(args),
            batch,
            device_options=device_options,
            progress=progress,
        )
    _finish(result, args.report)


def _convert(args: argparse.Namespace) -> None:
    _check_output(args.output)
    with TerminalProgress("convert") as progress:
        result = convert_files(args.inputs, args.output, _options(args), progress=progress)
    if args.split:
        _finish_split(result)
    _finish(result, args.report)


def _finish_split(result: RunResult) -> None:
    documents = result.report["documents"]
    splits = result.output.with_name(result.output.stem + ".splits.json")
    write_report({"documents": documents}, splits)
    for doc in documents:
        pages = doc["pages"]
        print(f"{doc['output']}: pages {pages[0]}-{pages[-1]} ({doc['reason']})")
    print(f"{len(documents)} document(s); splits in {splits}")
