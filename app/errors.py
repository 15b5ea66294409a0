"""Typed errors: an English message for the CLI and logs, a code and parameters for the desk."""

from __future__ import annotations

from collections.abc import Mapping


class StationError(Exception):
    """An error the user can act on: `str(err)` says what happened and what to do.

    `code` names the situation (e.g. ``state.transition``) and `params` its values; the desk
    words the message from them in its own language (`app/ui/messages.py`). An error raised
    without a code keeps its class's code, which the desk words generically.
    """

    exit_code = 1
    code = "error"

    def __init__(self, message: str, *, hint: str = "", code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code:
            self.code = code
        self.params: dict[str, object] = dict(params or {})

    def __str__(self) -> str:
        return f"{self.message}\n  → {self.hint}" if self.hint else self.message


class UsageError(StationError):
    """Bad arguments or options given by the user."""

    exit_code = 2
    code = "usage"


class InputError(StationError):
    """An input file is unreadable, corrupt, encrypted, too large or below the rules."""

    exit_code = 3
    code = "input"


class DeviceError(StationError):
    """The scanner could not be opened, or failed mid-batch."""

    exit_code = 4
    code = "device"


class DependencyError(StationError):
    """An external program or data file (Tesseract, a language model) is missing or too old."""

    exit_code = 5
    code = "dependency"


class OutputError(StationError):
    """The output could not be written."""

    exit_code = 6
    code = "output"


class Cancelled(StationError):
    """The user cancelled the work."""

    exit_code = 130
    code = "cancelled"
