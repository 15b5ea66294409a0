"""A station facing an untrusted TLS certificate or a refused credential."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.catalog import Catalog
from app.catalog.models import SyncState
from app.cli.main import main
from app.sync import credentials
from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.signing import PdfSigner
from testkit.station import add_signed, new_catalog
from testkit.tls import make_tls


def _pending(folder: Path) -> int:
    with Catalog.open(folder) as catalog:
        return catalog.outbox.summary()[SyncState.PENDING]


def test_sync_over_tls_only_with_the_servers_ca(
    signer: PdfSigner,
    pdfs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A clear error, the outbox kept as it was, and sync working again once the cause is fixed."""
    tls = make_tls(tmp_path / "tls")
    server = start_server(tmp_path / "srv", signer.root_pem, tls=tls)
    folder = tmp_path / "c"
    cat = ["--catalog", str(folder)]
    try:
        assert server.url.startswith("https://")
        with new_catalog(folder, ORG_A) as catalog:
            add_signed(catalog, *pdfs, 2)
        code = server.enroll_code()
        join = ["sync", "enroll", *cat, "--server", server.url, "--code", code]
        assert main(join) == 2  # the system's roots do not include the test CA
        err = capsys.readouterr().err
        assert "does not trust" in err and "--ca-file" in err
        assert not credentials.path_in(folder).exists()
        assert main([*join, "--ca-file", str(tls.ca)]) == 0  # the code was not spent
        assert main(["sync", *cat, "--once"]) == 0
        assert "sent 2" in capsys.readouterr().out
        assert server.sql("SELECT count(*) FROM package") == [(2,)]
        # the CA forgotten (or the server's certificate replaced by an unknown one)
        made = credentials.load(folder)
        credentials.save(folder, dataclasses.replace(made, ca_file=""))
        with Catalog.open(folder) as catalog:
            add_signed(catalog, *pdfs, 1)
        assert main(["sync", *cat, "--once"]) == 2
        err = capsys.readouterr().err
        assert "does not trust" in err and "nothing was sent" in err
        assert _pending(folder) == 1
        credentials.save(folder, made)
        assert main(["sync", *cat, "--once"]) == 0
        assert _pending(folder) == 0
    finally:
        server.stop()


@pytest.mark.parametrize("cause", ["expired", "revoked"])
def test_refused_credential_stops_the_pass_and_keeps_the_outbox(
    server: ServerProcess,
    pdfs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cause: str,
) -> None:
    """A clear error, the outbox kept as it was, and sync working again once the cause is fixed."""
    folder = tmp_path / "c"
    cat = ["--catalog", str(folder)]
    with new_catalog(folder, ORG_A) as catalog:
        add_signed(catalog, *pdfs, 3)
    code = server.enroll_code()
    assert main(["sync", "enroll", *cat, "--server", server.url, "--code", code]) == 0
    station = credentials.load(folder).station_id
    if cause == "expired":
        server.sql(
            "UPDATE station SET expires_at = now() - interval '1 day' WHERE id = %s RETURNING id",
            station,
        )
    else:
        server.sql("UPDATE station SET revoked_at = now() WHERE id = %s RETURNING id", station)
    assert main(["sync", *cat, "--once"]) == 2
    err = capsys.readouterr().err
    assert ("credential has expired" if cause == "expired" else "was revoked") in err
    assert "scanstation sync enroll" in err  # what to do
    assert _pending(folder) == 3 and server.sql(
        "SELECT count(*) FROM package WHERE station_id = %s", station
    ) == [(0,)]
    code = server.enroll_code()
    assert main(["sync", "enroll", *cat, "--server", server.url, "--code", code]) == 0
    assert main(["sync", *cat, "--once"]) == 0
    assert _pending(folder) == 0
