"""A private PostgreSQL cluster on loopback for tests and the demo (`make run-server`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import psycopg

from .children import die_with_parent


def _pg_bin() -> Path:
    """The newest Debian PostgreSQL's programs, unless SCANSTATION_PG_BIN names a folder."""
    if "SCANSTATION_PG_BIN" in os.environ:
        return Path(os.environ["SCANSTATION_PG_BIN"])
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return versions[-1] if versions else Path("/usr/lib/postgresql/15/bin")


BIN = _pg_bin()


PORT_TRIES = 5  # ports tried when the one picked was taken before postgres bound it


class PortTaken(RuntimeError):
    """Another program took the port between its pick and the server's bind."""


def free_port() -> int:
    """A port free on 127.0.0.1 now (another program may take it before it is bound)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LocalPostgres:
    """initdb into `folder` (once) and run `postgres` on 127.0.0.1:`port`, socket in the folder,
    as a child that ends with this process.

    PostgreSQL refuses to run as root: then the folder belongs to the `postgres` user and the
    programs run through `runuser -u postgres --`.
    """

    def __init__(self, folder: Path, port: int | None = None, *, durable: bool = True) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = port or free_port()
        self._picked = port is None  # a port this object chose may be chosen again
        self.durable = durable
        self._root = os.geteuid() == 0
        self._server: subprocess.Popen[bytes] | None = None

    def _prefix(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if self._root else []

    def _run(self, *args: str) -> None:
        subprocess.run([*self._prefix(), *args], check=True, capture_output=True, timeout=120)

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def start(self) -> LocalPostgres:
        """Create the cluster if needed, start it and wait until it accepts connections; on
        another free port when the one it picked was taken before postgres could bind it."""
        for _ in range(PORT_TRIES - 1):
            try:
                return self._start()
            except PortTaken:
                if not self._picked:
                    raise
                self.port = free_port()
        return self._start()

    def _start(self) -> LocalPostgres:
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
        options = ["-c", "listen_addresses=127.0.0.1", "-p", str(self.port), "-k", str(self.folder)]
        if not self.durable:
            options += ["-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off"]
        # postgres itself, not `pg_ctl start` (which daemonises): it ends with this process
        # (SIGTERM, a smart shutdown, through runuser as root) even when this one is killed
        log = (self.folder / "postgres.log").open("ab")
        logged = log.tell()
        self._server = subprocess.Popen(
            [*self._prefix(), str(BIN / "postgres"), "-D", str(self.data), *options],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent(),
        )
        log.close()
        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(self.dsn(), connect_timeout=2).close()
                return self
            except psycopg.OperationalError:
                if self._server.poll() is not None:
                    said = (self.folder / "postgres.log").read_bytes()[logged:]
                    if b"could not bind" in said or b"already in use" in said:
                        raise PortTaken(f"port {self.port} on 127.0.0.1 is taken: pick "
                                        "another, or stop the program using it") from None
                    raise RuntimeError(
                        f"PostgreSQL did not start (exit {self._server.returncode}): see "
                        f"{self.folder / 'postgres.log'}") from None
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
        """Fast shutdown: open sessions are ended, the data is kept."""
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        if self._server is not None:
            self._server.wait(timeout=60)
