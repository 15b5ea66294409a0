"""Geometry bench on hard pages, tuning and held-out splits: orientation, outline, order, speed."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import img2pdf
import numpy as np
import pikepdf
from PIL import Image

import app
from app.imaging import analyse
from app.ocr.base import Word
from app.ocr.factory import make_engine
from app.page import Flag, RawPage
from app.pdf.font import add_glyphless_font
from app.pdf.textlayer import FONT_RESOURCE, text_layer
from app.pipeline.runner import process_pages, worker_context
from app.pipeline.steps import PageOptions
from app.synth.fonts import FAMILIES, missing_letters
from app.synth.splits import LIGHT_BEDS, SPLITS, _choose, find_split, kinds, split_sample
from bench.foundation import Tool, page_texts, run_tool
from bench.metrics import cer, polygon_iou

CACHE_VERSION = 1  # bump when the corpus changes, so that the cache is rebuilt
PAGES = {"tuning": int(os.environ.get("BENCH_GEOMETRY_TUNING_PAGES", "140")),
         "heldout": int(os.environ.get("BENCH_GEOMETRY_PAGES", "220"))}
OCR_PAGES = int(os.environ.get("BENCH_GEOMETRY_OCR_PAGES", "40"))
ORDER_PAGES = int(os.environ.get("BENCH_GEOMETRY_ORDER_PAGES", "0"))  # 0: every page of a split
# what the OCR words depend on: a change in these reads the cached pages again
OCR_SOURCES = ("imaging", "ocr", "page.py", "pipeline/steps.py")
OCR_CHUNK = 20  # pages read and cached at a time, so that a run stopped keeps what it read
# ours, OCRmyPDF, ours…; 0 leaves the speed runs (and OCRmyPDF) out
SPEED_ROUNDS = int(os.environ.get("BENCH_GEOMETRY_SPEED_ROUNDS", "2"))


@dataclass(frozen=True)
class Truth:
    """What one cached page shows."""

    name: str
    kind: str
    bed: str
    orientation: int
    outline: list[list[float]]
    blank: bool
    text: str
    dpi: int


@dataclass(frozen=True)
class Found:
    """What clean-up found on one page."""

    orientation: int
    unsure: bool
    iou: float
    cut_off: bool
    no_outline: bool
    score: float
    osd_timeout: bool = False
    error: str = ""  # clean-up failed on the page: this is its result, the bench goes on


def _render(args: tuple[str, int, Path]) -> Truth:
    """Render page `index` of a split into `folder` (PNG and truth), unless it is there already."""
    split, index, folder = args
    saved = folder / f"{index:04d}.json"
    if saved.is_file() and saved.with_suffix(".png").is_file():
        return Truth(**json.loads(saved.read_text(encoding="utf-8")))
    s = split_sample(index, find_split(split))
    Image.fromarray(s.image).save(folder / f"{index:04d}.png", dpi=(300, 300), compress_level=1)
    _, _, kind, _, bed = s.name.split("-")
    truth = Truth(s.name, kind, bed, s.truth.orientation, [list(p) for p in s.truth.outline],
                  s.truth.blank, s.truth.text, s.truth.dpi)
    saved.write_text(json.dumps(asdict(truth), ensure_ascii=False), encoding="utf-8")
    return truth


def cached_split(cache: Path, split: str, n: int, jobs: int) -> tuple[Path, list[Truth]]:
    """Return the folder of the split's first `n` pages and their truth, rendering them once."""
    folder = cache / f"{split}-v{CACHE_VERSION}"
    index = folder / "truth.json"
    if index.is_file():
        truths = [Truth(**t) for t in json.loads(index.read_text(encoding="utf-8"))]
        if len(truths) >= n:
            return folder, truths[:n]
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context()) as pool:
        truths = list(pool.map(_render, [(split, i, folder) for i in range(n)]))
    index.write_text(json.dumps([asdict(t) for t in truths], ensure_ascii=False), "utf-8")
    return folder, truths


