"""Opens a scanner from its device id (sane:, twain:, folder:, demo) and lists devices."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from app.errors import DeviceError, UsageError
from app.scanner.base import DeviceInfo, ScanDriver

log = logging.getLogger(__name__)
ACCEPTED = "sane:<device>, twain:<source>, folder:<path>, demo or demo:<seed>"
LIST_TTL_S = 10.0  # the health panel, scan view and first-run dialog share one probe
_list_lock = threading.Lock()
_listed: tuple[float, list[DeviceInfo], list[str]] | None = None


def open_scanner(
    device_id: str, *, extra_options: Mapping[str, object] | None = None
) -> ScanDriver:
    """Build the backend for `device_id` (not yet opened: use it in a `with` block)."""
    prefix, _, rest = device_id.partition(":")
    if prefix == "sane" and rest:
        from app.scanner.sane_backend import SaneScanner

        return SaneScanner(rest, extra_options=extra_options)
    if extra_options:
        raise UsageError(
            f"Device options are only for sane: devices, not '{device_id}'.",
            hint="Leave the options out, or pick a sane: device.",
        )
    if prefix == "twain" and rest:
        from app.scanner.twain_backend import TwainScanner

        return TwainScanner(rest)
    if prefix == "folder" and rest:
        from app.scanner.folder import FolderScanner

        return FolderScanner(Path(rest).expanduser())
    if prefix == "demo" and (not rest or rest.isdigit()):
        from app.scanner.demo import DemoScanner

        return DemoScanner(seed=int(rest) if rest else None)
    raise UsageError(f"Unknown device '{device_id}'.", hint=f"Use one of: {ACCEPTED}.",
                     code="scanner.unknown", params={"device": device_id})


def list_devices(*, notes: list[str] | None = None, fresh: bool = False) -> list[DeviceInfo]:
    """Every device found, then the demo device; problems are logged and added to notes.

    The drivers are probed once for every caller: a call during a probe waits for its result,
    and calls within LIST_TTL_S of it share it (`fresh` probes again).
    """
    global _listed
    with _list_lock:
        if fresh or _listed is None or time.monotonic() - _listed[0] > LIST_TTL_S:
            said: list[str] = []
            found = _probe(said)
            _listed = (time.monotonic(), found, said)
        _, found, said = _listed
    if notes is not None:
        notes.extend(said)
    return [*found]


def _probe(notes: list[str]) -> list[DeviceInfo]:
    found: list[DeviceInfo] = []

    def note(message: str) -> None:
        log.warning("%s", message)
        notes.append(message)

    try:
        from app.scanner.sane_backend import list_sane_devices

        found += list_sane_devices()
    except DeviceError as err:
        if sys.platform != "win32":
            note(f"SANE devices not listed: {err.message}")
    except Exception as err:  # a broken driver must not hide the other devices
        note(f"SANE devices not listed: {err!r}")
    if sys.platform == "win32":
        try:
            from app.scanner.twain_backend import list_twain_sources

            found += list_twain_sources()
        except Exception as err:  # the same for a broken TWAIN driver
            note(f"TWAIN sources not listed: {err!r}")
    from app.scanner.demo import DemoScanner

    return [*found, DemoScanner.info]
