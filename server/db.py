"""PostgreSQL access with psycopg 3: a small connection pool and the schema (idempotent)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from .migrations import migrate

SCHEMA = """
CREATE TABLE IF NOT EXISTS enroll_code (
    code_hash text PRIMARY KEY, org text NOT NULL, created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL, used_at timestamptz, station_id text);
CREATE TABLE IF NOT EXISTS station (
    id text PRIMARY KEY, org text NOT NULL, name text NOT NULL, secret_hash text NOT NULL,
    created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL, revoked_at timestamptz);
CREATE TABLE IF NOT EXISTS upload (
    id text PRIMARY KEY, station_id text NOT NULL REFERENCES station(id),
    sha256 text NOT NULL, size bigint NOT NULL, created_at timestamptz NOT NULL,
    UNIQUE (station_id, sha256));
CREATE TABLE IF NOT EXISTS package (
    server_id text PRIMARY KEY, sha256 text NOT NULL UNIQUE, size bigint NOT NULL,
    org text NOT NULL, station_id text NOT NULL REFERENCES station(id),
    received_at timestamptz NOT NULL, hoso_code text NOT NULL, receipt jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS document (
    uuid text PRIMARY KEY, org text NOT NULL, doc_code text NOT NULL, hoso_code text NOT NULL,
    latest integer NOT NULL);
CREATE TABLE IF NOT EXISTS version (
    document_uuid text NOT NULL REFERENCES document(uuid), version integer NOT NULL,
    package_id text NOT NULL REFERENCES package(server_id), org text NOT NULL,
    pdf_sha256 text NOT NULL, metadata jsonb NOT NULL, subject text NOT NULL,
    search tsvector NOT NULL, received_at timestamptz NOT NULL,
    PRIMARY KEY (document_uuid, version));
CREATE INDEX IF NOT EXISTS version_org_day ON version (org, received_at);
"""


class Pool:
    """Up to `size` open connections, handed out one per request (LIFO, reconnect if broken)."""

    def __init__(self, dsn: str, size: int = 16) -> None:
        self.dsn = dsn
        self._idle: queue.LifoQueue[psycopg.Connection] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)

    @contextmanager
    def connection(self, *, autocommit: bool = False) -> Iterator[psycopg.Connection]:
        """A connection inside one transaction: committed on success, rolled back on error.

        With `autocommit` every statement commits by itself: one round trip instead of three
        (BEGIN, statement, COMMIT) for the single reads and writes of every request.
        """
        self._slots.acquire()
        conn: psycopg.Connection | None = None
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = psycopg.connect(self.dsn, autocommit=True)
            if conn.closed or conn.broken:
                conn = psycopg.connect(self.dsn, autocommit=True)
            if autocommit:
                yield conn
            else:
                with conn.transaction():
                    yield conn
            self._idle.put(conn)
            conn = None
        finally:
            if conn is not None and not conn.closed:
                conn.close()
            self._slots.release()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def create_schema(pool: Pool) -> None:
    """Create every table and index that is missing (safe to run at every start)."""
    with pool.connection() as conn:
        conn.execute("SELECT pg_advisory_xact_lock(7316)")
        conn.execute(SCHEMA)
        migrate(conn)
