"""The `sane:<device>` backend: scans through the SANE driver process, flatbed or feeder."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any

import numpy as np
from PIL import Image

from app.errors import DeviceError, UsageError
from app.page import RawPage
from app.scanner import sane_options
from app.scanner.base import Capabilities, DeviceInfo, ScanInterrupted, ScanSettings
from app.scanner.driver import (
    LIST_S,
    OPEN_S,
    PAGE_S,
    DriverLost,
    DriverStopped,
    OptionRefused,
    SaneError,
    driver,
)
from app.scanner.recovery import RecoveryFolder
from app.scanner.sane_options import SaneChoices
from app.scanner.sane_worker import OptionInfo
from app.scanner.validation import check_settings

NO_DOCS = "Document feeder out of documents"
_FAILURES: dict[str, tuple[str, str]] = {
    "Document feeder jammed": (
        "The paper jammed in the feeder",
        "Open the feeder, remove the jammed sheet, then scan the sheets not yet scanned.",
    ),
    "Scanner cover is open": (
        "The scanner cover is open",
        "Close the cover, then scan the sheets not yet scanned.",
    ),
    "Error during device I/O": (
        "The scanner stopped answering (I/O error)",
        "Check the cable and power, then scan the sheets not yet scanned.",
    ),
    "Device busy": (
        "The scanner is busy",
        "Close other scanning programs, wait a moment and try again.",
    ),
    "Operation was canceled": (
        "The scan was cancelled on the scanner",
        "Start the scan again for the sheets not yet scanned.",
    ),
    "Access to resource has been denied": (
        "Access to the scanner was denied",
        "Add this user to the 'scanner' group (or check the scanner's password), then retry.",
    ),
    "Out of memory": (
        "The scanner driver ran out of memory",
        "Use a lower resolution or a smaller page size.",
    ),
}
_FAILURE_CODES = {  # the same failures as codes, for the desk to word
    "Document feeder jammed": "scanner.jammed",
    "Scanner cover is open": "scanner.cover_open",
    "Error during device I/O": "scanner.io",
    "Device busy": "scanner.busy",
    "Operation was canceled": "scanner.cancelled",
    "Access to resource has been denied": "scanner.denied",
    "Out of memory": "scanner.memory",
}

def _kind(sane_type: str) -> str:
    low = sane_type.lower()
    if "virtual" in low:
        return "virtual"
    if "sheetfed" in low or "feeder" in low:
        return "adf"
    return "flatbed"


def list_sane_devices() -> list[DeviceInfo]:
    """The SANE devices present now, as `sane:<name>` ids."""
    try:
        devices: Any = driver().call("devices", timeout=LIST_S)
    except SaneError as err:
        raise DeviceError(
            f"SANE could not list devices: {err}", hint="Check the SANE setup.",
            code="scanner.list_failed",
        ) from err
    return [
        DeviceInfo(id=f"sane:{name}", vendor=vendor, model=model, kind=_kind(kind))
        for name, vendor, model, kind in devices
    ]


def _to_image(result: tuple[Any, int, int, int, int], lineart: bool) -> Image.Image:
    data, width, height, samples, sample_size = result
    dtype = np.uint16 if sample_size == 2 else np.uint8
    arr: np.ndarray = np.frombuffer(data, dtype=dtype).reshape(height, width, samples)
    if sample_size == 2:
        arr = np.right_shift(arr, 8).astype(np.uint8)
    if samples == 3:
        return Image.fromarray(np.ascontiguousarray(arr), "RGB")
    gray = Image.fromarray(np.ascontiguousarray(arr[:, :, 0]), "L")
    return gray.point(lambda v: 255 if v >= 128 else 0).convert("1") if lineart else gray


class SaneScanner:
    """One SANE device, opened in the driver process for the length of a `with` block."""

    def __init__(self, device: str, *, extra_options: Mapping[str, object] | None = None) -> None:
        self.device = device
        self.info = DeviceInfo(id=f"sane:{device}", vendor="SANE", model=device, kind="flatbed")
        self._extra = dict(extra_options or {})
        self._handle: int | None = None
        self._generation = 0
        self._choices: SaneChoices | None = None

    def __enter__(self) -> SaneScanner:
        try:
            self._handle, self._generation = driver().open_device(self.device)
        except SaneError as err:
            raise DeviceError(
                f"Could not open SANE device '{self.device}': {err}.",
                hint="Check the scanner is on and connected; `scanstation devices` lists devices.",
                code="scanner.open_failed", params={"device": self.device},
            ) from err
        try:
            self._choices = sane_options.read_choices(self._options())
            for name, value in self._extra.items():
                self._checked(name, value)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        srcs = self._choices.caps.sources
        kind = "flatbed+adf" if len(srcs) > 1 else ("adf" if srcs == ("adf",) else "flatbed")
        self.info = DeviceInfo(id=self.info.id, vendor="SANE", model=self.device, kind=kind)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        handle, self._handle = self._handle, None
        if handle is not None and driver().handle_valid(self._generation):
            with contextlib.suppress(DriverStopped, SaneError):
                driver().call("close", handle, timeout=OPEN_S)

    def capabilities(self) -> Capabilities:
        """What the device offers, read from its option descriptors when it was opened."""
        return self._open_choices().caps

    def set_option(self, name: str, value: object) -> None:
        """Set a device-specific option after checking it exists, is settable and allows value."""
        opt, converted = self._checked(name, value)
        try:
            self._call("set", opt.py_name, converted)
        except (OptionRefused, SaneError) as err:
            raise UsageError(
                f"{self.info.id} refused option '{name}' = {value!r}: {err}.",
                hint=f"Allowed: {sane_options.allowed(opt)}.",
                code="scanner.option_refused", params={"option": name, "value": value},
            ) from err

    def scan(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        """Check and apply `settings`, then return an iterator of pages saved to `store`."""
        choices = self._open_choices()
        check_settings(settings, choices.caps, self.info.id)
        self._apply(settings, choices)
        resolution = sane_options.resolution_option(self._options())
        dpi = float(self._call("get", resolution.py_name))  # type: ignore[arg-type]
        return self._pages(settings, store, dpi)

    def _open_choices(self) -> SaneChoices:
        if self._handle is None or self._choices is None:
            raise RuntimeError("SaneScanner must be opened with `with` before use")
        return self._choices

    def _call(self, op: str, *args: object, timeout: float = OPEN_S) -> object:
        """One request about this device; a driver restarted since it was opened is an error."""
        if self._handle is None:
            raise RuntimeError("SaneScanner must be opened with `with` before use")
        if not driver().handle_valid(self._generation):
            raise DriverStopped(
                f"The scanner driver was restarted: {self.info.id} must be opened again.",
                hint="Scan again.", code="scanner.driver_restarted",
            )
        return driver().call(op, self._handle, *args, timeout=timeout)

    def _options(self) -> dict[str, OptionInfo]:
        return self._call("options")  # type: ignore[return-value]

    def _checked(self, name: str, value: object) -> tuple[Any, object]:
        opts = self._options()
        opt = opts.get(name) or opts.get(name.replace("_", "-"))
        if opt is None:
            raise UsageError(
                f"{self.info.id} has no option '{name}'.",
                hint=f"Its options are: {', '.join(sorted(opts))}.",
            )
        if not (opt.is_active() and opt.is_settable()):
            raise UsageError(
                f"Option '{name}' of {self.info.id} cannot be set now.",
                hint="It is inactive or read-only with the current settings; leave it out.",
            )
        return opt, sane_options.coerce(opt, value)

    def _set_if_present(self, name: str, value: object) -> None:
        opt = self._options().get(name)
        if opt is not None and opt.is_active() and opt.is_settable():
            self.set_option(name, value)

    def _apply(self, settings: ScanSettings, choices: SaneChoices) -> None:
        duplex = settings.duplex and settings.source == "adf"
        source = choices.sources.get("adf-duplex" if duplex else settings.source, "")
        if duplex and "adf-duplex" not in choices.sources:
            source = choices.sources["adf"]
        if source:
            self.set_option("source", source)
        if choices.duplex_option == "duplex":
            self._set_if_present("duplex", duplex)
        elif choices.duplex_option == "adf-mode" and settings.source == "adf":
            opt = self._options()["adf-mode"]
            wanted = "duplex" if duplex else "simplex"
            self._set_if_present(
                "adf-mode", next(v for v in opt.constraint if wanted in str(v).lower())
            )
        if choices.modes.get(settings.mode):
            self.set_option("mode", choices.modes[settings.mode])
        self._set_depth(1 if settings.mode == "lineart" else 8)
        res = sane_options.resolution_option(self._options())
        self.set_option(res.name, settings.dpi)
        if res.name == "x-resolution":
            self._set_if_present("y-resolution", settings.dpi)
        self._set_area(settings.page_size_mm)
        for name, value in self._extra.items():
            self.set_option(name, value)

    def _set_depth(self, depth: int) -> None:
        opt = self._options().get("depth")
        if opt is not None and isinstance(opt.constraint, list) and depth in opt.constraint:
            self._set_if_present("depth", depth)

    def _set_area(self, size_mm: tuple[float, float] | None) -> None:
        if size_mm is not None:
            self._set_if_present("page-width", size_mm[0])
            self._set_if_present("page-height", size_mm[1])
        for axis, index in (("x", 0), ("y", 1)):
            opts = self._options()
            tl, br = opts.get(f"tl-{axis}"), opts.get(f"br-{axis}")
            if tl is None or br is None or not isinstance(br.constraint, tuple):
                continue
            start = float(tl.constraint[0]) if isinstance(tl.constraint, tuple) else 0.0
            end = float(br.constraint[1])
            if size_mm is not None:
                end = min(end, start + size_mm[index])
            self._set_if_present(f"tl-{axis}", start)
            self._set_if_present(f"br-{axis}", end)

    def _pages(
        self, settings: ScanSettings, store: RecoveryFolder, dpi: float
    ) -> Iterator[RawPage]:
        adf = settings.source == "adf"
        lineart = settings.mode == "lineart"
        count = 0
        try:
            while settings.max_pages is None or count < settings.max_pages:
                try:
                    result: Any = self._call("snap", adf, timeout=PAGE_S)
                except DriverStopped as err:
                    raise DriverLost(err.message, count) from err
                except SaneError as err:
                    if adf and str(err) == NO_DOCS:
                        if count == 0:
                            raise DeviceError(
                                "The document feeder is empty.",
                                hint="Put the paper in the feeder and scan again.",
                                code="scanner.feeder_empty",
                            ) from err
                        return
                    raise _interrupted(str(err), count) from err
                image = _to_image(result, lineart)
                mode = "color" if image.mode == "RGB" else ("lineart" if lineart else "gray")
                source = "flatbed"
                if adf:
                    source = "adf-back" if settings.duplex and count % 2 else "adf-front"
                page = store.save(image, dpi=dpi, source=source, mode=mode)
                count += 1
                yield page
                if not adf:
                    return
        finally:
            if self._handle is not None and driver().handle_valid(self._generation):
                with contextlib.suppress(DriverStopped, SaneError):
                    self._call("cancel")


def _interrupted(message: str, count: int) -> ScanInterrupted:
    what, hint = _FAILURES.get(message, (f"The scanner reported an error ({message})", ""))
    kept = f"The {count} page(s) scanned before are kept. " if count else ""
    hint = kept + (hint or "Check the scanner, then scan the sheets not yet scanned.")
    return ScanInterrupted(f"{what} after {count} page(s).", hint=hint, pages_kept=count,
                           code=_FAILURE_CODES.get(message, "scanner.failed"),
                           params={"pages": count, "detail": message})
