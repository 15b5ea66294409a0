"""The station's settings as a backup keeps them: secrets masked, never a key or token."""

from __future__ import annotations

import json
from pathlib import Path

from platformdirs import user_config_path

from app.redact import redact_ini, redact_text, redact_value
from app.sync import credentials


def desk_settings_file() -> Path:
    """Where Qt keeps the desk's settings on Linux (QSettings "scanstation"/"desk")."""
    return user_config_path("scanstation") / "desk.conf"


def settings_files(catalog_folder: Path, desk_conf: Path | None = None) -> dict[str, bytes]:
    """`settings/desk.conf` and `settings/sync.json` (when present), with secrets masked."""
    found: dict[str, bytes] = {}
    desk = desk_conf or desk_settings_file()
    if desk.is_file():
        found["settings/desk.conf"] = redact_ini(desk.read_text("utf-8", errors="replace")).encode()
    sync = credentials.path_in(catalog_folder)
    if sync.is_file():
        raw = sync.read_text("utf-8", errors="replace")
        try:
            text = json.dumps(redact_value(json.loads(raw)), ensure_ascii=False, indent=1)
        except ValueError:
            text = redact_text(raw)
        found["settings/sync.json"] = text.encode()
    return found
