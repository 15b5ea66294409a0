"""Sync figures on loopback: one station's throughput, 20 stations' p95 latency, resume cost."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from app.sync.client import SyncClient
from app.sync.worker import SyncWorker, WorkerOptions
from tests.fixtures.proxy import FlakyProxy
from tests.fixtures.serverproc import ORG_A, ServerProcess, start_server
from tests.fixtures.signing import make_signer
from tests.fixtures.station import add_signed, client_for, enroll_station, new_catalog

DOCS = 100
STATIONS = 20
PER_STATION = 10


def _throughput(server: ServerProcess, work: Path, signer: Any) -> float:
    """One station, DOCS documents each with its own signed PDF (no verification reuse)."""
    with new_catalog(work / "one", ORG_A) as catalog:
        for i in range(DOCS):
            scan, signed = signer.pair(work, f"t{i}")
            add_signed(catalog, scan, signed, 1)
        client = client_for(enroll_station(server, catalog, ORG_A))
        start = time.perf_counter()
        report = SyncWorker(catalog, client, WorkerOptions(parallel=4)).run_once()
        elapsed = time.perf_counter() - start
        client.close()
    assert report.sent == DOCS, report
    return DOCS / elapsed


def _packages(server: ServerProcess, work: Path, signer: Any) -> list[list[Path]]:
    """STATIONS × PER_STATION packages (built once, one open catalog per process)."""
    scan, signed = signer.pair(work, "many")
    out: list[list[Path]] = []
    with new_catalog(work / "many", ORG_A) as catalog:
        codes = add_signed(catalog, scan, signed, STATIONS * PER_STATION)
        for s in range(STATIONS):
            folder = work / f"p{s}"
            folder.mkdir()
            out.append(
                [
                    catalog.network_package(c, folder / f"{c}.zip")
                    for c in codes[s * PER_STATION : (s + 1) * PER_STATION]
                ]
            )
    return out


def _concurrent(server: ServerProcess, packages: list[list[Path]]) -> list[float]:
    """Every station uploads its packages at once; the latency of every HTTP request."""
    latencies: list[float] = []
    lock = threading.Lock()

    def station(paths: list[Path]) -> None:
        from app.sync.client import enroll

        creds = enroll(server.url, server.enroll_code(ORG_A), "bench")
        client = SyncClient(creds)
        original = client._call

        def call(method: str, url: str, **kwargs: Any) -> httpx.Response:
            start = time.perf_counter()
            response = original(method, url, **kwargs)
            with lock:
                latencies.append(time.perf_counter() - start)
            return response

        client._call = call  # type: ignore[method-assign]
        for path in paths:
            data = path.read_bytes()
            client.upload(path, hashlib.sha256(data).hexdigest(), len(data))
        client.close()

    threads = [threading.Thread(target=station, args=(p,)) for p in packages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def _resume_ratio(server: ServerProcess) -> float:
    """Bytes re-sent after a dropped 4 MiB upload, as a share of the bytes sent before it."""
    blob = os.urandom(4 << 20)
    sha = hashlib.sha256(blob).hexdigest()
    proxy = FlakyProxy(server.config.port, drop=1.0, stall=0.0, budget=(1_500_000, 2_500_000))
    creds = _bench_creds(server)
    sent = 0

    def body(offset: int) -> Iterator[bytes]:
        nonlocal sent
        for at in range(offset, len(blob), 65536):
            piece = blob[at : at + 65536]
            sent += len(piece)
            yield piece
            time.sleep(0.001)

    auth = (creds["station_id"], creds["secret"])
    with httpx.Client(base_url=f"http://127.0.0.1:{proxy.port}", auth=auth, timeout=10) as http:
        upload = http.post("/v1/uploads", json={"sha256": sha, "size": len(blob)}).json()
        url = f"/v1/uploads/{upload['upload_id']}"
        with contextlib.suppress(httpx.HTTPError):
            http.patch(
                url,
                content=body(0),
                headers={"Upload-Offset": "0", "Content-Length": str(len(blob))},
            )
        before = sent
        proxy.drop = 0.0
        time.sleep(0.3)  # the server notices the disconnect and fsyncs what arrived
        offset = int(http.head(url).headers["Upload-Offset"])
        http.patch(
            url,
            content=body(offset),
            headers={"Upload-Offset": str(offset), "Content-Length": str(len(blob) - offset)},
        )
    proxy.close()
    resent = sent - len(blob)
    return max(resent, 0) / before


def _bench_creds(server: ServerProcess) -> dict[str, str]:
    code = server.enroll_code(ORG_A)
    return dict(httpx.post(server.url + "/v1/enroll", json={"code": code, "name": "r"}).json())


def main(out: Path) -> dict[str, Any]:
    """Run the three measurements; print them against their targets; save JSON in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    signer = make_signer(work)
    server = start_server(work / "srv", signer.root_pem, max_mib=16)
    try:
        rate = _throughput(server, work, signer)
        latencies = _concurrent(server, _packages(server, work, signer))
        ratio = _resume_ratio(server)
    finally:
        server.stop()
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000
    figures = {
        "throughput_docs_per_s": round(rate, 1),
        "stations": STATIONS,
        "requests": len(latencies),
        "p95_latency_ms": round(p95, 1),
        "resume_resent_ratio": round(ratio, 4),
    }
    print(f"sync throughput      {rate:7.1f} docs/s   (target ≥ 20)")
    print(f"20 stations, p95     {p95:7.1f} ms       (target < 200) over {len(latencies)} requests")
    print(f"resume re-sent       {ratio * 100:7.2f} %        (target < 5 %)")
    (out / "sync.json").write_text(json.dumps(figures, indent=1))
    return figures


if __name__ == "__main__":
    main(Path("bench/out/sync"))
