"""The background sync worker: feed the outbox, send each item, back off when offline."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from app.catalog.errors import Refused, SecretRefused
from app.catalog.models import OutboxItem, SyncState
from app.catalog.service import Catalog

from .client import Rejected, SyncClient, Transient, Unusable
from .longterm import Deferred, Extender
from .throttle import Backoff


@dataclass(frozen=True)
class WorkerOptions:
    """How hard and how patiently the worker sends."""

    parallel: int = 4
    backoff_base: float = 1.0
    backoff_cap: float = 300.0
    poll_interval: float = 30.0
    give_up_after: int = 6  # consecutive transient failures that end a `--once` pass


@dataclass(frozen=True)
class SyncEvent:
    """Progress for the CLI or the status bar: an item sent, failed, refused, or a wait."""

    kind: str  # sent | failed | refused | retrying | unreachable | extended | deferred | as-is
    doc_code: str
    message: str = ""


Progress = Callable[[SyncEvent], None]


@dataclass
class SyncReport:
    """What one pass did."""

    sent: int = 0
    failed: int = 0
    refused: int = 0
    retries: int = 0
    extended: int = 0  # signatures extended to B-LT/B-LTA before their upload
    deferred: int = 0  # kept back for now: the CA or the timestamp server did not answer
    unreachable: bool = False
    errors: list[str] = field(default_factory=list)


class SyncWorker:
    """Sends the outbox of `catalog` through `client`; `run_once` for one pass, `run` forever.

    With an `extender`, each document's signatures get their validation data (B-LT) right
    before its package is built (see app/sync/longterm.py).
    """

    def __init__(
        self,
        catalog: Catalog,
        client: SyncClient,
        options: WorkerOptions | None = None,
        progress: Progress | None = None,
        extender: Extender | None = None,
    ) -> None:
        self.catalog = catalog
        self.extender = extender
        self.client = client
        self.options = options or WorkerOptions()
        self.progress = progress or (lambda event: None)
        self.backoff = Backoff(self.options.backoff_base, self.options.backoff_cap)
        self._report_lock = threading.Lock()

    def run(self, stop: threading.Event) -> None:
        """Sync until `stop` is set, retrying with back-off while the server is unreachable."""
        while not stop.is_set():
            self.run_once(stop, persistent=True)
            stop.wait(self.options.poll_interval)

    def run_once(
        self, stop: threading.Event | None = None, *, persistent: bool = False
    ) -> SyncReport:
        """Queue what is new, then try every pending item. Without `persistent`, the pass ends
        after `give_up_after` consecutive transient failures (the server is unreachable)."""
        stop = stop or threading.Event()
        outbox = self.catalog.outbox
        outbox.feed()
        work: queue.Queue[int] = queue.Queue()
        for item in outbox.items([SyncState.PENDING]):
            work.put(item.id)
        report = SyncReport()
        abort = threading.Event()
        failure: list[Unusable] = []

        def drain() -> None:
            while not (stop.is_set() or abort.is_set()):
                try:
                    item_id = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    self._send(item_id, report, stop, abort, persistent)
                except Unusable as err:
                    failure.append(err)
                    abort.set()

        with ThreadPoolExecutor(self.options.parallel, thread_name_prefix="sync") as pool:
            for _ in range(self.options.parallel):
                pool.submit(drain)
        if failure:
            raise failure[0]
        return report

    def _send(
        self,
        item_id: int,
        report: SyncReport,
        stop: threading.Event,
        abort: threading.Event,
        persistent: bool,
    ) -> None:
        outbox = self.catalog.outbox
        while not (stop.is_set() or abort.is_set()):
            if stop.wait(self.backoff.remaining()):
                return
            item = outbox.item(item_id)
            try:
                if self.extender is not None and not self._extend(item, report):
                    return
                item = outbox.prepare(item_id)
                outbox.check(item)  # the document itself, right before it leaves
                receipt = self.client.upload(
                    outbox.package_path(item_id), item.package_sha256, item.package_size
                )
                outbox.record_receipt(item_id, receipt)
            except (SecretRefused, Refused) as err:
                self._count(report, "refused", item.doc_code, err.message)
                return
            except Rejected as err:
                outbox.record_error(item_id, err.message, permanent=True)
                self._count(report, "failed", item.doc_code, err.message)
                return
            except Transient as err:
                outbox.record_error(item_id, err.message, permanent=False)
                wait = self.backoff.failure()
                self._count(report, "retrying", item.doc_code, f"{err.message}; {wait:.1f} s")
                if not persistent and self.backoff.failures >= self.options.give_up_after:
                    report.unreachable = True
                    abort.set()
                    self.progress(SyncEvent("unreachable", item.doc_code, err.message))
                continue
            self.backoff.success()
            self._count(report, "sent", item.doc_code, receipt.get("server_id", ""))
            return

    def _extend(self, item: OutboxItem, report: SyncReport) -> bool:
        """The pre-upload step; False when the item waits for the CA (retried next pass)."""
        self.catalog.outbox.check(item)  # a document that may not leave is never touched
        assert self.extender is not None
        try:
            outcome = self.extender.before_upload(item)
        except Deferred as err:
            self.catalog.outbox.record_error(item.id, err.message, permanent=False)
            self._count(report, "deferred", item.doc_code, err.message)
            return False
        if outcome.kind == "extended":
            self._count(report, "extended", item.doc_code, outcome.detail)
        elif outcome.kind == "skipped":
            self.progress(SyncEvent("as-is", item.doc_code, outcome.detail))
        return True

    def _count(self, report: SyncReport, kind: str, doc_code: str, message: str) -> None:
        with self._report_lock:
            if kind == "sent":
                report.sent += 1
            elif kind == "failed":
                report.failed += 1
                report.errors.append(f"{doc_code}: {message}")
            elif kind in ("extended", "deferred"):
                setattr(report, kind, getattr(report, kind) + 1)
            elif kind == "refused":
                report.refused += 1
                report.errors.append(f"{doc_code}: {message}")
            else:
                report.retries += 1
        self.progress(SyncEvent(kind, doc_code, message))
