"""One bench station process: enroll, wait for the start signal, upload its packages timed."""

from __future__ import annotations

import hashlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from app.sync.client import PIECE, SyncClient, Transient, enroll
from app.sync.throttle import TokenBucket


class TimedClient(SyncClient):
    """The station's own client, noting how long every HTTP request took (seconds), by kind:
    declare (POST /v1/uploads), append (PATCH), finish (the last PATCH, which completes the
    upload in the same request) or complete (a completion on its own)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.latencies: list[tuple[str, float]] = []

    def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        kind = "append" if method == "PATCH" else url.rsplit("/", 1)[-1]
        if kind == "append" and kwargs.get("headers", {}).get("Upload-Complete") == "?1":
            kind = "finish"
        start = time.perf_counter()
        try:
            return super()._call(method, url, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            with self._lock:
                self.latencies.append(("declare" if kind == "uploads" else kind, elapsed))


def run_station(
    server: str, code: str, paths: list[Path], parallel: int, start: threading.Barrier
) -> tuple[list[tuple[str, float]], float]:
    """Enroll with `code`, then (once every station is ready) send `paths`, `parallel` at once,
    as the sync worker does; return every request's latency, and each whole upload's (declare
    to receipt) as kind "upload", and the CPU seconds this process spent sending."""
    client = TimedClient(enroll(server, code, "bench"), connections=parallel)
    jobs = [(p, hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size) for p in paths]
    start.wait(120)
    cpu = time.process_time()
    uploads: list[tuple[str, float]] = []

    def timed(job: tuple[Path, str, int]) -> dict[str, Any]:
        began = time.perf_counter()
        receipt = client.upload(*job)
        uploads.append(("upload", time.perf_counter() - began))
        return receipt

    try:
        with ThreadPoolExecutor(parallel) as pool:
            for receipt in pool.map(timed, jobs):
                assert receipt["server_id"]
    finally:
        client.close()
    return client.latencies + uploads, time.process_time() - cpu


def resume_station(
    server: str, code: str, package: Path, pause: float, uplink: float
) -> tuple[int, int]:
    """Send `package` at `uplink` bytes/s through a link that drops the first connection,
    then resume after `pause` seconds as the sync worker does; return the bytes written
    before the drop and the bytes written in all."""
    bucket = TokenBucket(uplink, burst=PIECE)
    client = SyncClient(enroll(server, code, "resume"), bucket=bucket)
    sha, size = hashlib.sha256(package.read_bytes()).hexdigest(), package.stat().st_size
    try:
        try:
            client.upload(package, sha, size)
            raise AssertionError("the link did not drop")
        except Transient:
            before = client.bytes_sent
        time.sleep(pause)
        assert client.upload(package, sha, size)["sha256"] == sha
    finally:
        client.close()
    return before, client.bytes_sent
