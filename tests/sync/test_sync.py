"""Sync against the real server: receipts, idempotent passes, new versions, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.catalog import State
from app.catalog.models import SyncState
from app.catalog.rows import DocumentRow
from app.cli.main import main
from app.sync.worker import SyncWorker
from testkit.serverproc import ORG_A, ServerProcess
from testkit.station import add_signed, client_for, enroll_station, new_catalog


def test_sync_stores_receipts_and_keeps_every_version(
    server: ServerProcess, pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    with new_catalog(tmp_path / "c", ORG_A) as catalog:
        codes = add_signed(catalog, *pdfs, 3)
        client = client_for(enroll_station(server, catalog, ORG_A))
        worker = SyncWorker(catalog, client)
        assert worker.run_once().sent == 3
        assert worker.run_once().sent == 0  # nothing new
        for item in catalog.outbox.items():
            row = server.sql(
                "SELECT server_id, received_at FROM package WHERE sha256 = %s", item.package_sha256
            )
            assert row and row[0][0] == item.server_id
        # a correction after sync (a new metadata version) goes up as version 2
        doc = catalog.document(codes[0])
        meta = {**doc.metadata, "keyword": "đính chính"}
        DocumentRow.update(metadata=json.dumps(meta, ensure_ascii=False)).where(
            DocumentRow.uuid == doc.uuid
        ).execute()
        assert worker.run_once().sent == 1
        versions = server.sql(
            "SELECT version, metadata->>'keyword' FROM version WHERE document_uuid = %s"
            " ORDER BY version",
            doc.uuid,
        )
        assert versions == [(1, None), (2, "đính chính")]
        assert catalog.document(codes[0]).state == State.SYNCED
        client.close()


def test_cli_enroll_sync_once_and_status(
    server: ServerProcess,
    pdfs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "c"
    with new_catalog(folder, ORG_A) as catalog:
        code = add_signed(catalog, *pdfs, 2)[0]
    cat = ["--catalog", str(folder)]
    assert (
        main(["sync", "enroll", *cat, "--server", server.url, "--code", server.enroll_code()]) == 0
    )
    assert (folder / "sync.json").stat().st_mode & 0o777 == 0o600
    assert main(["sync", *cat, "--once"]) == 0
    assert "sent 2" in capsys.readouterr().out
    assert main(["sync", "status", *cat, code]) == 0
    assert f"{code}: {SyncState.SENT} (server id" in capsys.readouterr().out
    server.stop()
    try:
        with new_catalog(tmp_path / "d", ORG_A) as catalog:
            add_signed(catalog, *pdfs, 1)
        (tmp_path / "d" / "sync.json").write_bytes((folder / "sync.json").read_bytes())
        assert main(["sync", "--catalog", str(tmp_path / "d"), "--once", "--retries", "2"]) == 1
    finally:
        server.start()
