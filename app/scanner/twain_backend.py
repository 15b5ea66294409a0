"""The `twain:<source>` backend for Windows, over pytwain; elsewhere it explains itself."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from types import ModuleType, TracebackType
from typing import Any

from PIL import Image

from app.errors import DeviceError
from app.page import RawPage
from app.scanner.base import Capabilities, DeviceInfo, ScanInterrupted, ScanSettings
from app.scanner.owner import OwnerThread
from app.scanner.recovery import RecoveryFolder
from app.scanner.validation import check_settings

MM_PER_INCH = 25.4
# Every pytwain call runs on one owner thread: the TWAIN source manager is not thread-safe.
_OWNER = OwnerThread("twain")


def _twain() -> ModuleType:
    """Import pytwain, on Windows only."""
    if sys.platform != "win32":
        raise DeviceError(
            "TWAIN is only available on Windows; on Linux use a sane: device",
            hint="Run `scanstation devices` to list the scanners SANE can see.",
        )
    try:
        import twain
    except ImportError as err:
        raise DeviceError(
            "TWAIN support (pytwain) is not installed.", hint="Install it: pip install pytwain"
        ) from err
    return twain


def list_twain_sources() -> list[DeviceInfo]:
    """The TWAIN data sources installed on this Windows machine."""
    return _OWNER.run(_list_sources)


def _list_sources() -> list[DeviceInfo]:
    twain = _twain()
    with twain.SourceManager(None) as sm:
        names = sm.source_list
    return [DeviceInfo(id=f"twain:{n}", vendor="TWAIN", model=n, kind="flatbed") for n in names]


class TwainScanner:
    """One TWAIN data source, opened without its own dialog, for the length of a `with` block."""

    def __init__(self, source: str) -> None:
        self._twain = _twain()
        self.source = source
        self.info = DeviceInfo(id=f"twain:{source}", vendor="TWAIN", model=source, kind="flatbed")
        self._sm: Any = None
        self._src: Any = None

    def __enter__(self) -> TwainScanner:
        _OWNER.run(self._enter)
        return self

    def _enter(self) -> None:
        tw = self._twain
        try:
            self._sm = tw.SourceManager(None)
            self._src = self._sm.open_source(self.source)
        except tw.exceptions.TwainError as err:
            self._close()
            raise DeviceError(
                f"Could not open TWAIN source '{self.source}': {err!r}.",
                hint="Check the scanner is on; `scanstation devices` lists TWAIN sources.",
                code="scanner.open_failed", params={"device": self.source},
            ) from err

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _OWNER.run(self._close)

    def _close(self) -> None:
        if self._src is not None:
            self._src.close()
            self._src = None
        if self._sm is not None:
            self._sm.close()
            self._sm = None

    def capabilities(self) -> Capabilities:
        """Read resolutions, pixel types, feeder and duplex support from the source."""
        return _OWNER.run(self._capabilities)

    def _capabilities(self) -> Capabilities:
        tw, src = self._twain, self._open()
        dpis = self._values(tw.ICAP_XRESOLUTION)
        types = self._values(tw.ICAP_PIXELTYPE)
        modes = [m for t, m in ((tw.TWPT_RGB, "color"), (tw.TWPT_GRAY, "gray")) if t in types]
        if tw.TWPT_BW in types:
            modes.append("lineart")
        feeder_values = self._values(tw.CAP_FEEDERENABLED)
        feeder = bool(feeder_values)
        flatbed = not feeder or False in feeder_values  # a feeder-only source allows just True
        duplex = feeder and self._supported(tw.CAP_DUPLEXENABLED)
        try:
            src.set_capability(tw.ICAP_UNITS, tw.TWTY_UINT16, tw.TWUN_INCHES)
            width = src.get_capability_current(tw.ICAP_PHYSICALWIDTH)[1]
            height = src.get_capability_current(tw.ICAP_PHYSICALHEIGHT)[1]
            area: tuple[float, float] | None = (width * MM_PER_INCH, height * MM_PER_INCH)
        except (tw.exceptions.TwainError, TypeError, IndexError):
            area = None
        return Capabilities(
            dpi_min=round(min(dpis)) if dpis else 75,
            dpi_max=round(max(dpis)) if dpis else 600,
            dpi_values=tuple(sorted({round(d) for d in dpis})) if dpis else None,
            modes=tuple(modes) or ("color",),
            sources=tuple(s for s, ok in (("flatbed", flatbed), ("adf", feeder)) if ok),
            duplex=duplex,
            max_area_mm=area,
        )

    def scan(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        """Check and apply `settings`, then return an iterator of pages saved to `store`."""
        check_settings(settings, self.capabilities(), self.info.id)
        _OWNER.run(self._apply, settings)
        return self._pages(settings, store)

    def _open(self) -> Any:
        if self._sm is None:
            raise RuntimeError("TwainScanner must be opened with `with` before use")
        if self._src is None:  # closed after the previous batch to reset the source's state
            self._src = self._sm.open_source(self.source)
        return self._src

    def _values(self, cap: int) -> list[Any]:
        """The values a capability allows (enumeration, or range endpoints), [] if unknown."""
        src = self._open()
        try:
            answer = src.get_capability(cap)
        except self._twain.exceptions.TwainError:
            return []
        if isinstance(answer, dict):  # a range
            return [answer["MinValue"], answer["MaxValue"]]
        _, value = answer
        if isinstance(value, tuple):  # an enumeration: (current, default, values)
            return list(value[2])
        return list(value) if isinstance(value, list) else [value]

    def _supported(self, cap: int) -> bool:
        return bool(self._values(cap))

    def _apply(self, settings: ScanSettings) -> None:
        tw, src = self._twain, self._open()
        pixel = {"color": tw.TWPT_RGB, "gray": tw.TWPT_GRAY, "lineart": tw.TWPT_BW}
        src.set_capability(tw.ICAP_XFERMECH, tw.TWTY_UINT16, tw.TWSX_NATIVE)
        src.set_capability(tw.ICAP_UNITS, tw.TWTY_UINT16, tw.TWUN_INCHES)
        src.set_capability(tw.ICAP_PIXELTYPE, tw.TWTY_UINT16, pixel[settings.mode])
        src.set_capability(tw.ICAP_XRESOLUTION, tw.TWTY_FIX32, float(settings.dpi))
        src.set_capability(tw.ICAP_YRESOLUTION, tw.TWTY_FIX32, float(settings.dpi))
        adf = settings.source == "adf"
        if self._supported(tw.CAP_FEEDERENABLED):
            src.set_capability(tw.CAP_FEEDERENABLED, tw.TWTY_BOOL, adf)
        if adf:
            src.set_capability(tw.CAP_AUTOFEED, tw.TWTY_BOOL, True)
            if self._supported(tw.CAP_DUPLEXENABLED):
                src.set_capability(tw.CAP_DUPLEXENABLED, tw.TWTY_BOOL, settings.duplex)
        count = settings.max_pages if adf and settings.max_pages else (-1 if adf else 1)
        src.set_capability(tw.CAP_XFERCOUNT, tw.TWTY_INT16, count)
        if settings.page_size_mm is not None:
            w, h = (v / MM_PER_INCH for v in settings.page_size_mm)
            with contextlib.suppress(tw.CheckStatus):  # CheckStatus: the source adjusted it
                src.set_image_layout((0.0, 0.0, w, h))

    def _pages(self, settings: ScanSettings, store: RecoveryFolder) -> Iterator[RawPage]:
        tw = self._twain
        adf = settings.source == "adf"
        count = 0
        try:
            _OWNER.run(self._acquire, adf)
            more = 1
            while more and (settings.max_pages is None or count < settings.max_pages):
                image, mode, dpi, more = _OWNER.run(self._transfer, float(settings.dpi))
                source = "flatbed"
                if adf:
                    source = "adf-back" if settings.duplex and count % 2 else "adf-front"
                page = store.save(image, dpi=dpi, source=source, mode=mode)
                count += 1
                yield page
        except tw.exceptions.DSTransferCancelled:
            return
        except tw.exceptions.TwainError as err:
            what = "The paper jammed" if isinstance(err, tw.exceptions.PaperJam) else repr(err)
            raise ScanInterrupted(
                f"{what} after {count} page(s).",
                hint="The pages scanned before are kept; scan the sheets not yet scanned.",
                pages_kept=count, code="scanner.failed", params={"detail": what},
            ) from err
        finally:
            _OWNER.run(self._end_batch)

    def _acquire(self, adf: bool) -> None:
        tw, src = self._twain, self._open()
        if adf and self._values(tw.CAP_FEEDERLOADED) == [False]:
            raise DeviceError(
                "The document feeder is empty.",
                hint="Put the paper in the feeder and scan again.", code="scanner.feeder_empty",
            )
        src.request_acquire(show_ui=False, modal_ui=False)

    def _transfer(self, asked_dpi: float) -> tuple[Image.Image, str, float, int]:
        """One page from the source: its image, mode, resolution and how many more follow."""
        tw, src = self._twain, self._open()
        dpi = float(src.image_info["XResolution"]) or asked_dpi
        handle, more = src.xfer_image_natively()
        try:
            bmp = tw.dib_to_bm_file(handle)
        finally:
            tw.global_handle_free(handle)
        image: Image.Image = Image.open(io.BytesIO(bmp), formats=["BMP"])
        image.load()
        mode = {"RGB": "color", "1": "lineart"}.get(image.mode, "gray")
        if image.mode not in ("RGB", "L", "1"):
            image = image.convert("RGB")
            mode = "color"
        return image, mode, dpi, more

    def _end_batch(self) -> None:
        """End pending transfers and disable the source; it is reopened on next use."""
        if self._src is not None:
            self._src.close()
            self._src = None
