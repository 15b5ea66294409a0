"""Batch folders go once filed and verified, at once when discarded, later when abandoned."""

from __future__ import annotations

from pathlib import Path

from app.pipeline.batches import changed_at
from app.pipeline.interactive import PageSession
from app.scanner.base import ScanSettings
from app.scanner.factory import open_scanner
from app.ui.batch import Batch
from app.ui.batch_files import BatchFiles, read_back
from app.ui.desk import Desk
from app.ui.handover import HandingFolder
from app.ui.session import DeskSession
from tests.ui.conftest import HOSO, PASSWORD, document_meta

DAY = 86400.0


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _scan(files: BatchFiles, batch: Batch, reader: PageSession, device: str) -> int:
    store = HandingFolder(files.folder())
    with open_scanner(f"sane:{device}") as scanner:
        for raw in scanner.scan(ScanSettings(dpi=75, mode="color", source="adf"), store):
            handed = store.hand_over(raw)
            batch.arrived(reader.arrive(handed.raw, handed.pixels))
    return _size(files.folder())


def _clerk(desk: Desk) -> tuple[DeskSession, str]:
    session = desk.session
    hoso = session.create_hoso(HOSO).file_code
    session.sign_in("lan", PASSWORD)
    return session, hoso


def test_filing_every_document_brings_the_batch_folders_back_to_zero_bytes(
    desk: Desk, sane_device: str
) -> None:
    session, hoso = _clerk(desk)
    reader, files, batch = PageSession.reading("none"), BatchFiles(session), Batch()
    batch.on_change = files.record
    scanned = _scan(files, batch, reader, sane_device)
    assert scanned > 0 and len(batch.state.pages) == 10
    for at in (3, 7):
        batch.toggle_split(batch.state.pages[at].id)
    batch.delete(batch.state.pages[1].id)
    folder = files.folder()
    while batch.state.pages:
        doc = batch.state.documents()[0]
        session.file_document(doc, document_meta(len(doc)), hoso, None, reader, files.journal)
        batch.remove_filed(doc)
        if batch.state.pages:
            assert not files.release()  # pages still wait: the folder stays
            assert folder.is_dir()
    assert files.release()
    print(f"batch folder: {scanned} bytes scanned, {_size(session.batches_root)} after filing")
    assert not folder.exists() and _size(session.batches_root) == 0
    assert [d.page_count for d in session.catalog.documents(hoso)] == [2, 4, 3]
    assert session.catalog.fsck().clean


def test_a_batch_whose_filed_copy_is_damaged_is_kept(desk: Desk, sane_device: str) -> None:
    session, hoso = _clerk(desk)
    reader, files, batch = PageSession.reading("none"), BatchFiles(session), Batch()
    batch.on_change = files.record
    _scan(files, batch, reader, sane_device)
    doc = list(batch.state.pages)
    filed = session.file_document(doc, document_meta(len(doc)), hoso, None, reader,
                                  files.journal)
    batch.remove_filed(doc)
    stored = session.file_of(filed)
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:-10] + b"0123456789")  # the store's copy damaged
    assert not files.release() and files.folder().is_dir()  # kept: the pages are the only copy
    files.close()


def test_restored_pages_come_back_in_order_with_their_edits_and_discard_removes_at_once(
    desk: Desk, sane_device: str
) -> None:
    """An undo after a restore still works."""
    session, _ = _clerk(desk)
    reader, files, batch = PageSession.reading("none"), BatchFiles(session), Batch()
    batch.on_change = files.record
    _scan(files, batch, reader, sane_device)
    pages = batch.state.pages
    batch.replace_page(pages[2].rotated(1))
    batch.reorder([pages[4].id] + [p.id for p in pages if p.id != pages[4].id])
    batch.toggle_split(pages[6].id)
    batch.delete(pages[9].id)
    left = batch.state
    files.close()  # the desk is gone (a kill releases the lock the same way)

    (found,) = session.sweep_batches(7)
    assert found.count == 9 and not found.missing
    again, batch2 = BatchFiles(session), Batch()
    restored, splits, lost = read_back(found, reader)
    again.adopt(found.folder)
    batch2.add(restored, splits)
    batch2.on_change = again.record
    assert lost == 0 and [p.id for p in restored] == [p.id for p in left.pages]
    assert [p.geometry for p in restored] == [p.geometry for p in left.pages]
    assert splits == left.splits
    batch2.delete(restored[0].id)
    batch2.undo()  # undo works on the restored strip and is journalled too
    assert [p.id for p in batch2.state.pages] == [p.id for p in left.pages]
    again.close()

    assert session.sweep_batches(7)[0].count == 9
    session.discard_batch(found.folder)
    assert not found.folder.exists() and session.sweep_batches(7) == []


def test_an_abandoned_batch_goes_after_the_retention_period_only(
    desk: Desk, sane_device: str
) -> None:
    session, _ = _clerk(desk)
    reader, files, batch = PageSession.reading("none"), BatchFiles(session), Batch()
    batch.on_change = files.record
    _scan(files, batch, reader, sane_device)
    folder = files.folder()
    files.close()
    stamp = changed_at(folder)
    assert len(session.sweep_batches(7, now=stamp + 6.9 * DAY)) == 1
    session.sign_in("admin", PASSWORD)  # another clerk's batch is not offered, nor removed
    assert session.sweep_batches(7, now=stamp + 6.9 * DAY) == [] and folder.is_dir()
    assert session.sweep_batches(7, now=stamp + 7.1 * DAY) == []
    assert not folder.exists()
