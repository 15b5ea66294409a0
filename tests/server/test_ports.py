"""A test server whose picked port another program took first starts on another port."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from testkit import serverproc
from testkit.serverproc import start_server
from testkit.signing import PdfSigner


def test_the_server_picks_again_when_its_port_was_taken(
    signer: PdfSigner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as taken:  # bound and listening: the race free_port leaves open
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        picks = iter([busy])
        real = serverproc.free_port
        monkeypatch.setattr(serverproc, "free_port", lambda: next(picks, None) or real())
        server = start_server(tmp_path / "srv", signer.root_pem)
        try:
            assert server.config.port != busy
            assert httpx.get(server.url + "/v1/health", timeout=10).status_code == 200
            assert b"address already in use" in (tmp_path / "srv" / "server.log").read_bytes()
        finally:
            server.stop()
