"""A child process for the kill test: one backup, printing each step as it starts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.backup.write import backup
from app.catalog import Catalog


def main() -> None:
    """Usage: PP=passphrase python -m tests.backup.child CATALOG DRIVE

    Prints READY once everything is imported and the catalog is open, each step's note, then DONE.
    """
    folder, drive = Path(sys.argv[1]), Path(sys.argv[2])
    last = [""]

    def report(done: int, total: int, note: str) -> None:
        if note != last[0]:
            last[0] = note
            print(f"STEP {note}", flush=True)

    with Catalog.open(folder) as catalog:
        print("READY", flush=True)
        done = backup(catalog, drive, os.environ["PP"], report=report)
    print(f"DONE {done.generation}", flush=True)


if __name__ == "__main__":
    main()
