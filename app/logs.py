"""Logging: size-capped rotating files in the station's log folder, secrets masked first."""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from platformdirs import user_log_path

from app.redact import redact_text

LOG_NAME = "scanstation.log"
MAX_BYTES = 2 * 1024 * 1024  # one file; with BACKUPS older ones, at most 12 MB of logs
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
_formatter = logging.Formatter(FORMAT)
_installed: list[logging.Handler] = []  # the handlers setup_logging added to the root logger


def log_folder() -> Path:
    """Where the log files go: $SCANSTATION_LOG_DIR, else the user's log folder."""
    env = os.environ.get("SCANSTATION_LOG_DIR")
    return Path(env) if env else user_log_path("scanstation")


class RedactSecrets(logging.Filter):
    """Rewrites each record's message, traceback and stack with secret values masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not stop the program, nor leak its args
            message = f"{record.msg} [arguments that do not fit the message left out]"
        record.msg, record.args = redact_text(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = _formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True


class _Stderr(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is at the time (as logging's own last resort does)."""

    def __init__(self) -> None:
        logging.Handler.__init__(self, logging.WARNING)

    @property
    def stream(self) -> TextIO:  # type: ignore[override]
        return sys.stderr


def setup_logging(
    folder: Path | None = None,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> Path | None:
    """Send the root logger to `folder`/scanstation.log (rotating) and warnings to stderr.

    Calling it again replaces the handlers it added before. Returns the log file, or None
    when the folder cannot be written (a warning says so; the program goes on).
    """
    root = logging.getLogger()
    for old in _installed:
        root.removeHandler(old)
        old.close()
    _installed.clear()
    console = _Stderr()
    console.setFormatter(logging.Formatter("%(message)s"))
    _installed.append(console)
    path = (folder or log_folder()) / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    except OSError as err:
        print(
            f"warning: cannot write the log file {path}: {err.strerror or err}; "
            "continuing without one (set SCANSTATION_LOG_DIR to a writable folder).",
            file=sys.stderr,
        )
    else:
        file.setFormatter(_formatter)
        _installed.append(file)
    redact = RedactSecrets()
    for handler in _installed:
        handler.addFilter(redact)
        root.addHandler(handler)
    root.setLevel(level)
    return path if len(_installed) > 1 else None
