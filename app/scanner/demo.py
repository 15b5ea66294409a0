"""The built-in virtual scanner: feeds synthetic administrative documents, for demos and tests."""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType

import cv2
import numpy as np

from app.page import RawPage
from app.scanner.base import Capabilities, DeviceInfo, ScanSettings
from app.scanner.recovery import RecoveryFolder
from app.scanner.validation import check_settings
from app.synth.document import DocumentFields, render_page
from app.synth.scan import ScanOptions, simulate_scan

_CAPS = Capabilities(
    dpi_min=150,
    dpi_max=600,
    dpi_values=None,
    modes=("color", "gray"),
    sources=("flatbed", "adf"),
    duplex=True,
    max_area_mm=(226.0, 313.0),
)


class DemoScanner:
    """A virtual feeder of realistic, slightly skewed, occasionally blank or upside-down sheets."""

    info = DeviceInfo(
        id="demo", vendor="Scanstation", model="Máy quét mô phỏng", kind="virtual"
    )

    def __init__(self, seed: int | None = None, pages: int = 5) -> None:
        self._rng = np.random.default_rng(seed)
        self._pages = pages

    def capabilities(self) -> Capabilities:
        return _CAPS

    def scan(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        """Validate `settings` at once, then feed the sheets one by one (each saved first)."""
        check_settings(settings, _CAPS, self.info.id)
        return self._feed(settings, store)

    def _feed(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        rng = self._rng
        sides: tuple[str, ...] = ("flatbed",)
        sheets = 1
        if settings.source == "adf":
            sheets = settings.max_pages or self._pages
            sides = ("adf-front", "adf-back") if settings.duplex else ("adf-front",)
        fields: DocumentFields | None = None
        delivered = 0
        for _ in range(sheets):
            first = fields is None or rng.random() < 0.3
            for side in sides:
                if settings.max_pages is not None and delivered >= settings.max_pages:
                    return
                back = side == "adf-back"
                blank = rng.random() < (0.85 if back else 0.06)
                page = render_page(
                    rng,
                    dpi=settings.dpi,
                    blank=blank,
                    first_page=first and not back,
                    fields=None if back else fields,
                )
                if page.fields is not None:
                    fields = page.fields
                image, _ = simulate_scan(page, self._options(settings, rng), rng)
                image = self._window(image, settings)
                if settings.mode == "gray":
                    image = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
                delivered += 1
                yield store.save(image, dpi=settings.dpi, source=side, mode=settings.mode)

    @staticmethod
    def _options(settings: ScanSettings, rng: np.random.Generator) -> ScanOptions:
        adf = settings.source == "adf"
        return ScanOptions(
            skew_deg=float(rng.normal(0, 0.8 if adf else 1.5)),
            orientation=180 if rng.random() < 0.06 else 0,
            bed="dark" if adf or rng.random() < 0.3 else "light",
            bed_margin_mm=float(rng.uniform(3, 8) if adf else rng.uniform(5, 12)),
            noise_sigma=float(rng.uniform(1.5, 3)),
            blur_sigma=float(rng.uniform(0.3, 0.7)),
        )

    @staticmethod
    def _window(image: np.ndarray, settings: ScanSettings) -> np.ndarray:
        """Cut the scan to the asked page size from the top-left corner, as a scan window does."""
        if settings.page_size_mm is None:
            return image
        w, h = (round(v / 25.4 * settings.dpi) for v in settings.page_size_mm)
        return image[:h, :w]

    def __enter__(self) -> DemoScanner:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None
