"""What can go wrong with a backup medium, each with what to do (and a CLI exit code)."""

from __future__ import annotations

from app.errors import InputError, OutputError, UsageError


class WrongPassphrase(UsageError):
    """The passphrase does not open this backup set (exit 2)."""

    code = "backup.passphrase"


class NotABackup(InputError):
    """The folder holds no backup set, or not one this program can read (exit 3)."""

    code = "backup.not_a_backup"


class DamagedBackup(InputError):
    """A file of the backup set no longer matches what was written (exit 3)."""

    code = "backup.damaged"


class TargetUnusable(OutputError):
    """The backup target is missing, read-only or full (exit 6)."""

    code = "backup.target"
