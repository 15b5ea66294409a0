"""Atomic file output: write beside the target, fsync, rename; never leave a half file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from app.errors import OutputError


def check_output_folder(out: Path) -> None:
    """Raise OutputError unless `out`'s folder exists and can be written to."""
    folder = out.parent
    if not folder.is_dir():
        raise OutputError(
            f"Output folder does not exist: {folder}",
            hint="Create the folder or choose another output location.",
            code="output.no_folder", params={"path": str(folder)},
        )
    try:  # a real file, not os.access: read-only mounts, ACLs and root are judged truly
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as err:
        raise OutputError(
            f"Output folder is not writable: {folder} ({err.strerror or err})",
            hint="Choose a folder you may write to, or ask the administrator for access.",
            code="output.not_writable", params={"path": str(folder)},
        ) from err


def write_atomically(out: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call `write` on a temporary file in `out`'s folder, then move it onto `out`.

    On any error the temporary file is removed and an existing `out` is left untouched;
    OS errors (permissions, disk full) become OutputError.
    """
    check_output_folder(out)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as err:
        raise OutputError(
            f"Cannot create a file in {out.parent}: {err.strerror}",
            hint="Check the folder's permissions and free space, or choose another folder.",
            code="output.write_failed", params={"path": str(out)},
        ) from err
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual file mode
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(out)
    except BaseException as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, OSError):
            raise OutputError(
                f"Could not write {out}: {err.strerror or err}",
                hint="Check free disk space and permissions, then save again.",
                code="output.write_failed", params={"path": str(out)},
            ) from err
        raise
    fsync_path(out.parent)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_path(folder: Path) -> None:
    """Make a file's bytes or a folder's entries durable; best effort (some filesystems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
