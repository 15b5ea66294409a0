"""The support bundle: logs, settings and sync config without secrets, the report, versions."""

from __future__ import annotations

import importlib.metadata
import json
import platform
import sqlite3
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from platformdirs import user_config_path

from app import __version__
from app.atomic import write_atomically
from app.catalog.migrations import LATEST
from app.errors import StationError
from app.ocr.tesseract import tesseract_version
from app.redact import redact_ini, redact_text, redact_value
from app.sync import credentials

from .context import Context
from .report import as_json
from .result import Result

LOG_FILES = "scanstation.log*"  # the current log and its rotated copies
PACKAGES = (
    "PySide6", "pikepdf", "pyHanko", "python-pkcs11", "peewee", "httpx", "numpy",
    "opencv-python-headless", "Pillow", "pytesseract", "python-sane", "platformdirs",
)


def desk_settings_file() -> Path:
    """Where Qt keeps the desk's settings on Linux (QSettings "scanstation"/"desk")."""
    return user_config_path("scanstation") / "desk.conf"


def versions() -> dict[str, Any]:
    """The program, Python, system, SQLite, Tesseract and library versions."""
    try:
        tesseract = "{}.{}".format(*tesseract_version())
    except StationError as err:
        tesseract = f"missing: {err.message}"
    packages = {}
    for name in PACKAGES:
        try:
            packages[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            packages[name] = "not installed"
    return {
        "scanstation": __version__,
        "catalog_schema": LATEST,
        "python": sys.version,
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "tesseract": tesseract,
        "packages": packages,
    }


def _json(data: Any) -> str:
    return json.dumps(redact_value(data), ensure_ascii=False, indent=1) + "\n"


def contents(
    results: Sequence[Result], ctx: Context, *, logs: Path, settings: Path
) -> dict[str, str]:
    """What goes into the bundle, by name; every text already stripped of secrets.

    Only these files are read, so no key, certificate or token file can slip in.
    """
    entries = {"doctor.json": _json(as_json(results, None)), "versions.json": _json(versions())}
    for path in sorted(logs.glob(LOG_FILES)):
        if path.is_file():
            entries[f"logs/{path.name}"] = redact_text(path.read_text("utf-8", errors="replace"))
    if settings.is_file():
        entries["config/desk.conf"] = redact_ini(settings.read_text("utf-8", errors="replace"))
    sync = credentials.path_in(ctx.catalog_folder)
    if sync.is_file():
        raw = sync.read_text("utf-8", errors="replace")
        try:
            entries["config/sync.json"] = _json(json.loads(raw))
        except ValueError:  # a damaged file is worth seeing, but only as redacted text
            entries["config/sync.json"] = redact_text(raw)
    return entries


def write_bundle(
    out: Path, results: Sequence[Result], ctx: Context, *, logs: Path, settings: Path
) -> list[str]:
    """Write the zip atomically to `out` (OutputError when it cannot); return its entries."""
    entries = contents(results, ctx, logs=logs, settings=settings)

    def write(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in entries.items():
                archive.writestr(name, text.encode("utf-8"))

    write_atomically(out, write)
    return list(entries)
