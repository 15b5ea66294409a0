"""Sync figures on loopback: one station's throughput, 20 stations' p95 latency, resume cost."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf

from app.sync.worker import SyncWorker, WorkerOptions
from bench.proccpu import TICKS, group_cpu_seconds
from bench.sync_station import resume_station, run_station
from server.localweed import Seaweed
from server.s3store import S3Settings, S3Store
from testkit.postgres import cluster
from testkit.proxy import FlakyProxy
from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.signing import make_signer
from testkit.station import add_signed, client_for, enroll_station, new_catalog

DOCS = 100
STATIONS = 20
PER_STATION = 10
WORKERS = 2  # server worker processes: one per core of the bench machine
RESUME_PAUSE = 0.3  # s before resuming: the worker's first back-off is 0.25–0.5 s
DROPS = 12
UPLINK = 50e6 / 8  # bytes/s: the station's uplink in the resume measure (50 Mbit/s)
PARALLEL = WorkerOptions().parallel  # uploads at a time per station in `scanstation sync`
REQUEST_KINDS = ("declare", "append", "finish", "complete")


def _tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its living children (PostgreSQL's
    postmaster and its backends; the ones that exited are in its cutime/cstime)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # ppid
            total += sum(int(f) for f in fields[11:15])
    return total / TICKS


def _postmaster() -> int:
    """The test cluster's postmaster (its pid file's first line)."""
    return int((cluster().data / "postmaster.pid").read_text().split()[0])


@dataclass
class CpuMeter:
    """CPU seconds of the server's processes, the object store's (if any) and the database's
    over a phase, per document: meaningful on a shared machine, where wall-clock figures are
    not."""

    server: int
    store: int | None = None
    database: int | None = None
    began: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def _now(self) -> tuple[float, float, float]:
        store = group_cpu_seconds(self.store) if self.store is not None else 0.0
        database = _tree_cpu_seconds(self.database) if self.database is not None else 0.0
        return group_cpu_seconds(self.server), store, database

    def start(self) -> None:
        self.began = self._now()

    def per_doc_ms(self, docs: int) -> tuple[float, float, float]:
        """Milliseconds of CPU per document since `start`: the server's, the store's, the
        database's."""
        return tuple(  # type: ignore[return-value]
            round((now - then) / docs * 1000, 1)
            for now, then in zip(self._now(), self.began, strict=True)
        )


def _throughput(
    server: ServerProcess, work: Path, signer: Any, meter: CpuMeter
) -> tuple[float, tuple[float, float, float]]:
    """One station, DOCS documents each with its own signed PDF (no verification reuse);
    documents per second, and the CPU per document of the server and of the store."""
    with new_catalog(work / "one", ORG_A) as catalog:
        for i in range(DOCS):
            scan, signed = signer.pair(work, f"t{i}")
            add_signed(catalog, scan, signed, 1)
        client = client_for(enroll_station(server, catalog, ORG_A))
        meter.start()
        start = time.perf_counter()
        report = SyncWorker(catalog, client, WorkerOptions(parallel=4)).run_once()
        elapsed = time.perf_counter() - start
        cpu = meter.per_doc_ms(DOCS)
        client.close()
    assert report.sent == DOCS, report
    return DOCS / elapsed, cpu


def _packages(work: Path, signer: Any, name: str) -> list[list[Path]]:
    """STATIONS × PER_STATION packages, each document with its own signed PDF (so the server
    verifies every signature afresh, as it would for real stations)."""
    out: list[list[Path]] = []
    with new_catalog(work / name, ORG_A) as catalog:
        codes = []
        for i in range(STATIONS * PER_STATION):
            scan, signed = signer.pair(work, f"{name}{i}")
            codes += add_signed(catalog, scan, signed, 1)
        for s in range(STATIONS):
            folder = work / f"{name}-p{s}"
            folder.mkdir()
            out.append(
                [
                    catalog.network_package(c, folder / f"{c}.zip")
                    for c in codes[s * PER_STATION : (s + 1) * PER_STATION]
                ]
            )
    return out


