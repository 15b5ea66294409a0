"""The strip's data: documents cut at split markers, clerk edits and undo."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.page import Geometry, RawPage
from app.pipeline.interactive import ScanPage
from app.ui.batch import Batch


def page(i: int) -> ScanPage:
    raw = RawPage(Path(f"/x/page-{i}.png"), 300, i)
    preview = np.full((40, 30, 3), 255, np.uint8)
    geometry = Geometry(((0, 0), (30, 0), (30, 40), (0, 40)), (30, 40))
    return ScanPage(raw, geometry, frozenset(), 0.0, preview, 1.0)


def test_split_reorder_delete_and_undo():
    batch = Batch()
    pages = [page(i) for i in range(4)]
    for p in pages:
        batch.arrived(p)
    assert not batch.can_undo
    batch.toggle_split(pages[2].id)
    assert [len(d) for d in batch.state.documents()] == [2, 2]
    batch.reorder([pages[1].id, pages[0].id, pages[2].id, pages[3].id])
    batch.delete({pages[3].id})
    assert [p.id for p in batch.state.pages] == [pages[1].id, pages[0].id, pages[2].id]
    batch.undo()
    batch.undo()
    assert [p.id for p in batch.state.pages] == [p.id for p in pages]
    batch.undo()
    assert [len(d) for d in batch.state.documents()] == [4]


def test_rotate_keeps_identity_and_swaps_size():
    batch = Batch()
    first = page(0)
    batch.arrived(first)
    turned = first.rotated(1)
    batch.replace_page(turned)
    assert batch.state.pages[0].id == first.id
    assert turned.geometry.size == (40, 30)
    assert turned.thumb.shape[1] > turned.thumb.shape[0]
    batch.undo()
    assert batch.state.pages[0].geometry.size == (30, 40)


def test_filed_pages_leave_the_strip():
    batch = Batch()
    pages = [page(i) for i in range(3)]
    for p in pages:
        batch.arrived(p)
    batch.toggle_split(pages[1].id)
    batch.remove_filed(batch.state.documents()[0])
    assert batch.state.documents() == [[pages[1], pages[2]]]
    assert not batch.can_undo


def test_pages_put_back_keep_their_edits_and_splits_and_cannot_be_undone():
    batch = Batch()
    here = page(0)
    batch.arrived(here)
    batch.delete({here.id})
    batch.undo()
    back = [page(1).rotated(1), page(2), page(3)]
    batch.add(back, frozenset({back[2].id}))
    assert [p.id for p in batch.state.pages] == [here.id] + [p.id for p in back]
    assert batch.state.pages[1].geometry.size == (40, 30)  # the rotation came back with it
    assert [len(d) for d in batch.state.documents()] == [1, 2, 1]
    assert not batch.can_undo