def _clean(args: tuple[Path, Truth]) -> Found:
    path, truth = args
    try:
        image = np.asarray(Image.open(path).convert("RGB"))
        _, findings = analyse(image, truth.dpi)
    except Exception as err:  # any failure on a page is that page's figure
        return Found(0, True, 0.0, False, True, 0.0, error=f"{type(err).__name__}: {err}")
    h, w = image.shape[:2]
    outline = findings.outline or ((0.0, 0.0), (w, 0.0), (w, h), (0.0, h))
    return Found(findings.orientation, Flag.ORIENTATION_UNSURE in findings.flags,
                 polygon_iou(outline, truth.outline), Flag.CUT_OFF in findings.flags,
                 findings.outline is None, findings.metrics.get("orientation_score", 0.0),
                 findings.metrics.get("osd_timeout", 0.0) > 0)


def geometry_figures(folder: Path, truths: list[Truth], jobs: int) -> dict[str, Any]:
    """Orientation, outline and cut-off figures of clean-up on every page of a split."""
    with ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context()) as pool:
        found = list(pool.map(_clean, [(folder / f"{i:04d}.png", t)
                                       for i, t in enumerate(truths)]))
    text = [(t, f) for t, f in zip(truths, found, strict=True) if not t.blank]
    wrong = [(t, f) for t, f in text if f.orientation != t.orientation or f.error]
    ious = np.array([f.iou for f in found])
    light = np.array([t.bed in LIGHT_BEDS for t in truths])
    return {
        "pages": len(truths),
        "text_pages": len(text),
        "sparse_last": sum(t.kind == "sparse_last" for t in truths),
        "light_lid": int(light.sum()),
        "orientation_right": len(text) - len(wrong),
        "false_turns": sum(f.orientation != 0 for _, f in wrong),
        "missed_turns": sum(f.orientation == 0 for _, f in wrong),
        "unsure": sum(f.unsure for _, f in text),
        "unsure_wrong": sum(f.unsure for _, f in wrong),
        "osd_timeouts": sum(f.osd_timeout for f in found),
        "errors": sum(bool(f.error) for f in found),
        "wrong_pages": [f"{t.name} found {f.orientation} score {f.score:+.3f}"
                        f"{' unsure' if f.unsure else ''}"
                        f"{' (OSD out of time)' if f.osd_timeout else ''}"
                        f"{' error ' + f.error if f.error else ''}" for t, f in wrong],
        "error_pages": [f"{t.name}: {f.error}" for t, f in zip(truths, found, strict=True)
                        if f.error],
        "unsure_pages": [f"{t.name} score {f.score:+.3f}" for t, f in text
                         if f.unsure and not f.error],
        "iou_min": float(ious.min()),
        "iou_p1": float(np.percentile(ious, 1)),
        "iou_median": float(np.median(ious)),
        "iou_share_099": float(np.mean(ious >= 0.99)),
        "iou_share_099_light": float(np.mean(ious[light] >= 0.99)) if light.any() else 1.0,
        "low_iou_pages": [f"{t.name} {f.iou:.4f}" for t, f in zip(truths, found, strict=True)
                          if f.iou < 0.99],
        "cut_off_false": sum(f.cut_off for f in found),  # no synthetic sheet is cut
        "no_outline": sum(f.no_outline for f in found),
    }


def _measured(name: str, command: list[str], output: Path, pages: int) -> dict[str, Any]:
    """Run one tool: its wall time, the CPU seconds of its whole process tree (every process
    it started was waited for, so their time is in this process's children's usage) and the
    load average as it started."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    tool = run_tool(name, command, output, pages)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"tool": tool, "seconds": tool.seconds, "cpu_s": cpu, "load": load}


def speed_runs(source: Path, out: Path, n: int, jobs: int) -> dict[str, list[dict[str, Any]]]:
    """Run ours and OCRmyPDF (when installed) on the same pages alternately, SPEED_ROUNDS
    times each, so that both meet the shared machine's load as it moves."""
    ours, theirs = out / "ours.pdf", out / "ocrmypdf.pdf"
    commands = {"scanstation": ([sys.executable, "-m", "app.cli.main", "convert", str(source),
                                 "-o", str(ours), "--jobs", str(jobs)], ours)}
    ocrmypdf = Path(sys.executable).parent / "ocrmypdf"
    if ocrmypdf.exists():
        commands["ocrmypdf"] = ([str(ocrmypdf), "-l", "vie", "--deskew", "--rotate-pages",
                                 "--output-type", "pdfa", "--jobs", str(jobs), str(source),
                                 str(theirs)], theirs)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in commands}
    for _ in range(SPEED_ROUNDS):
        for name, (command, output) in commands.items():
            runs[name].append(_measured(name, command, output, n))
    return runs


