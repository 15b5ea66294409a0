"""The per-page JSON report of a run: outline, rotation, flags, OCR confidence, stage timings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from app.atomic import write_atomically
from app.pipeline.steps import PageOutcome


def page_entry(outcome: PageOutcome) -> dict[str, Any]:
    """Describe one processed page."""
    findings = outcome.page.findings
    raw = outcome.page.raw
    mean_conf = outcome.ocr.mean_conf
    return {
        "index": raw.index,
        "source": raw.source,
        "dpi": raw.dpi,
        "size_px": list(outcome.page.geometry.size),
        "outline": [list(p) for p in findings.outline] if findings.outline else None,
        "skew_deg": round(findings.skew_deg, 3),
        "orientation_deg": findings.orientation,
        "rotation_deg": round((findings.orientation - findings.skew_deg) % 360.0, 3),
        "blank": findings.blank,
        "flags": sorted(str(f) for f in findings.flags),
        "metrics": {k: round(v, 4) for k, v in findings.metrics.items()},
        "ocr_words": len(outcome.ocr.words),
        "ocr_mean_conf": None if mean_conf is None else round(mean_conf, 2),
        "image_bytes": len(outcome.encoded.data),
        "timings_ms": {k: round(v, 1) for k, v in outcome.timings_ms.items()},
    }


def build_report(
    outcomes: Sequence[PageOutcome], *, output: Path, elapsed_s: float, extra: dict[str, Any]
) -> dict[str, Any]:
    """The whole run's report."""
    return {
        "output": str(output),
        "pages": [page_entry(o) for o in outcomes],
        "page_count": len(outcomes),
        "blank_pages": [o.page.raw.index for o in outcomes if o.page.findings.blank],
        "elapsed_s": round(elapsed_s, 3),
        **extra,
    }


def write_report(report: dict[str, Any], path: Path) -> None:
    """Write the report as UTF-8 JSON, atomically."""
    data = json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")

    def write(fh: BinaryIO) -> None:
        fh.write(data)

    write_atomically(path, write)
