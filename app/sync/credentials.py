"""The station's server credentials: `sync.json` in the catalog folder, mode 0600."""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from app.errors import UsageError

FILE_NAME = "sync.json"


@dataclass(frozen=True)
class Credentials:
    """Where the server is and who this station is there (id + secret from enrollment)."""

    server: str
    station_id: str
    secret: str
    org: str
    expires_at: str
    ca_file: str = ""  # a PEM bundle to trust for the server's TLS certificate


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine (127.0.0.0/8, ::1 or localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_server(url: str) -> str:
    """`url` if the station may talk to it: https://, or http:// to this machine only (the
    tests and the `make run-server` demo); the station's secret never travels in clear."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        parts, host = urlsplit(""), ""
    if parts.scheme == "https" and host:
        return url.strip()
    if parts.scheme == "http" and is_loopback(host):
        return url.strip()
    raise UsageError(
        f"Địa chỉ máy chủ {url!r} không dùng https:// — mã bí mật của trạm sẽ đi qua mạng "
        "không mã hóa. / The server address must start with https:// (the station's secret "
        "would travel in clear); http:// is accepted only for 127.0.0.1 or localhost "
        "(tests and the `make run-server` demo).",
        hint="Ask the server admin for the https:// address, e.g. https://luu-tru.tinh.vn:8443",
    )


def path_in(folder: Path) -> Path:
    return folder / FILE_NAME


def load(folder: Path) -> Credentials:
    """The credentials stored in the catalog folder (UsageError when not enrolled)."""
    path = path_in(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Credentials(**data)
    except FileNotFoundError:
        raise UsageError(
            "This station is not enrolled with a server.",
            hint="Run: scanstation sync enroll --server URL --code CODE",
        ) from None
    except (ValueError, TypeError) as err:
        raise UsageError(f"{path} is damaged: {err}", hint="Enroll the station again.") from err


def save(folder: Path, credentials: Credentials) -> Path:
    """Write the credentials with mode 0600 (temp file, fsync, rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = path_in(folder)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(asdict(credentials), out, indent=1)
        out.flush()
        os.fsync(out.fileno())
    tmp.chmod(0o600)
    tmp.replace(path)
    return path
