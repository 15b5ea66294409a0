"""Child processes that end with the process that started them, so none outlives a killed parent."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent() -> Callable[[], None] | None:
    """A `preexec_fn` that has Linux send the child SIGTERM when this process dies (also by
    SIGKILL, when no clean-up runs), or None where that cannot hold: off Linux, and off the
    main thread, since the signal fires when the starting thread ends, not the process."""
    on_main = threading.current_thread() is threading.main_thread()
    if not sys.platform.startswith("linux") or not on_main:
        return None
    parent = os.getpid()

    def arm() -> None:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os.kill(os.getpid(), signal.SIGTERM)

    return arm
