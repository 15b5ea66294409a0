"""A child process for the concurrency and kill tests: adds documents in a loop."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.catalog import Catalog
from testkit.catalog import doc_meta, make_pdf


def main() -> None:
    """Usage: python -m tests.catalog.child FOLDER FILECODE COUNT WORKDIR

    Prints READY once the catalog is open, then `OK <uuid> <sha256>` after each committed add.
    """
    folder, file_code, count, work = (
        Path(sys.argv[1]),
        sys.argv[2],
        int(sys.argv[3]),
        Path(sys.argv[4]),
    )
    work.mkdir(parents=True, exist_ok=True)
    with Catalog.open(folder) as catalog:
        print("READY", flush=True)
        for index in range(count):
            pdf = make_pdf(work / f"{os.getpid()}-{index}.pdf", f"pid {os.getpid()} n {index}")
            doc = catalog.add_document(pdf, doc_meta(), "lan", hoso=file_code)
            print(f"OK {doc.uuid} {doc.current.sha256}", flush=True)
            if index % 3 == 1:
                catalog.update_metadata(doc.uuid, {"keyword": f"lần {index}"}, "lan")
                print(f"EDIT {doc.uuid} lần {index}", flush=True)
            if index % 7 == 6:
                catalog.export(file_code, work / f"export-{os.getpid()}-{index}.zip", "hung")


if __name__ == "__main__":
    main()
