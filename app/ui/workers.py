"""Workers: plain functions run on thread pools, reporting through Qt signals."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from app.errors import StationError
from app.pipeline.progress import CancelToken
from app.ui.messages import error_text


class TaskSignals(QObject):
    """What a task reports: progress (done, total, note), its result or its error."""

    progress = Signal(int, int, str)
    item = Signal(object)
    done = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.task: Task | None = None
        self.serial = next(_serials)
        self.ended.connect(self._forget, Qt.ConnectionType.QueuedConnection)

    def _forget(self) -> None:
        """Runs in the GUI thread after every earlier signal of the task was delivered."""
        with _live_lock:
            _live.pop(self.serial, None)
        self.task = None


class Reporter:
    """Handed to the work function: report progress or an item, and see cancellation."""

    def __init__(self, signals: TaskSignals, cancel: CancelToken) -> None:
        self._signals = signals
        self.cancel = cancel

    def progress(self, done: int, total: int, note: str = "") -> None:
        self._signals.progress.emit(done, total, note)

    def item(self, value: object) -> None:
        self._signals.item.emit(value)

    @property
    def cancelled(self) -> bool:
        return self.cancel.cancelled

    def is_set(self) -> bool:
        """Cancellation as the signing batch's CancelFlag sees it."""
        return self.cancel.cancelled


Work = Callable[[Reporter], Any]
_live: dict[int, Task] = {}  # by serial: Qt objects may compare equal by address
_serials = itertools.count()
_live_lock = threading.Lock()
log = logging.getLogger(__name__)


class Task(QRunnable):
    """One run of `work` on a pool; signals arrive in the thread that owns `signals` (the GUI)."""

    def __init__(self, work: Work, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(True)  # the pool deletes it once its thread is done with it
        self.name = name
        self.signals = TaskSignals()
        self.signals.task = self
        self.cancel = CancelToken()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(Reporter(self.signals, self.cancel))
        except StationError as err:  # an expected refusal: the desk shows it, the log keeps a line
            log.info("%s refused: %s", self.name or "task", err)
            self.signals.failed.emit(error_text(err))
        except Exception as err:  # a defect: shown, and logged with its traceback
            log.exception("%s failed", self.name or "task")
            self.signals.failed.emit(error_text(err))
        else:
            self.signals.done.emit(result)
        finally:
            self.signals.ended.emit()


class Pools:
    """The application's thread pools, one per kind of work so that none starves another.

    `writer` has one thread and runs every catalog write, so two writes never race;
    `scan` drives the device, `clean` makes thumbnails (first, in arrival order), `ocr`
    reads pages after, `view` decodes the page viewer's quick screen-size pictures (never
    behind a full-size rendering), and `general` does reads and everything else.
    """

    SIZES: ClassVar[dict[str, int]] = {"general": 2, "writer": 1, "scan": 1, "clean": 1, "ocr": 1,
                                       "view": 1}

    def __init__(self) -> None:
        self.pools: dict[str, QThreadPool] = {}
        for name, size in self.SIZES.items():
            pool = QThreadPool()
            pool.setMaxThreadCount(size)
            self.pools[name] = pool

    def run(self, work: Work, *, write: bool = False, pool: str = "general",
            name: str = "") -> Task:
        """Queue `work`; connect to the returned task's signals right away.

        The task starts on the next turn of the event loop, after the caller has connected:
        a task started at once could finish and emit before anyone listened.
        """
        task = Task(work, name)
        with _live_lock:
            _live[task.signals.serial] = task
        target = self.pools["writer" if write else pool]
        QTimer.singleShot(0, lambda: self._start(target, task))
        return task

    @staticmethod
    def _start(pool: QThreadPool, task: Task) -> None:
        """Start a queued task, unless it was cancelled (shut-down) before it could start."""
        if task.cancel.cancelled:
            task.signals.ended.emit()
        else:
            pool.start(task)

    def wait(self, msecs: int = 30000) -> bool:
        """Cancel and wait for every task (on shut-down); False when some still run."""
        for task in live_tasks():
            task.cancel.cancel()
        return all(pool.waitForDone(msecs) for pool in self.pools.values())


def live_tasks() -> list[Task]:
    """Tasks queued, running, or whose last signals the GUI has not yet received."""
    with _live_lock:
        return list(_live.values())
