"""A non-blocking exclusive lock on an open file, freed by the OS when its holder dies."""

from __future__ import annotations

import sys
from typing import IO


def try_lock(handle: IO[bytes]) -> None:
    """Lock `handle` exclusively or raise OSError at once if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
