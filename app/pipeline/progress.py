"""Progress and cancellation as plain Python protocols, so any front end can plug in."""

from __future__ import annotations

import threading
from typing import Protocol

from app.errors import Cancelled
from app.pipeline.steps import PageOutcome


class Progress(Protocol):
    """Told about each page as it arrives from the scanner and as it finishes processing."""

    def page_arrived(self, index: int) -> None: ...

    def page_done(self, outcome: PageOutcome) -> None: ...


class SilentProgress:
    """A Progress that reports nothing."""

    def page_arrived(self, index: int) -> None:
        """Ignore."""

    def page_done(self, outcome: PageOutcome) -> None:
        """Ignore."""


class CancelToken:
    """Set from any thread to stop a run between pages; the run then raises Cancelled."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise Cancelled when cancellation was asked for."""
        if self._event.is_set():
            raise Cancelled("Stopped at the user's request; nothing was written.")
