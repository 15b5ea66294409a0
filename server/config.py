"""The server's TOML configuration: database, storage, listener, TLS, limits, organisations."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog.export.limits import Limits

from .errors import ConfigError
from .s3store import S3Settings

MiB = 1 << 20


@dataclass(frozen=True)
class Supervisor:
    """An upstream reader: HTTP Basic name + argon2 password hash, and the orgs it may read."""

    name: str
    password_hash: str
    orgs: tuple[str, ...] = ("*",)


@dataclass(frozen=True)
class Config:
    """Everything `create_app` and `scanstation-server` need."""

    dsn: str
    storage: Path
    host: str = "127.0.0.1"
    port: int = 8443
    workers: int = 1
    tls_cert: Path | None = None
    tls_key: Path | None = None
    max_upload: int = 200 * MiB
    orgs: dict[str, str] = field(default_factory=dict)
    org_parents: dict[str, str] = field(default_factory=dict)  # district → province, …
    org_names: dict[str, str] = field(default_factory=dict)  # parents that enroll no station
    trust_roots: tuple[Path, ...] = ()
    check_revocation: bool = False
    credential_days: int = 365
    enroll_code_hours: int = 72
    abandoned_upload_hours: float = 168.0
    supervisors: tuple[Supervisor, ...] = ()
    db_pool: int = 16
    s3: S3Settings | None = None  # [storage] kind = "s3": blobs and partial uploads there

    @property
    def tls(self) -> bool:
        return self.tls_cert is not None

    @property
    def package_limits(self) -> Limits:
        """What one upload may unpack: no file (nor METS) larger than an upload may be (PDFs
        hardly compress), twice that in all; the signature check reads one PDF at a time."""
        default = Limits()
        return Limits(
            file_bytes=self.max_upload,
            total_bytes=2 * self.max_upload,
            metadata_bytes=min(default.metadata_bytes, self.max_upload),
        )


def _path(base: Path, value: Any) -> Path:
    path = Path(str(value)).expanduser()
    return path if path.is_absolute() else base / path


def _s3(store: dict[str, Any]) -> S3Settings | None:
    kind = str(store.get("kind", "file"))
    if kind == "file":
        return None
    if kind != "s3":
        raise ConfigError(f'[storage] kind must be "file" or "s3", not "{kind}".')
    return S3Settings(
        endpoint=str(store["endpoint"]),
        bucket=str(store["bucket"]),
        region=str(store.get("region", "us-east-1")),
        prefix=str(store.get("prefix", "")),
    )


def from_dict(data: dict[str, Any], base: Path) -> Config:
    """A Config from parsed TOML; relative paths are taken from `base` (the file's folder)."""
    try:
        db, store, listen = data["database"], data["storage"], data.get("listen", {})
        tls = data.get("tls", {})
        limits = data.get("limits", {})
        signing = data.get("signing", {})
        return Config(
            dsn=str(db["dsn"]),
            storage=_path(base, store["path"]),
            host=str(listen.get("host", "127.0.0.1")),
            port=int(listen.get("port", 8443)),
            workers=int(listen.get("workers", 1)),
            tls_cert=_path(base, tls["cert"]) if tls.get("cert") else None,
            tls_key=_path(base, tls["key"]) if tls.get("key") else None,
            max_upload=int(limits.get("max_upload_mib", 200)) * MiB,
            credential_days=int(limits.get("credential_days", 365)),
            enroll_code_hours=int(limits.get("enroll_code_hours", 72)),
            abandoned_upload_hours=float(limits.get("abandoned_upload_hours", 168)),
            orgs={str(k): str(v) for k, v in data.get("orgs", {}).items()},
            org_parents={str(k): str(v) for k, v in data.get("org_parents", {}).items()},
            org_names={str(k): str(v) for k, v in data.get("org_names", {}).items()},
            trust_roots=tuple(_path(base, p) for p in signing.get("trust_roots", [])),
            check_revocation=bool(signing.get("check_revocation", False)),
            supervisors=tuple(
                Supervisor(str(s["name"]), str(s["password_hash"]), tuple(s.get("orgs", ["*"])))
                for s in data.get("supervisors", [])
            ),
            db_pool=int(db.get("pool", 16)),
            s3=_s3(store),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise ConfigError(f"Bad server configuration: missing or wrong value {err}") from err


def load(path: Path) -> Config:
    """Read the configuration file at `path`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"Cannot read the configuration {path}: {err}") from err
    config = from_dict(data, path.parent)
    if (config.tls_cert is None) != (config.tls_key is None):
        raise ConfigError("[tls] needs both cert and key.")
    if config.workers < 1 or config.abandoned_upload_hours <= 0:
        raise ConfigError("[listen] workers must be ≥ 1 and [limits] abandoned_upload_hours > 0.")
    return config
