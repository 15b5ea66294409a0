"""Where the Liberation fonts are: the installer's `fonts` folder by the program, else Debian's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEBIAN_DIR = Path("/usr/share/fonts/truetype/liberation2")  # package fonts-liberation2


def font_dirs() -> tuple[Path, ...]:
    """Folders searched in order: $SCANSTATION_FONT_DIR, `fonts` beside the program (the
    Windows installer puts them in {app}\\fonts), then Debian's."""
    env = os.environ.get("SCANSTATION_FONT_DIR")
    beside = Path(sys.executable).resolve().parent / "fonts"
    return (*((Path(env),) if env else ()), beside, DEBIAN_DIR)


def liberation(file_name: str) -> Path:
    """The first `file_name` (e.g. LiberationSerif-Regular.ttf) found; Debian's path when none
    is, so that the error the caller raises names where it was expected."""
    return next((d / file_name for d in font_dirs() if (d / file_name).is_file()),
                DEBIAN_DIR / file_name)
