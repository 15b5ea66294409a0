"""The HTTP client of the sync protocol: enroll, then resumable, idempotent package uploads."""

from __future__ import annotations

import platform
import socket
import ssl
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx

from app.errors import StationError

from .credentials import Credentials, checked_server
from .throttle import TokenBucket

PIECE = 16 * 1024
MAX_PATCH = 8 << 20  # bytes per PATCH request
UNSENT = 16 * 1024  # bytes the kernel may hold not yet sent (see _socket_options)
RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


class SyncError(StationError):
    """A sync problem; `server_code` is the server's error code when it answered."""

    exit_code = 1
    code = "sync"

    def __init__(self, message: str, *, server_code: str = "", hint: str = "", code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, hint=hint, code=code, params=params)
        self.server_code = server_code


class Transient(SyncError):
    """Worth retrying later: the server is unreachable, overloaded, or the link dropped."""

    code = "sync.unreachable"


class Rejected(SyncError):
    """The server refused this package; sending it again will not help."""

    exit_code = 3
    code = "sync.rejected"


class Unusable(SyncError):
    """Nothing can be sent until someone fixes the station's set-up; a pass stops at once."""

    exit_code = 2
    code = "sync.unusable"


class CredentialError(Unusable):
    """The server refused the station's credential (unknown, expired or revoked)."""

    code = "sync.credential"


class TrustError(Unusable):
    """The server's TLS certificate is not one this station trusts (or the CA file is bad)."""

    code = "sync.trust"


TRUST_HINT = (
    'Ask the server admin for the CA certificate (PEM) and name it in "ca_file" of sync.json '
    "in the catalog folder, or enroll with --ca-file."
)


def tls_context(ca_file: str) -> ssl.SSLContext:
    """The TLS context: the system's roots, or only the CA in `ca_file` when given."""
    try:
        return ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError) as err:
        raise TrustError(f"Cannot use the CA file {ca_file!r}: {err}", hint=TRUST_HINT) from err


def _socket_options() -> list[tuple[int, int, int]]:
    """Keep at most UNSENT bytes waiting in the kernel beyond what the network carries.

    Without it the kernel accepts megabytes at once (send-buffer autotuning): they count as
    sent, and a drop loses them all, so a resumed upload would send them again.
    """
    if hasattr(socket, "TCP_NOTSENT_LOWAT"):
        return [(socket.IPPROTO_TCP, socket.TCP_NOTSENT_LOWAT, UNSENT)]
    return []  # Windows has no such option: its default send buffering applies


def _failed(server: str, err: httpx.HTTPError) -> SyncError:
    """The error for a request that got no answer: untrusted certificate, or unreachable."""
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return TrustError(
                f"The server {server} presented a TLS certificate this station does not "
                f"trust ({cause.verify_message}); nothing was sent.",
                hint=TRUST_HINT,
            )
        cause = cause.__cause__ or cause.__context__
    return Transient(f"connection to {server} failed: {err!r}")


def _error(response: httpx.Response) -> SyncError:
    try:
        body = response.json()
        code, message = str(body.get("error", "")), str(body.get("message", ""))
    except (ValueError, AttributeError):
        code, message = "", response.text[:200]
    text = f"server answered {response.status_code}: {message or response.reason_phrase}"
    if response.status_code == 401:
        return CredentialError(
            text, server_code=code,
            hint="Ask the server admin for a new code: scanstation sync enroll",
        )
    if response.status_code in RETRY_STATUS or code == "no_upload":  # purged: declare again
        return Transient(text, server_code=code)
    return Rejected(text, server_code=code)


def enroll(server: str, code: str, name: str, ca_file: str = "") -> Credentials:
    """Spend a one-time enrollment code; return the station's new credentials.

    Only over https:// (http:// to this machine only: tests and the demo server)."""
    server = checked_server(server)
    try:
        with httpx.Client(base_url=server, verify=tls_context(ca_file), timeout=30) as http:
            response = http.post("/v1/enroll", json={"code": code, "name": name})
    except httpx.HTTPError as err:
        raise _failed(server, err) from err
    if response.status_code != 201:
        raise _error(response)
    data = response.json()
    return Credentials(
        server=server,
        station_id=data["station_id"],
        secret=data["secret"],
        org=data["org"],
        expires_at=data["expires_at"],
        ca_file=ca_file,
    )


class SyncClient:
    """Talks to the server for one station; safe to share between worker threads."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        timeout: float = 30.0,
        bucket: TokenBucket | None = None,
        connections: int = 8,
    ) -> None:
        self.bucket = bucket
        self.server = checked_server(credentials.server)
        self.bytes_sent = 0  # package bytes written to the connection, re-sent ones included
        self._lock = threading.Lock()
        verify = tls_context(credentials.ca_file)
        limits = httpx.Limits(max_connections=connections)
        self._http = httpx.Client(
            base_url=self.server,
            auth=(credentials.station_id, credentials.secret),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=httpx.HTTPTransport(
                verify=verify, limits=limits, socket_options=_socket_options()
            ),
            headers={"User-Agent": f"scanstation-sync ({platform.node()})"},
        )

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._http.request(method, url, **kwargs)
        except httpx.HTTPError as err:
            raise _failed(self.server, err) from err

    def upload(self, path: Path, sha256: str, size: int) -> dict[str, Any]:
        """Send the package at `path`, resuming from the server's offset; return the receipt."""
        response = self._call("POST", "/v1/uploads", json={"sha256": sha256, "size": size})
        if response.status_code == 200:
            return dict(response.json()["receipt"])
        if response.status_code != 201:
            raise _error(response)
        body = response.json()
        upload_id, offset = str(body["upload_id"]), int(body["offset"])
        while offset < size:
            length = min(size - offset, MAX_PATCH)
            last = offset + length == size  # the server completes in the same request
            response = self._call(
                "PATCH",
                f"/v1/uploads/{upload_id}",
                content=self._pieces(path, offset, length),
                headers={
                    "Upload-Offset": str(offset),
                    "Content-Length": str(length),
                    "Content-Type": "application/offset+octet-stream",
                    "Upload-Complete": "?1" if last else "?0",
                },
            )
            if response.status_code == 200 and last:
                return dict(response.json())
            if response.status_code == 409 and "Upload-Offset" in response.headers:
                offset = int(response.headers["Upload-Offset"])  # the server knows better
                continue
            if response.status_code != 204:
                raise _error(response)
            offset = int(response.headers["Upload-Offset"])
        # every byte is there (an earlier attempt sent them, or a server that does not
        # complete on the last PATCH answered 204): complete on its own
        response = self._call("POST", f"/v1/uploads/{upload_id}/complete")
        if response.status_code != 200:
            raise _error(response)
        return dict(response.json())

    def _pieces(self, path: Path, offset: int, length: int) -> Iterator[bytes]:
        with path.open("rb") as handle:
            handle.seek(offset)
            left = length
            while left > 0:
                piece = handle.read(min(PIECE, left))
                if not piece:
                    return
                if self.bucket is not None:
                    self.bucket.take(len(piece))
                left -= len(piece)
                yield piece
                with self._lock:  # counted once written: httpx came back for more
                    self.bytes_sent += len(piece)
