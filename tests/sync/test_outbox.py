"""The outbox: fed by signing, never holding a secret, refusing crafted rows; throttling."""

from __future__ import annotations

import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.catalog import Catalog, State
from app.catalog.audit import now
from app.catalog.errors import SecretRefused
from app.catalog.models import SyncState
from app.catalog.rows import DocumentRow, OutboxRow
from app.sync import credentials
from app.sync.throttle import Backoff, TokenBucket
from app.sync.worker import SyncWorker, WorkerOptions
from testkit.catalog import doc_meta
from testkit.serverproc import ORG_A
from testkit.station import add_signed, new_catalog


class RecordingClient:
    """Stands in for the HTTP client and records every package it is asked to send."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def upload(self, path: Path, sha256: str, size: int) -> dict[str, Any]:
        self.sent.append(sha256)
        return {"server_id": "s1", "sha256": sha256, "size": size, "documents": []}


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    with new_catalog(tmp_path / "catalog", ORG_A) as opened:
        yield opened


def _worker(catalog: Catalog, client: RecordingClient) -> SyncWorker:
    return SyncWorker(catalog, client, WorkerOptions(parallel=2))  # type: ignore[arg-type]


def test_signing_feeds_the_outbox_and_secrets_never_enter(
    catalog: Catalog, pdfs: tuple[Path, Path]
) -> None:
    public = add_signed(catalog, *pdfs, 2)
    secret = add_signed(catalog, *pdfs, 1, mode="03") + add_signed(
        catalog, *pdfs, 1, secrecyLevel="Tối mật"
    )
    queued = {i.doc_code for i in catalog.outbox.items()}
    assert queued == set(public)
    assert catalog.outbox.feed() == 0  # nothing new, and still no secret
    client = RecordingClient()
    report = _worker(catalog, client).run_once()
    assert report.sent == 2 and len(client.sent) == 2
    assert all(catalog.document(c).state == State.SYNCED for c in public)
    assert all(catalog.document(c).state == State.SIGNED for c in secret)
    assert catalog.outbox.status(public[0]).receipt["server_id"] == "s1"  # type: ignore[union-attr]
    assert catalog.outbox.status(secret[0]) is None


def test_crafted_outbox_rows_for_secret_or_unsigned_documents_are_refused(
    catalog: Catalog, pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    secret = add_signed(catalog, *pdfs, 1, mode="03")[0]
    unsigned = catalog.add_document(
        pdfs[0], doc_meta(), "lan", hoso=catalog.list_hoso()[0].file_code, page_texts=[]
    ).doc_code
    with pytest.raises(SecretRefused):
        catalog.network_package(secret, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
    for code in (secret, unsigned):
        row = DocumentRow.get(DocumentRow.doc_code == code)
        # a crafted row, even one claiming a ready package
        item = OutboxRow.create(
            document=row.id,
            version_key="forged",
            state="pending",
            package_sha256="0" * 64,
            created_at=now(),
            updated_at=now(),
        )
        catalog.outbox.package_path(item.id).parent.mkdir(exist_ok=True)
        catalog.outbox.package_path(item.id).write_bytes(b"forged")
    client = RecordingClient()
    report = _worker(catalog, client).run_once()
    assert client.sent == [] and report.refused == 2 and report.sent == 0
    states = {i.doc_code: i for i in catalog.outbox.items()}
    assert states[secret].state == SyncState.REFUSED and "mật" in states[secret].error
    assert states[unsigned].state == SyncState.REFUSED
    assert not list(catalog.outbox.folder.glob("*.zip"))
    assert catalog.document(secret).state == State.SIGNED
    assert [e.action for e in catalog.history(secret)][-1] == "sync-refused"


def test_credentials_file_is_private(tmp_path: Path) -> None:
    made = credentials.Credentials("https://x", "id", "secret", ORG_A, "2030-01-01")
    path = credentials.save(tmp_path, made)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.load(tmp_path) == made


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    backoff = Backoff(base=1.0, cap=60.0)
    waits = [backoff.failure() for _ in range(12)]
    assert 0.5 <= waits[0] <= 1.0 and 4.0 <= waits[3] <= 8.0
    assert all(30.0 <= w <= 60.0 for w in waits[6:])
    backoff.success()
    assert backoff.remaining() == 0.0 and backoff.failures == 0


def test_token_bucket_caps_the_rate() -> None:
    """Never faster than the cap: 640 KiB at 400 kB/s, less the 64 KiB burst, takes ≥ 1.47 s.
    (A slow machine only makes it slower; how close it stays to the cap is in `make bench`.)"""
    bucket = TokenBucket(rate=400_000, burst=64 * 1024)
    start = time.monotonic()
    for _ in range(20):
        bucket.take(32 * 1024)
    assert time.monotonic() - start >= (20 * 32 * 1024 - 64 * 1024 - 32 * 1024) / 400_000
