"""The `folder:<path>` backend: every supported file in a folder, in natural name order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from app.errors import DeviceError
from app.page import RawPage
from app.scanner.base import Capabilities, DeviceInfo, ScanSettings
from app.scanner.files import SUFFIXES, natural_sort_key, read_files
from app.scanner.recovery import RecoveryFolder

# Files carry their own resolution; these only describe what a folder "offers".
_CAPS = Capabilities(
    dpi_min=1,
    dpi_max=10_000,
    dpi_values=None,
    modes=("color", "gray", "lineart"),
    sources=("flatbed", "adf"),
    duplex=True,
    max_area_mm=None,
)


class FolderScanner:
    """Reads a folder (not its sub-folders) as if it were a scanner's output tray."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.info = DeviceInfo(id=f"folder:{folder}", vendor="", model=folder.name, kind="folder")

    def files(self) -> list[Path]:
        """The supported files, in natural name order; DeviceError if there are none."""
        if not self.folder.is_dir():
            raise DeviceError(
                f"The folder {self.folder} does not exist.",
                hint="Check the path after 'folder:'.",
            )
        found = [
            p
            for p in self.folder.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUFFIXES
        ]
        if not found:
            raise DeviceError(
                f"The folder {self.folder} has no JPEG, PNG, TIFF or PDF files.",
                hint="Put the scanned files in it, or choose another folder.",
            )
        return sorted(found, key=lambda p: (natural_sort_key(p.name), p.name))

    def capabilities(self) -> Capabilities:
        """Anything is accepted: the files decide resolution and colour."""
        return _CAPS

    def scan(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        """Pages of every file; settings.dpi is used only for files without a resolution."""
        files = self.files()
        pages = read_files(files, store, fallback_dpi=float(settings.dpi))
        return pages if settings.max_pages is None else _first(pages, settings.max_pages)

    def __enter__(self) -> FolderScanner:
        self.files()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


def _first(pages: Iterator[RawPage], limit: int) -> Iterator[RawPage]:
    for count, page in enumerate(pages, start=1):
        yield page
        if count >= limit:
            return
