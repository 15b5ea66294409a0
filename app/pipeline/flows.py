"""The two whole flows the CLI and the UI call: files to PDF/A, and scanner to PDF/A."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.ocr.factory import make_engine
from app.page import RawPage
from app.pdf.image import DEFAULT_QUALITY
from app.pipeline.documents import pdf_page, write_documents, write_pages
from app.pipeline.progress import CancelToken, Progress
from app.pipeline.report import build_report
from app.pipeline.runner import default_jobs, process_pages
from app.pipeline.spool import SpoolFolder
from app.pipeline.steps import PageOptions, PageOutcome
from app.scanner.base import ScanInterrupted, ScanSettings
from app.scanner.factory import open_scanner
from app.scanner.files import read_files
from app.scanner.recovery import RecoveryFolder

MIN_DPI = 200  # NĐ 30 / TT 05/2025: at least 200 dpi for administrative documents


@dataclass(frozen=True)
class RunOptions:
    """How a run reads, checks and writes its pages."""

    lang: str = "vie"
    ocr: str = "tesseract"
    jobs: int = field(default_factory=default_jobs)
    strict: bool = False
    title: str = ""
    jpeg_quality: int = DEFAULT_QUALITY
    fallback_dpi: float = 300.0
    split: bool = False  # one PDF/A per document, cut at separator and Patch-T sheets


@dataclass(frozen=True)
class RunResult:
    """What a run produced."""

    output: Path
    outcomes: list[PageOutcome]
    report: dict[str, Any]


def _strict_dpi(raw: RawPage) -> None:
    """Refuse a page under the rules' minimum resolution (--strict)."""
    if raw.dpi < MIN_DPI:
        raise InputError(
            f"Page {raw.index + 1} is {raw.dpi:g} dpi; the rules require at least {MIN_DPI} dpi.",
            hint=f"Rescan at {MIN_DPI} dpi or more (300 is recommended), or drop --strict.",
        )


def _run(
    raws: Iterator[RawPage],
    out: Path,
    options: RunOptions,
    progress: Progress | None,
    cancel: CancelToken | None,
    extra: dict[str, Any],
) -> RunResult:
    """Process the pages, then write the PDF/A; nothing is written unless every page succeeded."""
    engine = make_engine(options.ocr, options.lang)
    engine.check()
    started = time.perf_counter()
    outcomes = process_pages(
        raws,
        PageOptions(engine=engine, jpeg_quality=options.jpeg_quality),
        jobs=options.jobs,
        check=_strict_dpi if options.strict else None,
        progress=progress,
        cancel=cancel,
    )
    if not outcomes:
        raise InputError("No page to write.", hint="Give at least one image or PDF page.")
    title = options.title or out.stem
    if options.split:
        extra = {**extra, "documents": write_documents(outcomes, out, title)}
    else:
        write_pages([pdf_page(o) for o in outcomes], out, title)
    report = build_report(
        outcomes,
        output=out,
        elapsed_s=time.perf_counter() - started,
        extra={"lang": options.lang if options.ocr != "none" else None, **extra},
    )
    return RunResult(output=out, outcomes=outcomes, report=report)


def convert_files(
    inputs: Sequence[Path],
    out: Path,
    options: RunOptions,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> RunResult:
    """Turn images and PDFs into one clean, searchable PDF/A."""
    with tempfile.TemporaryDirectory(prefix="scanstation-convert-") as tmp:
        store = SpoolFolder(Path(tmp))
        raws = read_files(inputs, store, fallback_dpi=options.fallback_dpi)
        return _run(raws, out, options, progress, cancel, {"inputs": [str(p) for p in inputs]})


def scan_to_pdf(
    device_id: str,
    settings: ScanSettings,
    out: Path,
    options: RunOptions,
    batch_folder: Path,
    *,
    device_options: Mapping[str, object] | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> RunResult:
    """Scan a batch into `batch_folder` (kept if anything fails) and write it as one PDF/A."""
    store = RecoveryFolder(batch_folder)
    stops: list[ScanInterrupted] = []

    def until_interrupted(pages: Iterator[RawPage]) -> Iterator[RawPage]:
        count = 0
        try:
            for page in pages:
                count += 1
                yield page
        except ScanInterrupted as err:
            if count == 0:
                raise
            stops.append(err)

    with open_scanner(device_id, extra_options=device_options) as scanner:
        result = _run(
            until_interrupted(scanner.scan(settings, store)),
            out,
            options,
            progress,
            cancel,
            {"device": device_id, "batch_folder": str(batch_folder)},
        )
    if stops:
        err = stops[0]
        raise ScanInterrupted(
            f"{err.message} The {len(result.outcomes)} page(s) scanned before it are in {out}"
            f" and in {batch_folder}.",
            hint=err.hint or "Clear the scanner, then scan the remaining sheets.",
            pages_kept=len(result.outcomes),
        )
    shutil.rmtree(batch_folder, ignore_errors=True)
    return result
