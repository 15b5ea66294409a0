"""One thread that owns a C library: every call into it runs there, one at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class OwnerThread:
    """Runs the calls it is given on its one thread, in order; a call from that thread runs
    directly (so an owned function may call another)."""

    def __init__(self, name: str) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._here = threading.local()

    def run(self, fn: Callable[..., T], *args: object) -> T:
        """Call `fn(*args)` on the owner thread and return its result (or raise its error)."""
        if getattr(self._here, "owner", False):
            return fn(*args)
        return self._pool.submit(self._owned, fn, *args).result()

    def _owned(self, fn: Callable[..., T], *args: object) -> T:
        self._here.owner = True
        return fn(*args)
