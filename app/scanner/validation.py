"""Checks a batch's ScanSettings against what a device offers, before any option is set."""

from __future__ import annotations

from app.errors import UsageError
from app.scanner.base import Capabilities, ScanSettings

AREA_TOLERANCE_MM = 0.5


def describe_dpi(caps: Capabilities) -> str:
    """The resolutions a device allows, in words."""
    if caps.dpi_values is not None:
        return ", ".join(str(v) for v in caps.dpi_values) + " dpi"
    return f"any resolution from {caps.dpi_min} to {caps.dpi_max} dpi"


def check_settings(settings: ScanSettings, caps: Capabilities, device: str) -> None:
    """Raise UsageError naming the bad value and what `device` allows instead."""
    dpi_ok = caps.dpi_min <= settings.dpi <= caps.dpi_max and (
        caps.dpi_values is None or settings.dpi in caps.dpi_values
    )
    if not dpi_ok:
        raise UsageError(
            f"{device} cannot scan at {settings.dpi} dpi.",
            hint=f"Choose {describe_dpi(caps)}.", code="scanner.dpi",
            params={"device": device, "dpi": settings.dpi, "min": caps.dpi_min,
                    "max": caps.dpi_max},
        )
    if settings.mode not in caps.modes:
        raise UsageError(
            f"{device} has no '{settings.mode}' mode.",
            hint=f"Choose one of: {', '.join(caps.modes)}.", code="scanner.mode",
            params={"device": device, "mode": settings.mode},
        )
    if settings.source not in caps.sources:
        raise UsageError(
            f"{device} has no '{settings.source}' source.",
            hint=f"Choose one of: {', '.join(caps.sources)}.", code="scanner.source",
            params={"device": device, "source": settings.source},
        )
    if settings.duplex and not (caps.duplex and settings.source == "adf"):
        hint = (
            "Use --source adf for two-sided scanning."
            if caps.duplex
            else "This scanner scans one side only; scan without duplex."
        )
        raise UsageError(f"{device} cannot scan both sides from '{settings.source}'.", hint=hint,
                         code="scanner.duplex", params={"device": device})
    if settings.max_pages is not None and settings.max_pages < 1:
        raise UsageError(
            f"max pages must be at least 1, not {settings.max_pages}.",
            hint="Leave it out to scan until the feeder is empty.", code="scanner.max_pages",
        )
    _check_area(settings, caps, device)


def _check_area(settings: ScanSettings, caps: Capabilities, device: str) -> None:
    if settings.page_size_mm is None:
        return
    width, height = settings.page_size_mm
    if width <= 0 or height <= 0:
        raise UsageError(
            f"Page size {width:g}×{height:g} mm is not a page.",
            hint="Give a positive width and height in millimetres.", code="scanner.page_size",
        )
    if caps.max_area_mm is None:
        return
    max_w, max_h = caps.max_area_mm
    if width > max_w + AREA_TOLERANCE_MM or height > max_h + AREA_TOLERANCE_MM:
        raise UsageError(
            f"Page size {width:g}×{height:g} mm is larger than what {device} can scan.",
            hint=f"Choose a size up to {max_w:g}×{max_h:g} mm.", code="scanner.area",
            params={"device": device, "width": max_w, "height": max_h},
        )
