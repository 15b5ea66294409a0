"""The batch journal: pages and edits as data, replayed after a kill; damage skipped, not fatal."""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from app.errors import InputError
from app.pipeline.batches import TRASH, Copy, changed_at, sweep
from app.pipeline.interactive import PageSession, ScanPage
from app.pipeline.journal import JOURNAL, BatchBusy, Filing, Journal, _line, replay
from app.scanner.recovery import RecoveryFolder
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan

DPI = 100
DAY = 86400.0


@pytest.fixture(scope="module")
def images() -> list[np.ndarray]:
    rng = np.random.default_rng(5)
    return [simulate_scan(render_page(rng, dpi=DPI), ScanOptions(skew_deg=1.5), rng)[0]
            for _ in range(3)]


@pytest.fixture(scope="module")
def cleaned(images: list[np.ndarray], tmp_path_factory: pytest.TempPathFactory) -> list[ScanPage]:
    """Each image cleaned up once: finding the sheet and its turn (Tesseract's OSD on these
    small pages) is the slow part of an arrival, and not what these tests are about."""
    store, session = RecoveryFolder(tmp_path_factory.mktemp("cleaned")), PageSession.reading("none")
    return [session.arrive(store.save(i, dpi=DPI, source="adf-front"), i) for i in images]


def _arrive(folder: Path, images: list[np.ndarray], cleaned: list[ScanPage]) -> list[ScanPage]:
    """The images arriving in the batch at `folder`: saved there, as new pages with the
    clean-up `cleaned` found for them."""
    store = RecoveryFolder(folder)
    return [replace(c, raw=store.save(i, dpi=DPI, source="adf-front"), id=str(uuid.uuid4()))
            for i, c in zip(images, cleaned, strict=False)]


def _ids(pages: list[ScanPage]) -> list[str]:
    return [p.id for p in pages]


