"""Foundation benchmark: clean-up speed and accuracy, then convert vs OCRmyPDF on the same pages."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import img2pdf
import numpy as np
import pikepdf
from PIL import Image

from app.imaging import analyse, render
from app.imaging.lines import quad_skew
from app.ocr.tesseract import TesseractEngine
from app.pipeline.runner import worker_context
from app.synth.corpus import Sample, corpus
from bench.metrics import cer, polygon_iou, skew_error


@dataclass(frozen=True)
class Tool:
    """One end-to-end run of a tool on the corpus PDF."""

    name: str
    seconds: float
    output: Path
    pages: int

    @property
    def pages_per_minute(self) -> float:
        return self.pages / self.seconds * 60.0

    @property
    def bytes_per_page(self) -> float:
        return self.output.stat().st_size / self.pages


def make_corpus(folder: Path, n: int, seed: int) -> list[Sample]:
    """Render the corpus and save each scan as a lossless PNG with its dpi."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = list(corpus(n, seed=seed, dpi=300))
    for i, sample in enumerate(samples):
        Image.fromarray(sample.image).save(
            folder / f"{i:04d}.png", dpi=(300, 300), compress_level=1
        )
    return samples


def cleanup_figures(samples: list[Sample]) -> dict[str, Any]:
    """Time analyse + render per page and compare the findings with the truth."""
    times, ious, skews = [], [], []
    upside_wrong, blank_missed, blank_false = 0, 0, 0
    for sample in samples:
        start = time.perf_counter()
        geometry, findings = analyse(sample.image, sample.truth.dpi)
        render(sample.image, geometry)
        times.append((time.perf_counter() - start) * 1000.0)
        h, w = sample.image.shape[:2]
        outline = findings.outline or ((0.0, 0.0), (w, 0.0), (w, h), (0.0, h))
        ious.append(polygon_iou(outline, sample.truth.outline))
        # The true skew of a sheet whose corners perspective moved is that of the rectangle
        # best fitting its true outline.
        skews.append(skew_error(findings.skew_deg, quad_skew(sample.truth.outline)))
        if sample.truth.blank:
            blank_missed += not findings.blank
        else:
            blank_false += findings.blank
            upside_wrong += findings.orientation != sample.truth.orientation
    return {
        "cleanup_ms_median": statistics.median(times),
        "cleanup_ms_p95": float(np.percentile(times, 95)),
        "crop_iou_min": min(ious),
        "crop_iou_mean": statistics.fmean(ious),
        "skew_err_max_deg": max(skews),
        "skew_err_mean_deg": statistics.fmean(skews),
        "orientation_wrong": upside_wrong,
        "blank_total": sum(s.truth.blank for s in samples),
        "blank_missed": blank_missed,
        "blank_false": blank_false,
    }


