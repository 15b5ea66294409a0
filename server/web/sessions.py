"""Web sign-in: server-side sessions in PostgreSQL, CSRF tokens and login throttling."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from server.config import Config, Supervisor
from server.db import Pool

IDLE = datetime.timedelta(hours=1)  # a session unused this long ends
LIFETIME = datetime.timedelta(hours=10)  # and any session after a working day
WINDOW = datetime.timedelta(minutes=15)
MAX_PER_ACCOUNT = 5  # failed sign-ins per account in WINDOW before it is held back
MAX_PER_ADDRESS = 20  # and per client address
_hasher = PasswordHasher()
_DUMMY = _hasher.hash(secrets.token_hex(16))  # unknown names cost the same as known ones

SCHEMA = """
CREATE TABLE IF NOT EXISTS web_session (
    token_hash text PRIMARY KEY, name text NOT NULL, csrf text NOT NULL,
    created_at timestamptz NOT NULL, seen_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS web_login_failure (key text NOT NULL, at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS web_login_failure_key ON web_login_failure (key, at);
"""


@dataclass(frozen=True)
class Session:
    """A signed-in supervisor: its name, granted organisations and the session's CSRF token."""

    name: str
    orgs: tuple[str, ...]
    csrf: str


class Throttled(Exception):
    """Too many failed sign-ins; `minutes` until the next try is accepted."""

    def __init__(self, minutes: int) -> None:
        super().__init__(minutes)
        self.minutes = minutes


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two tokens (False when either is empty)."""
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _supervisor(config: Config, name: str) -> Supervisor | None:
    return next((s for s in config.supervisors if s.name == name), None)


def _failures(pool: Pool, keys: list[str]) -> dict[str, int]:
    with pool.connection() as conn:
        conn.execute("DELETE FROM web_login_failure WHERE at < now() - %s", (WINDOW,))
        rows = conn.execute(
            "SELECT key, count(*) FROM web_login_failure WHERE key = ANY(%s) GROUP BY key",
            (keys,),
        ).fetchall()
    return {r[0]: r[1] for r in rows}


def sign_in(pool: Pool, config: Config, name: str, password: str, address: str) -> str | None:
    """A new session token for a right name and password, None when wrong.

    Raises Throttled when the account or the address failed too often lately (checked before
    the password, so a guesser learns nothing more while held back).
    """
    account, client = f"name:{name[:100]}", f"addr:{address}"
    seen = _failures(pool, [account, client])
    if seen.get(account, 0) >= MAX_PER_ACCOUNT or seen.get(client, 0) >= MAX_PER_ADDRESS:
        raise Throttled(int(WINDOW.total_seconds() // 60))
    supervisor = _supervisor(config, name)
    try:
        _hasher.verify(supervisor.password_hash if supervisor else _DUMMY, password)
        ok = supervisor is not None
    except (VerificationError, InvalidHashError):
        ok = False
    with pool.connection() as conn:
        if not ok:
            conn.execute(
                "INSERT INTO web_login_failure (key, at) VALUES (%s, now()), (%s, now())",
                (account, client),
            )
            return None
        conn.execute("DELETE FROM web_login_failure WHERE key = %s", (account,))
        token = new_token()
        conn.execute(
            "INSERT INTO web_session (token_hash, name, csrf, created_at, seen_at)"
            " VALUES (%s, %s, %s, now(), now())",
            (_hash(token), name, new_token()),
        )
    return token


def find(pool: Pool, config: Config, token: str) -> Session | None:
    """The live session of `token` (its idle time restarts), None when unknown or over."""
    if not token:
        return None
    with pool.connection(autocommit=True) as conn:
        row = conn.execute(
            "UPDATE web_session SET seen_at = now() WHERE token_hash = %s"
            " AND seen_at > now() - %s AND created_at > now() - %s RETURNING name, csrf",
            (_hash(token), IDLE, LIFETIME),
        ).fetchone()
    if row is None:
        return None
    supervisor = _supervisor(config, row[0])
    if supervisor is None:  # removed from the configuration since
        return None
    return Session(row[0], supervisor.orgs, row[1])


def sign_out(pool: Pool, token: str) -> None:
    with pool.connection() as conn:
        conn.execute(
            "DELETE FROM web_session WHERE token_hash = %s OR created_at < now() - %s",
            (_hash(token), LIFETIME),
        )
