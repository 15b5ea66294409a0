"""A clerk's desk without its window, for the kill tests, scanning from SANE's `test` feeder."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from app.pipeline.interactive import PageSession
from app.scanner.base import ScanSettings
from app.scanner.factory import open_scanner
from app.ui.batch import Batch
from app.ui.batch_files import BatchFiles, read_back
from app.ui.handover import HandingFolder
from app.ui.session import DeskSession
from testkit.catalog import doc_meta

PAGES_A_SCAN = 10  # what SANE's test feeder holds


def main() -> None:
    """The session, the strip's batch and its journal are driven as the scan view drives them.

    Usage: python -m tests.ui.batch_child CATALOG HOSO PASSWORD SEED

    On start it offers back what the last run left (as the desk does) and restores it; then it
    scans, edits and files until killed. Each line it prints is said before the step it names (SAVED
    after the file is on disk), so the parent knows what may have happened.
    """
    folder, hoso, password, seed = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    rng = random.Random(seed)
    session = DeskSession(folder)
    session.sign_in("lan", password)
    reader = PageSession.reading("none")
    files = BatchFiles(session)
    batch = Batch()
    batch.on_change = files.record
    found = session.sweep_batches(7)
    if found:
        restored, splits, lost = read_back(found[0], reader)
        files.adopt(found[0].folder)
        batch.add(restored, splits)
        print("RESTORED", lost, *(p.raw.path for p in restored), flush=True)
    print("READY", flush=True)
    settings = ScanSettings(dpi=50, mode="color", source="adf")
    while True:
        if len(batch.state.pages) < 4:
            store = HandingFolder(files.folder())
            with open_scanner("sane:test:0") as scanner:
                for raw in scanner.scan(settings, store):
                    print("SAVED", raw.path, flush=True)
                    handed = store.hand_over(raw)
                    batch.arrived(reader.arrive(handed.raw, handed.pixels))
        pages = batch.state.pages
        turned = rng.choice(pages)
        batch.replace_page(turned.rotated(rng.choice((-1, 1, 2))))
        if rng.random() < 0.5:
            gone = rng.choice(pages)
            print("DELETE", gone.raw.path, flush=True)
            batch.delete(gone.id)
        pages = batch.state.pages
        if len(pages) > 2 and rng.random() < 0.7:
            batch.toggle_split(pages[rng.randint(1, len(pages) - 1)].id)
        doc = batch.state.documents()[0]
        print("FILING", *(p.raw.path for p in doc), flush=True)
        filed = session.file_document(doc, doc_meta(numberOfPage=str(len(doc))), hoso, None,
                                      reader, files.journal)
        print("FILED", filed.uuid, flush=True)
        batch.remove_filed(doc)
        if not batch.state.pages and files.release():
            print("RELEASED", flush=True)


if __name__ == "__main__":
    main()
