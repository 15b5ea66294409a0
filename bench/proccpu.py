"""CPU seconds used by a process group so far (Linux /proc), e.g. a server and its workers."""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _fields(stat: Path) -> list[str]:
    return stat.read_text().rsplit(")", 1)[1].split()  # after "pid (name)"


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU seconds of every living process in the process group `pgid` (its
    children that exited and were waited for are in their parent's cutime/cstime: added)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = _fields(entry / "stat")
        except (FileNotFoundError, ProcessLookupError):
            continue  # exited meanwhile
        if int(fields[2]) == pgid:  # utime, stime, cutime, cstime
            total += sum(int(f) for f in fields[11:15])
    return total / TICKS