@dataclass(frozen=True)
class Load:
    """One concurrency measurement: uploads at a time per station, request latencies by kind
    (declare, append, complete) in seconds, and documents stored per second in all."""

    parallel: int
    latencies: list[tuple[str, float]]  # kinds: declare, append, finish, complete, upload
    docs_per_s: float
    cpu_ms: tuple[float, float, float]  # per document: server processes, object store, database
    station_cpu_ms: float  # per document: the station processes' own CPU while they sent
    load: float  # the machine's load average (1 min) at the end

    def total_cpu_ms(self) -> float:
        """CPU per document of everything on the machine that served it."""
        return sum(self.cpu_ms) + self.station_cpu_ms

    def p95(self, kind: str = "") -> float:
        """The 95th percentile in milliseconds, of every HTTP request, or of one kind
        (declare, append, finish, complete, or "upload": a whole upload, declare to receipt)."""
        chosen = [t for k, t in self.latencies if k == kind or (not kind and k != "upload")]
        return statistics.quantiles(chosen, n=20)[18] * 1000 if len(chosen) > 1 else 0.0

    def uploads(self) -> int:
        return sum(1 for k, _ in self.latencies if k == "upload")

    def kinds(self) -> list[str]:
        """The kinds of request this run made: a finishing PATCH replaces the complete."""
        seen = {k for k, _ in self.latencies}
        return [k for k in REQUEST_KINDS if k in seen]

    def figures(self) -> dict[str, float]:
        key = f"x{self.parallel}"
        requests = [t for k, t in self.latencies if k != "upload"]
        return {
            f"requests_{key}": len(requests),
            f"p50_latency_ms_{key}": round(statistics.median(requests) * 1000, 1),
            f"p95_upload_ms_{key}": round(self.p95("upload"), 1),
            f"p95_latency_ms_{key}": round(self.p95(), 1),
            f"requests_per_upload_{key}": round(len(requests) / self.uploads(), 2),
            **{f"p95_{k}_ms_{key}": round(self.p95(k), 1) for k in self.kinds()},
            f"docs_per_s_{key}": round(self.docs_per_s, 1),
            f"server_cpu_ms_per_doc_{key}": self.cpu_ms[0],
            f"store_cpu_ms_per_doc_{key}": self.cpu_ms[1],
            f"database_cpu_ms_per_doc_{key}": self.cpu_ms[2],
            f"station_cpu_ms_per_doc_{key}": self.station_cpu_ms,
            f"total_cpu_ms_per_doc_{key}": round(self.total_cpu_ms(), 1),
            f"load_average_{key}": round(self.load, 2),
        }

    def line(self) -> str:
        kinds = ", ".join(f"{k} {self.p95(k):.0f}" for k in self.kinds())
        return (
            f"{STATIONS} stations × {self.parallel} upload(s) at a time, p95 per upload"
            f" {self.p95('upload'):6.1f} ms (target < 300), per HTTP request {self.p95():6.1f} ms"
            f" ({kinds} ms; {len(self.latencies) / self.uploads() - 1:.1f} per upload),"
            f" {self.docs_per_s:.0f} docs/s in all; CPU per document: server"
            f" {self.cpu_ms[0]:.1f} ms{_store_text(self.cpu_ms[1])}, database"
            f" {self.cpu_ms[2]:.1f} ms, stations {self.station_cpu_ms:.1f} ms, in all"
            f" {self.total_cpu_ms():.1f} ms; load {self.load:.1f}"
        )


def _store_text(ms: float) -> str:
    return f", object store {ms:.1f} ms" if ms else ""


