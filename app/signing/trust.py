"""Trust roots: the bundle folders (NEAC, Ban Cơ yếu roots) plus the files the user names."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from asn1crypto import pem  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from platformdirs import user_config_path

from .errors import SigningChoiceError

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "signing" / "trust"
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


def default_folders() -> list[Path]:
    """Shipped bundle, the user's folder, and SCANSTATION_TRUST (os.pathsep-separated)."""
    folders = [BUNDLED, user_config_path("scanstation") / "trust"]
    extra = os.environ.get("SCANSTATION_TRUST", "")
    folders += [Path(p) for p in extra.split(os.pathsep) if p]
    return folders


def _read(path: Path) -> list[asn1_x509.Certificate]:
    data = path.read_bytes()
    if pem.detect(data):
        return [asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    return [asn1_x509.Certificate.load(data)]


def _files(paths: Iterable[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in CERT_SUFFIXES)
        elif path.is_file():
            found.append(path)
    return found


def load_roots(
    extra: Iterable[Path] = (), *, use_defaults: bool = True
) -> list[asn1_x509.Certificate]:
    """Every certificate in the default folders (if asked) and in `extra` files or folders."""
    missing = [p for p in extra if not p.exists()]
    if missing:
        raise SigningChoiceError(
            f"Trust file not found: {missing[0]}",
            f"Không tìm thấy tệp chứng thư gốc: {missing[0]}",
            hint="Give a PEM/DER certificate file or a folder of them.",
        )
    roots: list[asn1_x509.Certificate] = []
    for path in _files([*(default_folders() if use_defaults else []), *extra]):
        try:
            roots += _read(path)
        except (ValueError, OSError) as err:
            raise SigningChoiceError(
                f"Not a certificate file: {path} ({err})",
                f"Tệp không phải chứng thư số: {path}",
                hint="Trust files must be X.509 certificates in PEM or DER form.",
            ) from err
    return roots
