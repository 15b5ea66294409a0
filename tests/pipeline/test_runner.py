"""The page pipeline: order kept across workers, the strict check, cancel, worker errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import Cancelled, InputError
from app.ocr.null import NullEngine
from app.page import RawPage
from app.pipeline.flows import _strict_dpi
from app.pipeline.progress import CancelToken
from app.pipeline.runner import process_pages, threads_per_worker
from app.pipeline.steps import PAGE_STEPS, PageOptions, PageOutcome, run_page
from app.scanner.recovery import RecoveryFolder
from app.synth.document import render_page
from app.synth.scan import ScanOptions, simulate_scan

OPTIONS = PageOptions(engine=NullEngine())


def _pages(folder: Path, count: int, dpi: int = 150) -> list[RawPage]:
    store = RecoveryFolder(folder)
    raws = []
    for i in range(count):
        rng = np.random.default_rng(i)
        page = render_page(rng, dpi=dpi, blank=i == 1)
        image, _ = simulate_scan(page, ScanOptions(skew_deg=float(i)), rng)
        raws.append(store.save(image, dpi=dpi, source="file"))
    return raws


class Recorder:
    """A Progress that remembers what it was told."""

    def __init__(self) -> None:
        self.arrived: list[int] = []
        self.done: list[int] = []

    def page_arrived(self, index: int) -> None:
        self.arrived.append(index)

    def page_done(self, outcome: PageOutcome) -> None:
        self.done.append(outcome.page.raw.index)


def test_steps_are_one_ordered_list() -> None:
    assert [name for name, _ in PAGE_STEPS] == ["load", "cleanup", "ocr", "encode"]


def test_pages_come_back_in_order_with_progress(tmp_path: Path) -> None:
    raws = _pages(tmp_path, 4)
    recorder = Recorder()
    outcomes = process_pages(iter(raws), OPTIONS, jobs=2, progress=recorder)
    assert [o.page.raw.index for o in outcomes] == [0, 1, 2, 3]
    assert recorder.arrived == [0, 1, 2, 3] and sorted(recorder.done) == [0, 1, 2, 3]
    assert [o.page.findings.blank for o in outcomes] == [False, True, False, False]
    assert abs(outcomes[3].page.findings.skew_deg - 3.0) < 0.1
    assert all(o.encoded.dpi == 150 for o in outcomes)


def test_run_page_keeps_the_raw_page_and_times_each_step(tmp_path: Path) -> None:
    (raw,) = _pages(tmp_path, 1)
    outcome = run_page(raw, OPTIONS)
    assert outcome.page.raw == raw
    assert set(outcome.timings_ms) == {"load", "cleanup", "ocr", "encode"}
    assert outcome.encoded.width == outcome.page.geometry.size[0]


def test_strict_check_stops_the_run(tmp_path: Path) -> None:
    raws = _pages(tmp_path, 2, dpi=150)
    with pytest.raises(InputError, match="200 dpi"):
        process_pages(iter(raws), OPTIONS, jobs=1, check=_strict_dpi)


def test_cancel_between_pages(tmp_path: Path) -> None:
    raws = _pages(tmp_path, 3)
    token = CancelToken()

    def feed() -> Iterator[RawPage]:
        yield raws[0]
        token.cancel()
        yield raws[1]

    with pytest.raises(Cancelled):
        process_pages(feed(), OPTIONS, jobs=1, cancel=token)


def test_unreadable_page_in_a_worker_is_reported(tmp_path: Path) -> None:
    (raw,) = _pages(tmp_path, 1)
    raw.path.write_bytes(b"not a png")
    with pytest.raises(InputError, match="rescan"):
        process_pages(iter([raw]), OPTIONS, jobs=1)


def test_workers_times_threads_fit_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert threads_per_worker(8) == 1
    assert threads_per_worker(2) == 4
    assert threads_per_worker(3) == 2
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert threads_per_worker(4) == 1


def test_recovery_folder_saves_atomically_and_counts_on(tmp_path: Path) -> None:
    store = RecoveryFolder(tmp_path / "batch")
    first = store.save(np.zeros((20, 10, 3), np.uint8), dpi=300, source="flatbed")
    assert first.path.name == "page-00000.png" and first.index == 0
    with Image.open(first.path) as saved:
        assert saved.size == (10, 20) and round(saved.info["dpi"][0]) == 300
    assert not list((tmp_path / "batch").glob("*.part"))
    reopened = RecoveryFolder(tmp_path / "batch")  # after a crash, numbering continues
    assert reopened.save(np.zeros((5, 5), np.uint8), dpi=200, source="adf-front").index == 1
    assert len(reopened.pages()) == 2
