"""The SANE driver process: the one owner of libsane, answering requests over a pipe."""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import ModuleType
from typing import Any

from app.logs import log_folder
from app.scanner.sigpipe import restore_sigpipe

PARENT_POLL_S = 1.0
DRIVER_LOG = "sane-driver.log"
DRIVER_LOG_MAX = 1024 * 1024
OPS = frozenset({"devices", "open", "options", "get", "set", "snap", "cancel", "close"})


@dataclass(frozen=True)
class OptionInfo:
    """A picklable copy of one python-sane option descriptor (what sane_options reads)."""

    name: str
    py_name: str
    type: int
    unit: int
    constraint: Any  # None, a (min, max, quant) range or a list of values
    active: bool
    settable: bool

    def is_active(self) -> bool:
        return self.active

    def is_settable(self) -> bool:
        return self.settable


class _Driver:
    """libsane behind plain calls: every request of the client maps to one method."""

    def __init__(self, sane: ModuleType) -> None:
        self.sane = sane
        self.handles: dict[int, Any] = {}
        self.next_handle = 1
        sane.init()

    def devices(self) -> list[tuple[str, str, str, str]]:
        return [tuple(d) for d in self.sane.get_devices()]

    def open(self, name: str) -> int:
        handle = self.next_handle
        self.handles[handle] = self.sane.open(name)
        self.next_handle += 1
        return handle

    def options(self, handle: int) -> dict[str, OptionInfo]:
        found = {}
        for opt in self.handles[handle].opt.values():
            if opt.name:
                found[opt.name] = OptionInfo(
                    opt.name, opt.py_name, opt.type, opt.unit, opt.constraint,
                    bool(opt.is_active()), bool(opt.is_settable()),
                )
        return found

    def get(self, handle: int, py_name: str) -> object:
        return getattr(self.handles[handle], py_name)

    def set(self, handle: int, py_name: str, value: object) -> None:
        setattr(self.handles[handle], py_name, value)

    def snap(self, handle: int, adf: bool) -> tuple[bytes, int, int, int, int]:
        dev = self.handles[handle]
        try:
            dev.start()
            data, width, height, samples, sample_size = dev.dev.snap(adf, True, None)
        finally:
            restore_sigpipe()  # libsane's reader thread set SIGPIPE back to "terminate"
        if not data:
            raise RuntimeError("Scanner returned no data")
        return bytes(data), width, height, samples, sample_size

    def cancel(self, handle: int) -> None:
        dev = self.handles.get(handle)
        if dev is not None:
            dev.cancel()
            restore_sigpipe()

    def close(self, handle: int) -> None:
        dev = self.handles.pop(handle, None)
        if dev is None:
            return
        try:
            dev.cancel()
        except self.sane._sane.error:
            pass
        finally:
            dev.close()
            restore_sigpipe()

    def exit(self) -> None:
        for handle in list(self.handles):
            self.close(handle)
        self.sane.exit()


def _die_with_parent() -> None:
    """End this process when the desk or CLI that started it ends, even in a hung SANE call."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _chatter_to_log() -> None:
    """Send what SANE backends print on stderr (bjnp probes, debug lines) to a capped log file:
    stderr is for the station's own problems."""
    path = log_folder() / DRIVER_LOG
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "wb" if path.exists() and path.stat().st_size > DRIVER_LOG_MAX else "ab"
        with path.open(mode) as log:
            os.dup2(log.fileno(), 2)
    except OSError:
        return  # no log folder: the chatter stays on stderr


def serve(conn: Connection) -> None:
    """Answer requests `(op, *args)` until the pipe closes or "exit" comes.

    Replies are `("ok", value)`, `("sane", message)` for an error libsane reported,
    `("refused", message)` for an option python-sane refuses, or `("error", text)`.
    The first reply says whether SANE started.
    """
    _die_with_parent()
    _chatter_to_log()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the desk or CLI, not for us
    try:
        import sane

        driver = _Driver(sane)
    except ImportError as err:
        conn.send(("missing", str(err)))
        return
    except Exception as err:  # sane._sane.error and anything else libsane raised at start
        conn.send(("sane", str(err)))
        return
    conn.send(("ok", None))
    while True:
        try:
            op, *args = conn.recv()
        except (EOFError, OSError):
            break
        if op == "exit":
            break
        try:
            if op not in OPS:
                raise ValueError(f"unknown request {op!r}")
            reply: tuple[str, object] = ("ok", getattr(driver, op)(*args))
        except sane._sane.error as err:
            reply = ("sane", str(err))
        except AttributeError as err:
            reply = ("refused", str(err))
        except RuntimeError as err:
            reply = ("sane", str(err))
        except Exception as err:
            reply = ("error", f"{type(err).__name__}: {err}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            break
    driver.exit()
