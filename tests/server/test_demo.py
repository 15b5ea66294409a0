"""`make run-server` is complete: its demo CA (for testing only) lets a signed upload in."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyhanko.sign.signers import SimpleSigner

from app.sync import credentials
from app.sync.client import SyncClient, enroll
from app.sync.worker import SyncWorker
from server.democa import PASSWORD
from server.localpg import free_port
from testkit.serverproc import ORG_A, ROOT
from testkit.signing import PdfSigner
from testkit.station import add_signed, new_catalog


def _read_until(process: subprocess.Popen[str], marker: str, deadline: float) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"the demo stopped: {lines}")
        lines.append(line.rstrip())
        if marker in line:
            return lines
    raise AssertionError(f"no {marker!r} in {lines}")


def _wait_healthy(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/health").status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError("the demo server did not answer")


@pytest.fixture
def demo_folder() -> Iterator[Path]:
    """Outside pytest's private tmp: as root, PostgreSQL runs as `postgres` and must reach it."""
    folder = Path(tempfile.mkdtemp(prefix="scanstation-demo-"))
    folder.chmod(0o755)
    yield folder / "demo"
    shutil.rmtree(folder, ignore_errors=True)


def test_the_demo_accepts_a_upload_signed_with_its_testing_ca(
    demo_folder: Path, tmp_path: Path
) -> None:
    port = free_port()
    log = (tmp_path / "demo.log").open("w")
    demo = subprocess.Popen(
        [sys.executable, "-m", "server", "demo", "--folder", str(demo_folder),
         "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    )  # fmt: skip
    try:
        lines = _read_until(demo, "Enrollment code", time.monotonic() + 120)
        text = "\n".join(lines)
        assert "FOR TESTING ONLY" in text and "127.0.0.1 only" in text
        p12 = Path(re.search(r"signing key for a station: (\S+)", text).group(1))  # type: ignore[union-attr]
        root = Path(re.search(r"trust root of this server: (\S+)", text).group(1))  # type: ignore[union-attr]
        code = lines[-1].rsplit(" ", 1)[1]
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, time.monotonic() + 60)
        signer = PdfSigner(root, SimpleSigner.load_pkcs12(p12, passphrase=PASSWORD.encode()))
        with new_catalog(tmp_path / "catalog", ORG_A) as catalog:
            add_signed(catalog, *signer.pair(tmp_path, "demo"), 1)
            made = enroll(url, code, "tram-demo")
            credentials.save(catalog.folder, made)
            client = SyncClient(made)
            try:
                result = SyncWorker(catalog, client).run_once()
            finally:
                client.close()
            assert result.sent == 1, catalog.outbox.items()
    finally:
        os.killpg(demo.pid, signal.SIGTERM)
        demo.wait(60)
        log.close()
