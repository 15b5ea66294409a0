"""The one Protocol every scanner backend implements, with its settings and capabilities."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from app.errors import DeviceError
from app.page import RawPage
from app.scanner.recovery import RecoveryFolder


@dataclass(frozen=True)
class DeviceInfo:
    """A scanner the station can open, as `scanstation devices` lists it."""

    id: str  # e.g. "sane:test:0", "folder:/path", "demo"
    vendor: str
    model: str
    kind: str  # "flatbed", "adf", "flatbed+adf", "virtual", "folder"


@dataclass(frozen=True)
class ScanSettings:
    """What the user asks of one batch; validated against `Capabilities` before scanning."""

    dpi: int = 300
    mode: str = "color"  # color | gray
    source: str = "flatbed"  # flatbed | adf
    duplex: bool = False
    page_size_mm: tuple[float, float] | None = None  # (width, height); None = the whole area
    max_pages: int | None = None


@dataclass(frozen=True)
class Capabilities:
    """What a device offers, read from the device before any option is set."""

    dpi_min: int
    dpi_max: int
    dpi_values: tuple[int, ...] | None  # None when any value in [min, max] is allowed
    modes: tuple[str, ...]
    sources: tuple[str, ...]
    duplex: bool
    max_area_mm: tuple[float, float] | None


class ScanInterrupted(DeviceError):
    """The device failed mid-batch (jam, cover open, I/O): the pages delivered so far are kept."""

    code = "scanner.interrupted"

    def __init__(self, message: str, *, hint: str = "", pages_kept: int = 0, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, hint=hint, code=code,
                         params={"pages": pages_kept, **(params or {})})
        self.pages_kept = pages_kept


class ScanDriver(Protocol):
    """A scanner session: a context manager that yields pages as they arrive."""

    info: DeviceInfo

    def capabilities(self) -> Capabilities:
        """Read what the device offers."""
        ...

    def scan(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        """Scan one batch, saving each page to `store` before yielding it.

        An empty feeder ends the iteration; a device failure raises `ScanInterrupted`
        after the pages already yielded (which stay on disk).
        """
        ...

    def __enter__(self) -> ScanDriver: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
