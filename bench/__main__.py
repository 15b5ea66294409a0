"""`python -m bench [NAME...]`: run the benchmarks (all by default) and print their figures."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import (
    backup,
    catalog,
    extract,
    foundation,
    geometry,
    ltv,
    signing,
    sync,
    timing,
    ui,
    web,
)


def main() -> None:
    """Parse the options and run the chosen benchmarks."""
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument(
        "names",
        nargs="*",
        help="foundation, geometry, extract, signing, ltv, catalog, sync, ui, backup, web, timing "
        "(default: all)",
    )
    parser.add_argument("--pages", type=int, default=int(os.environ.get("BENCH_PAGES", "24")))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    parser.add_argument(
        "--storage", choices=("file", "s3"), default="file", help="sync: the server's storage"
    )
    args = parser.parse_args()
    out: Path = args.out
    benches: dict[str, Callable[[], Any]] = {
        "foundation": lambda: foundation.main(out / "foundation", args.pages, args.seed, args.jobs),
        "geometry": lambda: geometry.main(out / "geometry", args.jobs),
        "extract": lambda: extract.main(out / "extract", args.jobs),
        "signing": lambda: signing.main(out / "signing"),
        "ltv": lambda: ltv.main(out / "ltv"),
        "catalog": lambda: catalog.main(out / "catalog"),
        "sync": lambda: sync.main(out / "sync", args.storage),
        "ui": lambda: ui.main(out / "ui"),
        "backup": lambda: backup.main(out / "backup"),
        "web": lambda: web.main(out / "web"),
        "timing": lambda: timing.main(out / "timing"),
    }
    unknown = set(args.names) - set(benches)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    for name in args.names or list(benches):
        benches[name]()


if __name__ == "__main__":
    main()