def run_tool(name: str, command: list[str], output: Path, pages: int) -> Tool:
    """Run one tool to completion, timing the wall clock."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return Tool(name=name, seconds=seconds, output=output, pages=pages)


def page_texts(pdf: Path, pages: int) -> list[str]:
    """The text layer of each page, as pdftotext reads it."""
    texts = []
    for i in range(1, pages + 1):
        done = subprocess.run(
            ["pdftotext", "-f", str(i), "-l", str(i), "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        texts.append(done.stdout)
    return texts


def text_cer(
    samples: list[Sample], texts: list[str], *, diacritics: bool = True, ordered: bool = False
) -> float:
    """Pooled character error rate over the pages that carry text."""
    errors = total = 0
    for sample, text in zip(samples, texts, strict=True):
        if sample.truth.blank:
            continue
        e, n = cer(sample.truth.text, text, diacritics=diacritics, ordered=ordered)
        errors += e
        total += n
    return errors / max(total, 1)


def _legibility(sample: Sample, stored: np.ndarray) -> tuple[int, int, int, int]:
    """OCR errors on the printed sheet, the lossless clean page and the stored image; length."""
    engine = TesseractEngine(lang="vie")
    dpi = sample.truth.dpi
    lossless = render(sample.image, analyse(sample.image, dpi)[0])
    e_sheet, n = cer(sample.truth.text, engine.recognize(sample.sheet.image, dpi).text)
    e_lossless, _ = cer(sample.truth.text, engine.recognize(lossless, dpi).text)
    e_stored, _ = cer(sample.truth.text, engine.recognize(stored, dpi).text)
    return e_sheet, e_lossless, e_stored, n


def legibility(samples: list[Sample], pdf: Path, jobs: int) -> tuple[float, float, float]:
    """CER of OCR on the printed sheets (the limit), the lossless clean pages, the stored images."""
    stored = []
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            (image,) = (
                pikepdf.PdfImage(cast(pikepdf.Stream, x)) for x in page.get_images().values()
            )
            stored.append(np.asarray(image.as_pil_image().convert("RGB")))
    pairs = [(s, img) for s, img in zip(samples, stored, strict=True) if not s.truth.blank]
    with ProcessPoolExecutor(
        max_workers=jobs,
        initializer=_one_thread,
        mp_context=worker_context(),
    ) as pool:
        results = list(pool.map(_legibility, *zip(*pairs, strict=True)))
    total = max(sum(r[3] for r in results), 1)
    e_sheet, e_lossless, e_stored = (sum(r[k] for r in results) / total for k in range(3))
    return e_sheet, e_lossless, e_stored


def _one_thread() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def run(out: Path, n: int, seed: int, jobs: int) -> dict[str, Any]:
    """Run the whole foundation benchmark and return its figures."""
    shutil.rmtree(out, ignore_errors=True)
    samples = make_corpus(out / "corpus", n, seed)
    figures: dict[str, Any] = {"pages": n, "jobs": jobs, "cores": os.cpu_count()}
    figures.update(cleanup_figures(samples))

    source = out / "input.pdf"
    source.write_bytes(img2pdf.convert(sorted(str(p) for p in (out / "corpus").glob("*.png"))))
    ours = run_tool(
        "scanstation",
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "convert",
            str(source),
            "-o",
            str(out / "ours.pdf"),
            "--jobs",
            str(jobs),
            "--report",
            str(out / "ours-report.json"),
        ],
        out / "ours.pdf",
        n,
    )
    tools = [ours]
    if shutil.which("ocrmypdf") or (Path(sys.executable).parent / "ocrmypdf").exists():
        ocrmypdf = str(Path(sys.executable).parent / "ocrmypdf")
        tools.append(
            run_tool(
                "ocrmypdf",
                [
                    ocrmypdf,
                    "-l",
                    "vie",
                    "--deskew",
                    "--rotate-pages",
                    "--output-type",
                    "pdfa",
                    "--jobs",
                    str(jobs),
                    str(source),
                    str(out / "ocrmypdf.pdf"),
                ],
                out / "ocrmypdf.pdf",
                n,
            )
        )
    for tool in tools:
        texts = page_texts(tool.output, n)
        figures[tool.name] = {
            "seconds": tool.seconds,
            "pages_per_minute": tool.pages_per_minute,
            "bytes_per_page": tool.bytes_per_page,
            "cer": text_cer(samples, texts),
            "cer_no_diacritics": text_cer(samples, texts, diacritics=False),
            "cer_in_reading_order": text_cer(samples, texts, ordered=True),
        }
    sheet, lossless, stored = legibility(samples, ours.output, jobs)
    figures["scanstation"]["ocr_cer_printed_sheet"] = sheet
    figures["scanstation"]["ocr_cer_lossless"] = lossless
    figures["scanstation"]["ocr_cer_stored"] = stored
    return figures


def print_figures(f: dict[str, Any]) -> None:
    """Print the figures with the targets of the foundation issue."""
    ours = f["scanstation"]
    print(
        f"\n== Foundation: {f['pages']} synthetic 300-dpi pages, --jobs {f['jobs']}, "
        f"{f['cores']} cores =="
    )
    print(
        f"clean-up median      {f['cleanup_ms_median']:8.1f} ms/page "
        f"(p95 {f['cleanup_ms_p95']:.1f})"
        "   target ≤ 40"
    )
    print(
        f"crop IoU             min {f['crop_iou_min']:.4f}  mean {f['crop_iou_mean']:.4f}"
        "   target ≥ 0.99"
    )
    print(
        f"skew error           max {f['skew_err_max_deg']:.3f}°  mean {f['skew_err_mean_deg']:.3f}°"
        "   target ≤ 0.1°"
    )
    print(f"orientation wrong    {f['orientation_wrong']} pages   target 0")
    print(
        f"blank pages          {f['blank_total']} total, {f['blank_missed']} missed, "
        f"{f['blank_false']} false   target 0 missed"
    )
    print(f"{'':14} {'pages/min':>10} {'bytes/page':>11} {'CER':>8} {'no-diac':>8} {'ordered':>8}")
    for name in ("scanstation", "ocrmypdf"):
        if name in f:
            t = f[name]
            print(
                f"{name:14} {t['pages_per_minute']:10.1f} {t['bytes_per_page']:11.0f} "
                f"{t['cer']:8.3%} {t['cer_no_diacritics']:8.3%} {t['cer_in_reading_order']:8.3%}"
            )
    print(
        f"limit: Tesseract on the printed sheets (no scan distortion): CER "
        f"{ours['ocr_cer_printed_sheet']:.3%}"
    )
    loss = 100 * (ours["ocr_cer_stored"] - ours["ocr_cer_lossless"])
    print(
        f"legibility: OCR CER {ours['ocr_cer_lossless']:.3%} on the lossless clean pages, "
        f"{ours['ocr_cer_stored']:.3%} on the stored JPEGs ({loss:+.2f} points; target < 0.5)"
    )
    if "ocrmypdf" in f:
        ref = f["ocrmypdf"]
        print(
            f"ratios vs ocrmypdf: speed ×{ours['pages_per_minute'] / ref['pages_per_minute']:.2f}"
            f" (target ≥ 1.5), size {ours['bytes_per_page'] / ref['bytes_per_page']:.1%}"
            f" (target ≤ 50%), CER {ours['cer']:.4%} vs {ref['cer']:.4%}"
        )


def main(out: Path, n: int, seed: int, jobs: int) -> dict[str, Any]:
    """Run, print and save the figures."""
    figures = run(out, n, seed, jobs)
    print_figures(figures)
    (out / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures
