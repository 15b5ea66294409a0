"""Who is calling: stations (enrolled with a one-time code) and upstream supervisors."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
import threading
import time
import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .config import Config
from .db import Pool
from .errors import ApiError

UTC = datetime.UTC
_hasher = PasswordHasher()
CACHE_SECONDS = 300.0


@dataclass(frozen=True)
class Principal:
    """An authenticated caller and the organisations whose documents it may read."""

    kind: str  # station | supervisor
    name: str
    orgs: frozenset[str]  # "*" = every organisation
    org: str = ""  # a station's own organisation (the only one it may write)

    def may_read(self, org: str) -> bool:
        return "*" in self.orgs or org in self.orgs


@dataclass(frozen=True)
class Enrolled:
    """What a station receives once: its id and secret (only a hash is kept here)."""

    station_id: str
    secret: str
    org: str
    expires_at: str


def now() -> datetime.datetime:
    return datetime.datetime.now(UTC)


def _secret_hash(secret: str) -> str:
    """What the server keeps of a station secret: its SHA-256.

    The secret is 256 random bits, so a fast hash is as safe as a slow one against guessing
    (a slow KDF only helps low-entropy passwords) and costs microseconds instead of an argon2
    run per worker process on a station's first request.
    """
    return "sha256:" + hashlib.sha256(secret.encode()).hexdigest()


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def issue_code(pool: Pool, config: Config, org: str) -> str:
    """A one-time enrollment code for `org`, valid `enroll_code_hours`."""
    if org not in config.orgs:
        raise ApiError(400, "unknown_org", f"Organisation {org} is not in the server's [orgs].")
    raw = secrets.token_hex(6).upper()
    code = "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    expires = now() + datetime.timedelta(hours=config.enroll_code_hours)
    with pool.connection() as conn:
        conn.execute(
            "INSERT INTO enroll_code (code_hash, org, created_at, expires_at) VALUES (%s,%s,%s,%s)",
            (_code_hash(code), org, now(), expires),
        )
    return code


def enroll(pool: Pool, config: Config, code: str, name: str) -> Enrolled:
    """Spend a one-time code: create the station and return its credentials (once)."""
    station_id = str(uuid.uuid4())
    secret = secrets.token_urlsafe(32)
    expires = now() + datetime.timedelta(days=config.credential_days)
    with pool.connection() as conn:
        row = conn.execute(
            "UPDATE enroll_code SET used_at = now(), station_id = %s WHERE code_hash = %s"
            " AND used_at IS NULL AND expires_at > now() RETURNING org",
            (station_id, _code_hash(code)),
        ).fetchone()
        if row is None:
            raise ApiError(
                403, "bad_enroll_code", "The enrollment code is unknown, used or expired."
            )
        conn.execute(
            "INSERT INTO station (id, org, name, secret_hash, created_at, expires_at)"
            " VALUES (%s,%s,%s,%s,%s,%s)",
            (station_id, row[0], name[:200], _secret_hash(secret), now(), expires),
        )
    return Enrolled(station_id, secret, row[0], expires.isoformat())


def revoke(pool: Pool, station_id: str) -> bool:
    """Revoke a station's credential at once; False when no such station."""
    with pool.connection() as conn:
        cur = conn.execute(
            "UPDATE station SET revoked_at = now() WHERE id = %s AND revoked_at IS NULL",
            (station_id,),
        )
        return cur.rowcount == 1


class Authenticator:
    """Checks HTTP Basic credentials: station secrets by SHA-256, supervisor passwords by
    argon2 (successful checks cached briefly); a station's state is read on every request."""

    def __init__(self, pool: Pool, config: Config) -> None:
        self.pool = pool
        self.config = config
        self._ok: dict[str, float] = {}
        self._lock = threading.Lock()

    def check(self, name: str, secret: str) -> Principal:
        for sup in self.config.supervisors:
            if sup.name == name:
                self._verify(sup.password_hash, name, secret)
                return Principal("supervisor", name, frozenset(sup.orgs))
        with self.pool.connection(autocommit=True) as conn:
            row = conn.execute(
                "SELECT org, secret_hash, expires_at, revoked_at FROM station WHERE id = %s",
                (name,),
            ).fetchone()
        if row is None:
            raise ApiError(401, "unauthenticated", "Unknown station or wrong secret.")
        org, secret_hash, expires_at, revoked_at = row
        if not hmac.compare_digest(secret_hash, _secret_hash(secret)):
            raise ApiError(401, "unauthenticated", "Unknown station or wrong secret.")
        if revoked_at is not None:
            raise ApiError(401, "credential_revoked", "This station's credential was revoked.")
        if expires_at <= now():
            raise ApiError(401, "credential_expired", "This station's credential has expired.")
        return Principal("station", name, frozenset({org}), org)

    def _verify(self, stored: str, name: str, secret: str) -> None:
        key = hashlib.sha256(f"{stored}\0{name}\0{secret}".encode()).hexdigest()
        with self._lock:
            if self._ok.get(key, 0.0) > time.monotonic():
                return
        try:
            _hasher.verify(stored, secret)
        except (VerificationError, InvalidHashError):
            raise ApiError(401, "unauthenticated", "Unknown station or wrong secret.") from None
        with self._lock:
            self._ok[key] = time.monotonic() + CACHE_SECONDS


def hash_password(password: str) -> str:
    """An argon2 hash for a supervisor's `password_hash` in the configuration."""
    return _hasher.hash(password)
