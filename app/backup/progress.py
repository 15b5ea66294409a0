"""Progress over a run's bytes and cancellation between files, for the CLI bar and the desk."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from app.errors import Cancelled

Report = Callable[[int, int, str], None]  # bytes done, bytes in all, what is being done
WORKERS = min(8, max(4, os.cpu_count() or 1))  # hashing, AES and reads release the GIL
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Meter:
    """Counts bytes towards a total and passes them on; raises Cancelled when asked to stop."""

    total: int = 0
    report: Report | None = None
    cancelled: Callable[[], bool] | None = None
    note: str = ""
    done: int = field(default=0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def add(self, count: int) -> None:
        with self._lock:  # files are handled on several threads at once
            self.done += count
            if self.report is not None:
                self.report(self.done, self.total, self.note)

    def step(self, note: str) -> None:
        """Between two files: stop here if cancelled (nothing half written is kept)."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("Stopped; the previous backup on this drive is untouched.")
        self.note = note
        if self.report is not None:
            self.report(self.done, self.total, note)


def each(work: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """`work` over `items` on WORKERS threads (their reads overlap), results in order; the
    first error is raised once the files already started are finished (none half written)."""
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="backup")
    try:
        yield from pool.map(work, items)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # after an error, start no more files
