"""B-LT / B-LTA extension time per document against a loopback OCSP/CRL/TSA responder."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from app.signing.ltv import LtExtender, extend_to_lt
from app.signing.trust import load_roots
from testkit.catalog import make_station_pdf
from testkit.ltvpki import make_ltv_pki

DOCS = 30
WARMUP = 2  # first calls pay for imports and the first connections


def _times(
    folder: Path, signed: list[Path], roots: list[Any], tsa: str | None, *, run: bool
) -> tuple[list[float], float]:
    """Seconds per file: through one LtExtender as a sync run does (`run`), or each file on its
    own with fresh revocation answers, as `scanstation extend` on one file does; and the CPU
    seconds per file of this process (the extension and the loopback responder), which a
    shared machine's load does not inflate as it does the wall-clock times."""
    took, cpu = [], 0.0
    extender = LtExtender(roots, tsa)
    for i, path in enumerate(signed):
        start, began = time.perf_counter(), time.process_time()
        if run:
            extender.extend(path, output=folder / f"x{i}.pdf")
        else:
            extend_to_lt(path, roots, output=folder / f"x{i}.pdf", tsa_url=tsa)
        took.append(time.perf_counter() - start)
        if i >= WARMUP:
            cpu += time.process_time() - began
    return took[WARMUP:], cpu / (len(signed) - WARMUP)


def main(out: Path) -> dict[str, Any]:
    """Sign DOCS one-page station PDFs (B-T), extend each to B-LT, then to B-LTA, as a sync run
    (one extender) and one by one; print the median and p95 per document against the 200 ms
    target; save JSON in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-ltv-"))
    pki = make_ltv_pki(work)
    try:
        roots = load_roots([pki.root_pem], use_defaults=False)
        pages = [make_station_pdf(work / f"p{i}.pdf", seed=i, dpi=150) for i in range(DOCS)]
        signed = [pki.sign(p, p.with_suffix(".signed.pdf")) for p in pages]
        figures: dict[str, Any] = {"documents": DOCS - WARMUP}
        for level, tsa, run in (
            ("b_lt_run", None, True),
            ("b_lt_single", None, False),
            ("b_lta_run", pki.tsa_url, True),
            ("b_lta_single", pki.tsa_url, False),
        ):
            took, cpu = _times(work, signed, roots, tsa, run=run)
            p95 = statistics.quantiles(took, n=20)[18] * 1000
            figures[f"{level}_median_ms"] = round(statistics.median(took) * 1000, 1)
            figures[f"{level}_p95_ms"] = round(p95, 1)
            figures[f"{level}_cpu_ms"] = round(cpu * 1000, 1)
            print(
                f"{level.replace('_', ' '):13} extension  median"
                f" {figures[f'{level}_median_ms']:6.1f} ms, p95 {p95:6.1f} ms per document"
                f" (target ≤ 200); CPU {cpu * 1000:5.1f} ms per document"
            )
        figures["load_average_1min"] = os.getloadavg()[0]
        print(f"load average {figures['load_average_1min']:.1f}")
        figures["responder_requests"] = dict(pki.responder.requests)
    finally:
        pki.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    (out / "ltv.json").write_text(json.dumps(figures, indent=1))
    return figures


if __name__ == "__main__":
    main(Path("bench/out/ltv"))
