"""A private PostgreSQL cluster on loopback for tests and the demo (`make run-server`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import psycopg


def _pg_bin() -> Path:
    """The newest Debian PostgreSQL's programs, unless SCANSTATION_PG_BIN names a folder."""
    if "SCANSTATION_PG_BIN" in os.environ:
        return Path(os.environ["SCANSTATION_PG_BIN"])
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return versions[-1] if versions else Path("/usr/lib/postgresql/15/bin")


BIN = _pg_bin()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalPostgres:
    """initdb into `folder` (once) and run `postgres` on 127.0.0.1:`port`, socket in the folder.

    PostgreSQL refuses to run as root: then the folder belongs to the `postgres` user and the
    programs run through `runuser -u postgres --`.
    """

    def __init__(self, folder: Path, port: int | None = None, *, durable: bool = True) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = port or free_port()
        self.durable = durable
        self._root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._root else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def start(self) -> LocalPostgres:
        """Create the cluster if needed, start it and wait until it accepts connections."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._root:
            shutil.chown(self.folder, "postgres", "postgres")
            self.folder.chmod(0o700)
        if not (self.data / "PG_VERSION").exists():
            self._run(
                str(BIN / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder}"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "postgres.log"),
            "-w",
            "start",
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(self.dsn(), connect_timeout=2).close()
                return self
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def create_database(self, name: str) -> str:
        """Create database `name` (dropping an old one) and return its DSN."""
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def ensure_database(self, name: str) -> str:
        """Create database `name` unless it exists; return its DSN."""
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if found.fetchone() is None:
                conn.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def stop(self) -> None:
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