def _speed(runs: list[dict[str, Any]], n: int) -> dict[str, Any]:
    """Pages per minute (wall) and CPU seconds per page over a tool's runs, with the loads."""
    seconds = sum(r["seconds"] for r in runs)
    return {"pages_per_minute": n * len(runs) / seconds * 60.0,
            "cpu_s_per_page": sum(r["cpu_s"] for r in runs) / (n * len(runs)),
            "runs": [{"seconds": round(r["seconds"], 1), "cpu_s": round(r["cpu_s"], 1),
                      "load": round(r["load"], 1)} for r in runs]}


def text_figures(folder: Path, truths: list[Truth], out: Path, jobs: int) -> dict[str, Any]:
    """Speed, and CER in reading order vs order-free, of ours and OCRmyPDF on a subset."""
    n = min(OCR_PAGES, len(truths))
    if not SPEED_ROUNDS or not n:
        return {"ocr_pages": 0}
    source = out / "input.pdf"
    source.write_bytes(img2pdf.convert([str(folder / f"{i:04d}.png") for i in range(n)]))
    runs = speed_runs(source, out, n, jobs)
    tools: list[Tool] = [r[0]["tool"] for r in runs.values()]
    figures: dict[str, Any] = {"ocr_pages": n}
    for tool in tools:
        texts = page_texts(tool.output, n)
        pooled = {"free": [0, 0], "ordered": [0, 0]}
        for truth, found in zip(truths[:n], texts, strict=True):
            if truth.blank:
                continue
            for key, ordered in (("free", False), ("ordered", True)):
                e, total = cer(truth.text, found, ordered=ordered)
                pooled[key][0] += e
                pooled[key][1] += total
        figures[tool.name] = {
            **_speed(runs[tool.name], n),
            "cer_order_free": pooled["free"][0] / max(1, pooled["free"][1]),
            "cer_in_order": pooled["ordered"][0] / max(1, pooled["ordered"][1]),
        }
    return figures


def _ocr_fingerprint() -> str:
    """A digest of the code the OCR words come from and of Tesseract's version."""
    digest = hashlib.sha256()
    root = Path(app.__file__).parent
    for source in OCR_SOURCES:
        for path in sorted((root / source).rglob("*.py")) if (root / source).is_dir() else [
                root / source]:
            digest.update(path.read_bytes())
    digest.update(subprocess.run(["tesseract", "--version"], capture_output=True,
                                 check=True).stdout)
    return digest.hexdigest()[:12]


def cached_words(folder: Path, truths: list[Truth], cache: Path, jobs: int
                 ) -> list[dict[str, Any]]:
    """Each page's OCR words as our pipeline reads them (clean-up, then OCR: the steps of
    `convert`), with the page's size; read once per version of the code and kept in `cache`
    (one JSON file a page), so that re-ordering experiments rebuild only the text layer."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(len(truths)) if not (cache / f"{i:04d}.json").is_file()]
    engine = make_engine()
    engine.check()
    for start in range(0, len(missing), OCR_CHUNK):
        chunk = missing[start:start + OCR_CHUNK]
        raws = [RawPage(folder / f"{i:04d}.png", truths[i].dpi, i, source="file") for i in chunk]
        for i, outcome in zip(chunk, process_pages(raws, PageOptions(engine=engine), jobs=jobs),
                              strict=True):
            image = outcome.encoded
            page = {"width": image.width, "height": image.height, "dpi": image.dpi,
                    "words": [[w.text, list(w.box), w.conf, list(w.line)]
                              for w in outcome.ocr.words]}
            (cache / f"{i:04d}.json").write_text(json.dumps(page, ensure_ascii=False), "utf-8")
    return [json.loads((cache / f"{i:04d}.json").read_text("utf-8")) for i in range(len(truths))]


def layer_texts(pages: list[dict[str, Any]], out: Path) -> list[str]:
    """Each page's text as pdftotext reads our text layer of its cached words (on a blank
    page of the image's size: the layer is what the PDF/A carries over its image)."""
    pdf = pikepdf.new()
    font = add_glyphless_font(pdf)
    for page in pages:
        size = (page["width"] * 72.0 / page["dpi"], page["height"] * 72.0 / page["dpi"])
        blank = pdf.add_blank_page(page_size=size)
        words = [Word(t, (b[0], b[1], b[2], b[3]), c, (n[0], n[1], n[2]))
                 for t, b, c, n in page["words"]]
        blank.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary({"/" + FONT_RESOURCE: font}))
        blank.Contents = pdf.make_stream(text_layer(words, page["dpi"], size[1]))
    pdf.save(out / "layer.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out / "layer.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:len(pages)]


