"""Run the page steps over a stream of pages in parallel worker processes, keeping page order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

import cv2

from app.page import RawPage
from app.pipeline.progress import CancelToken, Progress, SilentProgress
from app.pipeline.steps import PageOptions, PageOutcome, run_page

RawCheck = Callable[[RawPage], None]


def default_jobs() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


def threads_per_worker(jobs: int) -> int:
    """Threads each worker may use so that workers × threads ≤ cores."""
    return max(1, (os.cpu_count() or 1) // max(1, jobs))


def _init_worker(threads: int) -> None:
    """Limit a worker's threads (Tesseract's OpenMP, OpenCV) to its share of the cores."""
    os.environ["OMP_THREAD_LIMIT"] = str(threads)
    cv2.setNumThreads(threads)


def worker_context() -> multiprocessing.context.BaseContext:
    """Fresh worker processes: forkserver where the platform has it (POSIX), else spawn
    (Windows). Never plain fork: the caller may hold threads, Qt or OpenMP state."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def stop_worker_server() -> None:
    """Stop the forkserver the worker pools fork from (a no-op when none runs), so that a
    command leaves no process behind; the next pool starts a fresh one."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver  # POSIX only

        forkserver._forkserver._stop()  # type: ignore[attr-defined]  # CPython's stop, untyped


def process_pages(
    raws: Iterable[RawPage],
    options: PageOptions,
    *,
    jobs: int,
    check: RawCheck | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[PageOutcome]:
    """Process pages as they arrive (a scanner keeps scanning meanwhile); return them in order.

    `check` runs in this process on each raw page before it is queued (e.g. the --strict dpi
    rule) and may raise to stop the run. Errors in a worker are re-raised here.
    """
    progress = progress or SilentProgress()
    cancel = cancel or CancelToken()
    outcomes: dict[int, PageOutcome] = {}
    context = worker_context()
    threads = threads_per_worker(jobs)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(threads,)
    ) as pool:
        pending: dict[Future[PageOutcome], int] = {}
        try:
            for position, raw in enumerate(raws):
                cancel.raise_if_cancelled()
                if check is not None:
                    check(raw)
                progress.page_arrived(position)
                pending[pool.submit(run_page, raw, options)] = position
                _collect(pending, outcomes, progress, block=False)
            while pending:
                cancel.raise_if_cancelled()
                _collect(pending, outcomes, progress, block=True)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return [outcomes[i] for i in sorted(outcomes)]


def _collect(
    pending: dict[Future[PageOutcome], int],
    outcomes: dict[int, PageOutcome],
    progress: Progress,
    *,
    block: bool,
) -> None:
    """Move finished futures into `outcomes`, waiting up to a second for one when `block`."""
    done, _ = wait(list(pending), timeout=1.0 if block else 0, return_when=FIRST_COMPLETED)
    for future in done:
        position = pending.pop(future)
        outcomes[position] = future.result()
        progress.page_done(outcomes[position])
