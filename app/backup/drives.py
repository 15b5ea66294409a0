"""Where a backup may go: the drives remembered by the catalog and removable media mounted now."""

from __future__ import annotations

import getpass
import string
import sys
from collections.abc import Iterable
from pathlib import Path

MOUNT_ROOTS = ("/media/{user}", "/run/media/{user}", "/media", "/mnt")


def mounted_media(roots: Iterable[str] = MOUNT_ROOTS) -> list[Path]:
    """Folders where removable drives are mounted now (Windows: the drive letters D: to Z:)."""
    if sys.platform == "win32":
        return [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]
                if Path(f"{letter}:\\").exists()]
    user = getpass.getuser()
    found: list[Path] = []
    for root in roots:
        base = Path(root.format(user=user))
        try:
            children = sorted(p for p in base.iterdir() if p.is_dir() and p.is_mount())
        except OSError:
            continue
        found += [p for p in children if p not in found]
    return found


def candidates(remembered: Iterable[str], roots: Iterable[str] = MOUNT_ROOTS) -> list[Path]:
    """Remembered targets that are present, then other mounted media; no duplicates."""
    present = [Path(p) for p in remembered if Path(p).is_dir()]
    return present + [p for p in mounted_media(roots) if p not in present]