def conditions(truth: Truth, index: int, split: str) -> list[str]:
    """What a page of a split shows, as `what=value` labels: its kind, lid or backing and
    turn from the truth; its face (alone and with its kind: where a split's loss sits) and paper
    drawn again from the page's random stream as `split_sample` drew them (kind, face, paper:
    the first draws), checked against its kind."""
    labels = [f"kind={truth.kind}", f"bed={truth.bed}",
              f"turned={'no' if truth.orientation == 0 else 'yes'}"]
    spec = find_split(split)
    rng = np.random.default_rng([spec.seed, index])
    if _choose(rng, kinds(spec)) != truth.kind:
        return labels  # the corpus is drawn otherwise now: face and paper unknown
    face = spec.families[int(rng.integers(len(spec.families)))]
    tinted = rng.random() < 0.15  # as app.synth.corpus._paper draws it
    return [*labels, f"face={face}", f"face×kind={face}/{truth.kind}",
            f"paper={'tinted' if tinted else 'white'}"]


def order_figures(folder: Path, truths: list[Truth], split: str, cache: Path, out: Path,
                  jobs: int) -> dict[str, Any]:
    """Our CER in reading order and order-free (`bench.metrics.cer`) on every text page of a
    split, from its cached OCR words (under `cache`): the gap (in order minus order-free,
    pooled), the gap of the pages of each condition (`conditions`) and the pages that lose the
    most characters to reading order."""
    n = min(ORDER_PAGES or len(truths), len(truths))
    cache = cache / f"{split}-v{CACHE_VERSION}-{_ocr_fingerprint()}"
    texts = layer_texts(cached_words(folder, truths[:n], cache, jobs), out)
    pages: list[tuple[int, int, int, str]] = []  # gap, order-free errors, characters, name
    by: dict[str, list[int]] = {}  # condition -> pages, order-free errors, in order, characters
    for index, (truth, found) in enumerate(zip(truths[:n], texts, strict=True)):
        if truth.blank:
            continue
        free, chars = cer(truth.text, found)
        ordered, _ = cer(truth.text, found, ordered=True)
        pages.append((ordered - free, free, chars, truth.name))
        for label in ["all", *conditions(truth, index, split)]:
            row = by.setdefault(label, [0, 0, 0, 0])
            for k, value in enumerate((1, free, ordered, chars)):
                row[k] += value
    total = by.get("all", [0, 0, 0, 0])
    chars = max(1, total[3])
    return {
        "order_pages": len(pages),
        "cer_in_order": total[2] / chars,
        "cer_order_free": total[1] / chars,
        "gap": (total[2] - total[1]) / chars,
        "pages_over_half_point": sum(g > 0.005 * c for g, _, c, _ in pages),
        # the share of the split's order loss on each condition's pages, and their own gap
        "conditions": {label: {"pages": p, "chars": c, "gap": (o - f) / max(1, c),
                               "share": (o - f) / max(1, total[2] - total[1])}
                       for label, (p, f, o, c) in sorted(by.items()) if label != "all"},
        "worst_pages": [f"{name} +{g} of {c} characters" for g, _, c, name in
                        sorted(pages, reverse=True)[:15] if g > 0],
    }


def run(out: Path, jobs: int) -> dict[str, Any]:
    """Run both splits and return their figures.

    The two corpora (app.synth.splits) are rendered once and cached as PNG files with their truth
    under `bench/out/cache`; clean-up runs on every page, and OCR with the text layer (ours and
    OCRmyPDF's, for speed) on the first `ocr_pages` of each split. Reading order is measured on
    every page of each split from our OCR words, cached under `bench/out/order-ocr` per version of
    the code they come from, so that a change in the text layer re-reads no page.
    """
    figures: dict[str, Any] = {"fonts_missing_letters": {f: missing_letters(f) for f in FAMILIES}}
    for split in SPLITS:
        folder, truths = cached_split(out.parent / "cache", split, PAGES[split], jobs)
        split_out = out / split
        split_out.mkdir(parents=True, exist_ok=True)
        figures[split] = geometry_figures(folder, truths, jobs)
        figures[split].update(text_figures(folder, truths, split_out, jobs))
        figures[split]["order"] = order_figures(folder, truths, split, out.parent / "order-ocr",
                                                 split_out, jobs)
    return figures


