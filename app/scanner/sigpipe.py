"""Put back Python's "ignore SIGPIPE" after libsane's thread helper resets it to "terminate"."""

from __future__ import annotations

import ctypes
import signal


def restore_sigpipe() -> None:
    """Ignore SIGPIPE again, from any thread, if Python had it ignored.

    libsane's reader-thread helper (sanei_thread) ends a scan by setting SIGPIPE back to its
    default action; the next write to a socket the peer closed (a dropped sync connection)
    would then kill the whole process instead of raising BrokenPipeError. `signal.signal` only
    works in the main thread and scans run in worker threads, so this asks libc directly.
    """
    if signal.getsignal(signal.SIGPIPE) != signal.SIG_IGN:
        return  # the program chose another disposition itself: leave it
    libc = ctypes.CDLL(None, use_errno=True)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = (ctypes.c_int, ctypes.c_void_p)
    libc.signal(int(signal.SIGPIPE), int(signal.SIG_IGN))
