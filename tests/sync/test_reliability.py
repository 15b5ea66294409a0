"""Reliability: a server killed mid-upload, a flaky network, a week offline."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.catalog import Catalog
from app.catalog.models import SyncState
from app.sync.throttle import TokenBucket
from app.sync.worker import SyncWorker, WorkerOptions
from server.s3store import S3Settings
from testkit.proxy import FlakyProxy
from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.signing import PdfSigner
from testkit.station import add_signed, client_for, enroll_station, new_catalog

FAST = WorkerOptions(parallel=3, backoff_base=0.05, backoff_cap=0.5, poll_interval=0.2)


@contextmanager
def _running(worker: SyncWorker) -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, args=(stop,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(30)


def _wait_all_sent(catalog: Catalog, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while catalog.outbox.summary()[SyncState.SENT] < count:
        assert time.monotonic() < deadline, catalog.outbox.summary()
        time.sleep(0.2)


def _check_server_holds_each_once(server: ServerProcess, catalog: Catalog, count: int) -> None:
    items = catalog.outbox.items()
    assert len(items) == count and all(i.state == SyncState.SENT for i in items)
    rows = {str(a): str(b) for a, b in server.sql("SELECT sha256, server_id FROM package")}
    assert len(rows) == count
    assert {i.package_sha256: i.server_id for i in items} == rows  # receipts match
    per_doc = server.sql("SELECT count(*) FROM version GROUP BY document_uuid")
    assert per_doc == [(1,)] * count  # nothing duplicated
    for sha in rows:
        assert hashlib.sha256(server.blob(sha)).hexdigest() == sha  # byte-identical package
    for doc_uuid, pdf_sha in server.sql("SELECT document_uuid, pdf_sha256 FROM version"):
        doc = catalog.document(str(doc_uuid))
        assert doc.current.sha256 == pdf_sha
        assert server.blob(str(pdf_sha)) == catalog.file_path(doc.current.sha256).read_bytes()


def test_server_killed_mid_upload_twenty_times(
    signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path: Path, object_store: S3Settings | None
) -> None:
    server = start_server(tmp_path / "srv", signer.root_pem, s3=object_store)
    rng = random.Random(20)
    try:
        with new_catalog(tmp_path / "c", ORG_A) as catalog:
            add_signed(catalog, *pdfs, 30)
            # ~100 kB/s shared: every package takes a few hundred ms, so kills land mid-upload
            client = client_for(
                enroll_station(server, catalog, ORG_A), bucket=TokenBucket(100_000), timeout=5.0
            )
            with _running(SyncWorker(catalog, client, FAST)):
                for _ in range(20):
                    time.sleep(rng.uniform(0.05, 0.3))
                    server.kill()
                    time.sleep(rng.uniform(0.0, 0.2))
                    server.start()
                _wait_all_sent(catalog, 30, 90)
            client.close()
            _check_server_holds_each_once(server, catalog, 30)
            assert server.sql("SELECT count(*) FROM upload") == [(0,)]
    finally:
        server.stop()


def test_flaky_network_two_hundred_documents(
    signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path: Path, object_store: S3Settings | None
) -> None:
    # two worker processes: a retry may reach another process than the dropped request
    server = start_server(tmp_path / "srv", signer.root_pem, workers=2, s3=object_store)
    proxy = FlakyProxy(
        server.config.port, drop=0.5, stall=0.1, stall_s=2.5, lifetime=(100_000, 400_000)
    )
    try:
        with new_catalog(tmp_path / "c", ORG_A) as catalog:
            add_signed(catalog, *pdfs, 200)
            creds = enroll_station(server, catalog, ORG_A, url=f"http://127.0.0.1:{proxy.port}")
            client = client_for(creds, timeout=1.5)
            with _running(SyncWorker(catalog, client, FAST)):
                _wait_all_sent(catalog, 200, 150)
            client.close()
            assert proxy.cuts + proxy.stalls > 10  # the network really misbehaved
            _check_server_holds_each_once(server, catalog, 200)
    finally:
        proxy.close()
        server.stop()


def test_week_offline_thousand_documents_catch_up(
    signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    server = start_server(tmp_path / "srv", signer.root_pem, max_mib=1)
    try:
        with new_catalog(tmp_path / "c", ORG_A) as catalog:
            client = client_for(enroll_station(server, catalog, ORG_A), timeout=5.0)
            server.stop()  # the link goes down; the office keeps working for a week
            add_signed(catalog, *pdfs, 1000)
            with _running(SyncWorker(catalog, client, FAST)):
                time.sleep(1.5)
                offline = catalog.outbox.summary()
                assert offline[SyncState.PENDING] == 1000 and offline[SyncState.SENT] == 0
                server.start()  # the link is back: no one touches the station
                _wait_all_sent(catalog, 1000, 150)
            client.close()
            assert server.sql("SELECT count(*) FROM package") == [(1000,)]
            assert server.sql("SELECT count(DISTINCT document_uuid) FROM version") == [(1000,)]
    finally:
        server.stop()