def print_order(o: dict[str, Any], worst: int = 8) -> None:
    """Print a split's reading-order figures (`order_figures`) and its `worst` pages."""
    print(f"reading order        ours on {o['order_pages']} text pages (cached OCR words): "
          f"CER in order {o['cer_in_order']:.3%}  order-free {o['cer_order_free']:.3%}  gap "
          f"{100 * o['gap']:+.2f} points (target ≤ 0.2); {o['pages_over_half_point']} pages "
          "over 0.5")
    for label, c in o["conditions"].items():
        print(f"   {label:28} {c['pages']:4d} pages  gap {100 * c['gap']:+6.2f} points  "
              f"{c['share']:6.1%} of the split's order loss")
    for line in o["worst_pages"][:worst]:
        print(f"   order: {line}")


def print_figures(f: dict[str, Any]) -> None:
    """Print both splits' figures with the targets of the issue."""
    gaps = {k: v for k, v in f["fonts_missing_letters"].items() if v}
    print("\n== Geometry on hard pages (tuning and held-out splits) ==")
    print(f"fonts lacking Vietnamese letters: {gaps or 'none'}")
    for split in SPLITS:
        g = f[split]
        named = 12 if split == "tuning" else 0  # held-out pages are never listed by name
        print(f"-- {split}: {g['pages']} pages ({g['sparse_last']} sparse last pages with seals, "
              f"{g['light_lid']} on light lids or white ADF backing)")
        print(f"orientation right    {g['orientation_right']}/{g['text_pages']}  false turns "
              f"{g['false_turns']}  missed turns {g['missed_turns']}  unsure {g['unsure']} "
              f"(of them wrong {g['unsure_wrong']})   target 100 %, 0 false turns")
        print(f"orientation unsure / error: OSD out of time {g['osd_timeouts']}, clean-up "
              f"failed {g['errors']} (counted as wrong, their outline as missing)")
        for line in g["wrong_pages"][:named]:
            print(f"   wrong: {line}")
        for line in g["error_pages"][:named]:
            print(f"   error: {line}")
        for line in g["unsure_pages"][:named]:
            print(f"   unsure: {line}")
        print(f"outline IoU          min {g['iou_min']:.4f}  p1 {g['iou_p1']:.4f}  median "
              f"{g['iou_median']:.5f}  ≥ 0.99 on {g['iou_share_099']:.1%} "
              f"(light lids {g['iou_share_099_light']:.1%})   target ≥ 99.5 %")
        for line in g["low_iou_pages"][:named]:
            print(f"   low IoU: {line}")
        print(f"cut_off flagged      {g['cut_off_false']} (none is cut)  no outline "
              f"{g['no_outline']}")
        for name in ("scanstation", "ocrmypdf"):
            if name in g:
                t = g[name]
                print(f"{name:14} {t['pages_per_minute']:6.1f} pages/min  CER in order "
                      f"{t['cer_in_order']:.3%}  order-free {t['cer_order_free']:.3%}  (gap "
                      f"{100 * (t['cer_in_order'] - t['cer_order_free']):+.2f} points) on "
                      f"{g['ocr_pages']} pages")
                runs = ", ".join(f"{r['seconds']:.0f} s wall / {r['cpu_s']:.0f} CPU-s at load "
                                 f"{r['load']:.1f}" for r in t["runs"])
                print(f"{'':14} {t['cpu_s_per_page']:6.1f} CPU-s/page (process tree); runs: "
                      f"{runs}")
        print_order(g["order"], named)
        if "ocrmypdf" in g:
            wall = g["scanstation"]["pages_per_minute"] / g["ocrmypdf"]["pages_per_minute"]
            cpu = g["ocrmypdf"]["cpu_s_per_page"] / g["scanstation"]["cpu_s_per_page"]
            print(f"speed vs ocrmypdf    ×{wall:.2f} pages/min (wall, run alternately)  ×{cpu:.2f} "
                  "CPU per page   target ≥ 3")


def main(out: Path, jobs: int) -> dict[str, Any]:
    """Run, print and save the figures."""
    figures = run(out, jobs)
    print_figures(figures)
    (out / "figures.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False), "utf-8")
    return figures
