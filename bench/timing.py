"""Speed targets that used to be wall-clock asserts in tests."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from app.pdf.image import encode_image
from app.sync.throttle import TokenBucket
from testkit.pages import LINES, render_text_page

ENCODE_TARGET_S = 0.080  # one 300-dpi A4 page to JPEG
RATE_WINDOW_S = (1.2, 2.5)  # 640 KiB through a 400 kB/s bucket with a 64 KiB burst
START_TARGET_S = 1.5  # `scanstation --version` from the bundle, median of 5


def _encode() -> float:
    many = tuple(LINES[i % len(LINES)] for i in range(40))
    page, _ = render_text_page((2481, 3507), 300, many)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        encode_image(page, 300)
        best = min(best, time.perf_counter() - start)
    return best


def _rate_cap() -> float:
    bucket = TokenBucket(rate=400_000, burst=64 * 1024)
    start = time.monotonic()
    for _ in range(20):
        bucket.take(32 * 1024)
    return time.monotonic() - start


def _start_up() -> tuple[str, float]:
    bundle = os.environ.get("BENCH_BUNDLE")
    if bundle:
        where, cmd = "bundle", [str(Path(bundle) / "scanstation"), "--version"]
    else:
        where, cmd = "venv", [sys.executable, "-m", "app.cli.main", "--version"]
    times = []
    for _ in range(5):
        start = time.monotonic()
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)
        times.append(time.monotonic() - start)
    return where, statistics.median(times)


def main(out: Path) -> dict[str, Any]:
    """Measure, print each figure with its target, save JSON in `out`.

    The figures: page encoding, the upload rate cap, and the command's start-up (from the
    PyInstaller bundle when BENCH_BUNDLE names it).
    """
    out.mkdir(parents=True, exist_ok=True)
    encode, rate = _encode(), _rate_cap()
    where, start = _start_up()
    figures = {"encode_a4_s": round(encode, 4), "rate_cap_s": round(rate, 3),
               "start_up_s": round(start, 3), "start_up_from": where}
    print(f"encode A4 300 dpi    best of 3 {encode * 1000:6.0f} ms   (target < "
          f"{ENCODE_TARGET_S * 1000:.0f} ms)")
    print(f"upload rate cap      {rate:6.2f} s for 640 KiB   (target {RATE_WINDOW_S[0]}–"
          f"{RATE_WINDOW_S[1]} s)")
    print(f"start-up ({where})   median {start:6.2f} s   (target < {START_TARGET_S} s from the "
          "bundle; set BENCH_BUNDLE=dist/scanstation)")
    (out / "timing.json").write_text(json.dumps(figures, indent=1))
    return figures
