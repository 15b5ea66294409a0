"""Typed errors that carry a message for the user and an exit code for the CLI."""

from __future__ import annotations


class StationError(Exception):
    """An error the user can act on: `str(err)` says what happened and what to do."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  → {self.hint}" if self.hint else self.message


class UsageError(StationError):
    """Bad arguments or options given by the user."""

    exit_code = 2


class InputError(StationError):
    """An input file is unreadable, corrupt, encrypted, too large or below the rules."""

    exit_code = 3


class DeviceError(StationError):
    """The scanner could not be opened, or failed mid-batch."""

    exit_code = 4


class DependencyError(StationError):
    """An external program or data file (Tesseract, a language model) is missing or too old."""

    exit_code = 5


class OutputError(StationError):
    """The output could not be written."""

    exit_code = 6


class Cancelled(StationError):
    """The user cancelled the work."""

    exit_code = 130
