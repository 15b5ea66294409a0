"""The station's side of the SANE driver process: one process, one request at a time."""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import logging
import multiprocessing
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from app.errors import DeviceError
from app.logs import log_folder
from app.scanner import sane_worker
from app.scanner.base import ScanInterrupted

log = logging.getLogger(__name__)

START_S = 30.0  # sane_init plus the interpreter start
LIST_S = 15.0  # network backends (bjnp, airscan, net) may take seconds to look around
OPEN_S = 30.0
PAGE_S = 180.0  # one page: a slow scanner at a high resolution
OPTION_S = 20.0
EXIT_S = 3.0
WAITING_FOR = {"devices": "listing the scanners", "open": "opening the scanner",
               "snap": "scanning a page", "close": "closing the scanner"}
FRESH_START_OPS = frozenset({"devices", "open"})  # need nothing from an earlier process
STOPPED_HINT = (
    "Check the scanner's cable and power, then scan again: the pages already received are kept."
)


def backend_log_hint() -> str:
    """Where the driver process's SANE backends write what they print."""
    return f"What the SANE backend printed is in {log_folder() / sane_worker.DRIVER_LOG}."


class DriverStopped(DeviceError):
    """The driver process crashed or stopped answering; it was ended, the next call restarts it."""

    code = "scanner.stopped"


class DriverLost(ScanInterrupted, DriverStopped):
    """The driver process crashed or hung mid-batch: the pages delivered so far are kept."""

    def __init__(self, what: str, pages_kept: int) -> None:
        kept = f"The {pages_kept} page(s) received before are kept. " if pages_kept else ""
        super().__init__(
            f"{what.rstrip('.')} ({pages_kept} page(s) received).",
            hint=kept + STOPPED_HINT.split(": ")[0] + ". " + backend_log_hint(),
            pages_kept=pages_kept, code="scanner.lost",
        )


class _Died(Exception):
    """The process ended under a request (carries the DriverStopped to raise)."""

    def __init__(self, error: DriverStopped) -> None:
        super().__init__(error.message)
        self.error = error


class SaneError(Exception):
    """An error libsane reported (python-sane's `sane._sane.error`), with its message."""


class OptionRefused(Exception):
    """python-sane refused to set or read an option (inactive, read-only or unknown)."""


class SaneDriver:
    """Runs `sane_worker.serve` in a child process and hands it one request at a time.

    A new process is started after a crash or a hang, so that libsane never runs in the desk's own
    process.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self.generation = 0  # grows with every new process: handles of an old one are void

    @property
    def pid(self) -> int | None:
        """The driver process's id, None when none runs."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def call(self, op: str, *args: object, timeout: float = OPTION_S) -> object:
        """Send one request and wait for its answer at most `timeout` seconds.

        A request that needs nothing from the process it was sent to ("devices", "open") is
        sent once more, to a new process, when that one died under it (say it had crashed
        while idle); any other request raises DriverStopped.
        """
        with self._lock:
            try:
                status, value = self._ask(op, args, timeout)
            except _Died as died:
                if op not in FRESH_START_OPS:
                    raise died.error from died.__cause__
                status, value = self._ask(op, args, timeout)
        if status == "ok":
            return value
        if status == "sane":
            raise SaneError(value)
        if status == "refused":
            raise OptionRefused(value)
        raise DeviceError(f"The scanner driver failed: {value}", hint=STOPPED_HINT,
                          code="scanner.driver_failed", params={"detail": str(value)})

    def open_device(self, name: str) -> tuple[int, int]:
        """Open a device in the driver process: its handle and the process's generation."""
        with self._lock:
            handle = self.call("open", name, timeout=OPEN_S)
            return int(handle), self.generation  # type: ignore[call-overload]

    def _ask(self, op: str, args: tuple[object, ...], timeout: float) -> tuple[str, object]:
        conn = self._running()
        try:
            conn.send((op, *args))
            if not conn.poll(timeout):
                self._end()
                doing = WAITING_FOR.get(op, op)
                raise DriverStopped(
                    f"The scanner driver did not answer within {timeout:g} s ({doing}) and was"
                    " stopped.",
                    hint=f"{STOPPED_HINT} {backend_log_hint()}",
                    code="scanner.driver_timeout", params={"seconds": timeout, "doing": doing},
                )
            status, value = conn.recv()
        except (EOFError, OSError) as err:
            code = self._end()
            error = DriverStopped(
                f"The scanner driver stopped unexpectedly (exit code {code}).", hint=STOPPED_HINT
            )
            raise _Died(error) from err
        return status, value

    def handle_valid(self, generation: int) -> bool:
        """Whether a device opened under `generation` is still open in the running process."""
        return generation == self.generation and self.pid is not None

    def shutdown(self) -> None:
        """Ask the driver process to close its devices and call sane_exit, then end it."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(("exit",))
            self._end(grace=EXIT_S)

    def _running(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        if self._process is not None:
            self._end()
        if importlib.util.find_spec("sane") is None:
            raise DeviceError(
                "SANE support (python-sane) is not installed.",
                hint="Install python-sane and libsane, or use a folder: or demo device.",
                code="scanner.sane_missing",
            )
        context = multiprocessing.get_context("spawn")  # never fork a process holding threads
        mine, theirs = context.Pipe()
        process = context.Process(
            target=sane_worker.serve, args=(theirs,), name="sane-driver", daemon=True
        )
        process.start()
        theirs.close()
        self._process, self._conn = process, mine
        self.generation += 1
        try:
            ready = mine.poll(START_S)
            status, value = mine.recv() if ready else ("hung", "")
        except (EOFError, OSError):
            status, value = "crashed", ""
        if status == "ok":
            log.info("SANE driver process %s started", process.pid)
            return mine
        self._end()
        if status == "missing":
            raise DeviceError(
                f"SANE support (python-sane) could not be loaded: {value}",
                hint="Install python-sane and libsane, or use a folder: or demo device.",
                code="scanner.sane_missing",
            )
        if status == "sane":
            raise DeviceError(f"SANE could not start: {value}", hint="Check the SANE installation.",
                              code="scanner.sane_failed")
        raise DriverStopped(
            f"The scanner driver could not start ({status}).",
            hint="Check the SANE installation: scanimage -L", code="scanner.sane_failed",
        )

    def _end(self, grace: float = 0.0) -> int | None:
        """End the process (kill it after `grace` seconds) and forget it; its exit code."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return None
        process.join(grace)
        if process.is_alive():
            process.kill()
            process.join(EXIT_S)
        if conn is not None:
            conn.close()
        code = process.exitcode
        if code is not None:
            process.close()
        log.info("SANE driver process ended (exit code %s)", code)
        return code


_driver = SaneDriver()
atexit.register(_driver.shutdown)


def driver() -> SaneDriver:
    """The process's one SANE driver."""
    return _driver