def _concurrent(
    server: ServerProcess, packages: list[list[Path]], parallel: int, meter: CpuMeter
) -> Load:
    """Every station, a process of its own, uploads its packages at once, `parallel` uploads
    at a time; the latency of every HTTP request, the documents per second in all, and the
    server's (and store's) CPU per document."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(len(packages), context) as pool:
        start = manager.Barrier(len(packages) + 1)
        codes = [server.enroll_code(ORG_A) for _ in packages]
        jobs = [
            pool.submit(run_station, server.url, code, paths, parallel, start)
            for code, paths in zip(codes, packages, strict=True)
        ]
        start.wait(300)  # every station enrolled, its client ready
        meter.start()
        began = time.perf_counter()
        results = [job.result(600) for job in jobs]
        took = time.perf_counter() - began
        docs = sum(map(len, packages))
        cpu = meter.per_doc_ms(docs)
    latencies = [t for timed, _ in results for t in timed]
    stations = round(sum(spent for _, spent in results) / docs * 1000, 1)
    return Load(parallel, latencies, docs / took, cpu, stations, os.getloadavg()[0])


def _big_packages(work: Path, signer: Any, count: int) -> list[Path]:
    """Real packages of about 4 MiB each: a scan holding an incompressible image, signed."""
    out = []
    with new_catalog(work / "big", ORG_A) as catalog:
        for i in range(count):
            pdf = pikepdf.new()
            page = pdf.add_blank_page(page_size=(595, 842))
            width, height = 1024, 683
            image = pikepdf.Stream(pdf, os.urandom(width * height * 3))
            image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            image.Width, image.Height, image.BitsPerComponent = width, height, 8
            image.ColorSpace = pikepdf.Name.DeviceRGB
            page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
            page.Contents = pdf.make_stream(b"q 500 0 0 333 50 400 cm /Im0 Do Q")
            scan = work / f"big{i}.pdf"
            pdf.save(scan)
            signed = signer.sign(scan, work / f"big{i}.signed.pdf")
            code = add_signed(catalog, scan, signed, 1)[0]
            out.append(catalog.network_package(code, work / f"big{i}.zip"))
    return out


@dataclass(frozen=True)
class Resume:
    """Dropped uploads: the bytes written before each drop, and the bytes written again."""

    before: list[int]
    again: list[int]

    def figures(self) -> dict[str, Any]:
        ratios = [a / b for a, b in zip(self.again, self.before, strict=True)]
        return {
            "resume_drops": len(ratios),
            "resume_resent_ratio": round(sum(self.again) / sum(self.before), 4),
            "resume_median_drop_ratio": round(statistics.median(ratios), 4),
            "resume_worst_drop_ratio": round(max(ratios), 4),
            "resume_resent_kib": [a // 1024 for a in self.again],
        }

    def line(self) -> str:
        f = self.figures()
        return (
            f"resume re-sent       {f['resume_resent_ratio'] * 100:7.2f} %        (target < 5 %)"
            f" pooled over {f['resume_drops']} drops; per drop median"
            f" {f['resume_median_drop_ratio'] * 100:.1f} %, worst"
            f" {f['resume_worst_drop_ratio'] * 100:.1f} %"
        )


def _resume(server: ServerProcess, packages: list[Path]) -> Resume:
    """A station process sends each package at UPLINK (its own bandwidth cap, as a real
    uplink would) through a link that cuts its first connection after 1.5–2.5 MB (a
    different point each time); the station resumes as the sync worker does. Counted: the
    bytes it wrote before each drop, whether or not they got through (the relay's buffers
    may hold some when it is short of CPU), and the bytes it wrote again."""
    context = multiprocessing.get_context("spawn")
    before, again = [], []
    with ProcessPoolExecutor(1, context) as pool:
        for seed, package in enumerate(packages):
            proxy = FlakyProxy(
                server.config.port,
                drop=1.0,
                stall=0.0,
                seed=seed,
                budget=(1_500_000, 2_500_000),
                max_cuts=1,
            )
            try:
                url, code = f"http://127.0.0.1:{proxy.port}", server.enroll_code(ORG_A)
                job = pool.submit(resume_station, url, code, package, RESUME_PAUSE, UPLINK)
                sent_before, total = job.result(300)
            finally:
                proxy.close()
            before.append(sent_before)
            again.append(total - package.stat().st_size)
    return Resume(before, again)


def main(out: Path, storage: str = "file") -> dict[str, Any]:
    """Run the measurements; print them against their targets; save JSON in `out`.

    With `storage="s3"` the server keeps blobs and partial uploads in a local SeaweedFS."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    signer = make_signer(work)
    weed, s3 = None, None
    if storage == "s3":
        weed = Seaweed(work / "weed").start()
        os.environ.update(weed.environment())
        s3 = S3Settings(weed.endpoint, "bench")
        S3Store(s3).ensure_bucket()
    server = start_server(work / "srv", signer.root_pem, max_mib=16, workers=WORKERS, s3=s3)
    assert server.process is not None
    meter = CpuMeter(
        server.process.pid, weed.process.pid if weed and weed.process else None, _postmaster()
    )
    load_before = os.getloadavg()
    try:
        rate, cpu = _throughput(server, work, signer, meter)
        loads = [
            _concurrent(server, _packages(work, signer, f"x{n}"), n, meter) for n in (1, PARALLEL)
        ]
        resume = _resume(server, _big_packages(work, signer, DROPS))
    finally:
        server.stop()
        if weed is not None:
            weed.stop()
        shutil.rmtree(work, ignore_errors=True)
    figures: dict[str, Any] = {
        "storage": storage,
        "throughput_docs_per_s": round(rate, 1),
        "throughput_server_cpu_ms_per_doc": cpu[0],
        "throughput_store_cpu_ms_per_doc": cpu[1],
        "throughput_database_cpu_ms_per_doc": cpu[2],
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "stations": STATIONS,
        "server_workers": WORKERS,
        **{k: v for load in loads for k, v in load.figures().items()},
        **resume.figures(),
    }
    print(f"sync ({storage} storage), load average {load_before[0]:.1f} at the start")
    print(
        f"sync throughput      {rate:7.1f} docs/s   (target ≥ 20); CPU per document: server"
        f" {cpu[0]:.1f} ms{_store_text(cpu[1])}, database {cpu[2]:.1f} ms"
    )
    for load in loads:
        print(load.line())
    print(resume.line())
    name = "sync.json" if storage == "file" else f"sync-{storage}.json"
    (out / name).write_text(json.dumps(figures, indent=1))
    return figures


if __name__ == "__main__":
    main(Path("bench/out/sync"))
