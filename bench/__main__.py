"""`python -m bench`: run every benchmark and print its figures."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bench import foundation


def main() -> None:
    """Parse the options and run the benchmarks."""
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--pages", type=int, default=int(os.environ.get("BENCH_PAGES", "24")))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    foundation.main(args.out / "foundation", args.pages, args.seed, args.jobs)


if __name__ == "__main__":
    main()