def test_every_edit_replays_in_order_with_the_pages_as_data(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    folder = tmp_path / "b1"
    journal = Journal.create(folder, "lan")
    a, b, c = _arrive(folder, images, cleaned)
    journal.record([a.record], frozenset())
    journal.record([a.record, b.record, c.record], frozenset())
    turned = b.rotated(1)
    cropped = c.with_corner(0, (c.geometry.quad[0][0] + 30, c.geometry.quad[0][1] + 20))
    journal.record([cropped.record, a.record, turned.record], frozenset({a.id}))
    journal.keyed({"subject": "Kế hoạch năm 2025", "language": ["01"]})
    journal.close()

    state = replay(folder)
    assert state.user == "lan" and state.damaged == 0
    assert state.ids == [c.id, a.id, b.id]
    assert state.splits == {a.id}
    assert dict(state.keyed) == {"subject": "Kế hoạch năm 2025", "language": ["01"]}
    by_id = {p.id: p for p in state.pages}
    assert by_id[b.id].geometry == turned.geometry != b.geometry
    assert by_id[c.id].geometry == cropped.geometry != c.geometry
    assert "orientation_unsure" not in by_id[b.id].flags

    restored = PageSession.reading("none").restore(by_id[b.id])
    assert restored.id == b.id and restored.geometry == turned.geometry
    assert restored.thumb.shape == turned.thumb.shape
    assert np.array_equal(restored.thumb, turned.thumb)


def test_a_line_cut_by_a_kill_or_damaged_is_skipped_and_counted(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    folder = tmp_path / "b2"
    journal = Journal.create(folder, "lan")
    a, b, c = _arrive(folder, images, cleaned)
    journal.record([a.record], frozenset())
    journal.record([a.record, b.record], frozenset())
    journal.record([a.record, b.record, c.record], frozenset())
    journal.close()
    path = folder / JOURNAL
    lines = path.read_bytes().split(b"\n")
    assert len(lines) == 5 and lines[-1] == b""  # open + 3 changes
    damaged = lines[2].replace(b'"adf-front"', b'"adf-frunt"')  # one flipped byte on disk
    path.write_bytes(b"\n".join([lines[0], lines[1], damaged, lines[3][:40]]))  # cut last line
    state = replay(folder)
    assert state.ids == [a.id] and state.damaged == 2

    path.write_bytes(b"garbage\x00\xff\n" * 3)
    state = replay(folder)
    assert state.pages == () and state.damaged == 3


def test_an_entry_naming_a_file_outside_the_batch_is_refused(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    folder = tmp_path / "b3"
    journal = Journal.create(folder, "lan")
    (a,) = _arrive(folder, images[:1], cleaned)
    journal.record([a.record], frozenset())
    journal.close()
    text = (folder / JOURNAL).read_text("utf-8")
    name = a.raw.path.name
    for bad in ("../" + name, "/etc/passwd", ""):
        event = {"t": "page", "page": {**a.record.to_json(folder), "id": bad, "file": bad}}
        with (folder / JOURNAL).open("ab") as out:
            out.write(_line([event]))
    state = replay(folder)
    assert state.ids == [a.id] and state.damaged == 3
    assert name in text


def test_filed_pages_leave_the_batch_and_are_never_written_back(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    folder = tmp_path / "b4"
    journal = Journal.create(folder, "lan")
    a, b, c = _arrive(folder, images, cleaned)
    journal.record([a.record, b.record, c.record], frozenset({c.id}))
    item = Filing("doc-1", (a.id, b.id), "0" * 64, (("blank",), ()))
    journal.filing(item)
    assert replay(folder).filing == (item,)
    journal.filed(item)
    journal.record([a.record, b.record.__class__(b.id, b.raw, c.geometry), c.record],
                   frozenset({c.id}))  # the strip, not yet told, edits a filed page
    journal.close()
    state = replay(folder)
    assert state.ids == [c.id] and state.filed == (item,) and state.filing == ()


def test_a_running_desk_holds_its_batch(tmp_path: Path) -> None:
    folder = tmp_path / "b5"
    journal = Journal.create(folder, "lan")
    with pytest.raises(BatchBusy):
        Journal.resume(folder)
    assert sweep(tmp_path, lambda item: Copy.ABSENT, retention_days=0.0,
                 now=changed_at(folder) + DAY) == []
    assert folder.is_dir()  # held: neither offered nor removed
    journal.close()
    Journal.resume(folder).close()


def test_a_missing_page_file_is_reported_and_the_rest_offered(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    root = tmp_path / "batches"
    journal = Journal.create(root / "b6", "lan")
    a, b, c = _arrive(root / "b6", images, cleaned)
    journal.record([a.record, b.record, c.record], frozenset())
    journal.close()
    b.raw.path.unlink()
    c.raw.path.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    late = RecoveryFolder(root / "b6").save(images[0], dpi=DPI, source="adf-front")
    (found,) = sweep(root, lambda item: Copy.ABSENT, retention_days=7)
    assert [p.id for p in found.pages] == [a.id, c.id] and found.missing == (b.id,)
    assert [r.path for r in found.arrivals] == [late.path] and found.count == 3
    assert found.arrivals[0].dpi == DPI and found.arrivals[0].index == 3
    assert late.path.name == "page-00003.png"  # numbering goes on after the last file
    session = PageSession.reading("none")
    assert session.restore(found.pages[0]).id == a.id
    with pytest.raises(InputError):
        session.restore(found.pages[1])


def _age(folder: Path, days: float) -> None:
    then = changed_at(folder) - days * DAY
    for path in [*folder.iterdir(), folder]:
        os.utime(path, (then, then))


def test_sweep_removes_what_is_filed_discarded_or_too_old_and_offers_the_rest(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    root = tmp_path / "batches"
    verified = {"doc-ok"}

    def check(item: Filing) -> Copy:
        return Copy.VERIFIED if item.doc in verified else Copy.ABSENT

    def batch(name: str, user: str = "lan") -> tuple[Journal, list[ScanPage]]:
        journal = Journal.create(root / name, user)
        pages = _arrive(root / name, images[:2], cleaned)
        journal.record([p.record for p in pages], frozenset())
        return journal, pages

    journal, pages = batch("filed")
    item = Filing("doc-ok", tuple(_ids(pages)))
    journal.filing(item)
    journal.filed(item)
    journal.close()
    journal, pages = batch("cut-before-commit")
    journal.filing(Filing("doc-lost", tuple(_ids(pages))))
    journal.close()
    journal, pages = batch("cut-after-commit")
    journal.filing(Filing("doc-ok", tuple(_ids(pages))))
    journal.close()
    journal, _ = batch("discarded")
    journal.discard()
    journal.close()
    journal, _ = batch("old")
    journal.close()
    _age(root / "old", 8)
    legacy = root / "legacy"
    RecoveryFolder(legacy).save(images[0], dpi=DPI, source="adf")
    young_legacy = root / "young-legacy"
    RecoveryFolder(young_legacy).save(images[0], dpi=DPI, source="adf")
    _age(legacy, 8)
    (root / f"{TRASH}cut").mkdir()
    journal, _ = batch("unfiled-pages", "hung")
    journal.close()

    forgotten: list[str] = []
    found = sweep(root, check, retention_days=7, forget=forgotten.append)
    assert sorted(p.name for p in root.iterdir()) == [
        "cut-before-commit", "unfiled-pages", "young-legacy"]
    assert [i.folder.name for i in found] == ["unfiled-pages", "cut-before-commit"]
    assert all(len(i.pages) == 2 and not i.missing for i in found)
    assert found[1].state.filing == () and found[0].state.user == "hung"
    assert forgotten == []  # no hash was journalled for doc-lost: nothing to drop


def test_a_filed_document_not_verified_keeps_its_batch(
    tmp_path: Path, images: list[np.ndarray], cleaned: list[ScanPage]
) -> None:
    root = tmp_path / "batches"
    journal = Journal.create(root / "b", "lan")
    pages = _arrive(root / "b", images[:1], cleaned)
    journal.record([p.record for p in pages], frozenset())
    item = Filing("doc-x", tuple(_ids(pages)))
    journal.filing(item)
    journal.filed(item)
    journal.close()
    assert sweep(root, lambda i: Copy.DAMAGED, retention_days=7) == []
    assert (root / "b").is_dir()
    assert sweep(root, lambda i: Copy.VERIFIED, retention_days=7) == []
    assert not (root / "b").exists()
