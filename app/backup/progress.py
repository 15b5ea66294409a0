"""Progress over a run's bytes and cancellation between files, for the CLI bar and the desk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.errors import Cancelled

Report = Callable[[int, int, str], None]  # bytes done, bytes in all, what is being done


@dataclass
class Meter:
    """Counts bytes towards a total and passes them on; raises Cancelled when asked to stop."""

    total: int = 0
    report: Report | None = None
    cancelled: Callable[[], bool] | None = None
    note: str = ""
    done: int = field(default=0, init=False)

    def add(self, count: int) -> None:
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
