"""A terminal progress bar for the pipeline's Progress protocol (silent when not a terminal)."""

from __future__ import annotations

import sys
from types import TracebackType

from tqdm import tqdm

from app.pipeline.steps import PageOutcome


class TerminalProgress:
    """Shows pages processed against pages arrived, on stderr."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self._bar = tqdm(
            total=total,
            desc=label,
            unit="page",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            leave=True,
        )
        self._arrived = 0

    def page_arrived(self, index: int) -> None:
        """Grow the total when the page count is not known in advance (a feeder)."""
        self._arrived += 1
        if self._bar.total is None or self._arrived > self._bar.total:
            self._bar.total = self._arrived
            self._bar.refresh()

    def page_done(self, outcome: PageOutcome) -> None:
        """Advance by one page and show its flags, if any."""
        self._bar.update(1)
        flags = outcome.page.findings.flags
        if flags:
            self._bar.set_postfix_str(f"p{outcome.page.raw.index + 1}: {','.join(sorted(flags))}")

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bar.close()
