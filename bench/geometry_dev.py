"""`python -m bench.geometry_dev`: reading order on the dev pages of app.synth.splits.DEV_SPLITS."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.synth.splits import DEV_SPLITS
from bench.geometry import cached_split, order_figures, print_order


def run(out: Path, pages: int, jobs: int, names: list[str]) -> dict[str, Any]:
    """The reading-order figures of the first `pages` pages of each dev split in `names`.

    Dev pages are in neither split: rules are looked for on them (and on the tuning split) only.
    They are rendered, read by our pipeline and cached as the geometry bench's splits are, under
    `<out>/cache` and `<out>/order-ocr`; the text layer is rebuilt from the cached words each run.
    """
    figures = {}
    for name in names:
        folder, truths = cached_split(out / "cache", name, pages, jobs)
        split_out = out / "geometry-dev" / name
        split_out.mkdir(parents=True, exist_ok=True)
        figures[name] = order_figures(folder, truths, name, out / "order-ocr", split_out, jobs)
    return figures


def main() -> None:
    """Parse the options, run and print the figures, and save them next to the layer."""
    parser = argparse.ArgumentParser(prog="python -m bench.geometry_dev")
    parser.add_argument("names", nargs="*", help=f"dev splits: {', '.join(DEV_SPLITS)} (all)")
    parser.add_argument("--pages", type=int, default=48)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--worst", type=int, default=15, help="pages listed by order lost")
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    unknown = set(args.names) - set(DEV_SPLITS)
    if unknown:
        parser.error(f"unknown dev split(s): {', '.join(sorted(unknown))}")
    figures = run(args.out, args.pages, args.jobs, args.names or list(DEV_SPLITS))
    for name, order in figures.items():
        print(f"-- dev split {name}: {args.pages} pages")
        print_order(order, args.worst)
    path = args.out / "geometry-dev" / "figures.json"
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
