"""The catalog's typed errors; each carries the CLI exit code of its base class."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.errors import InputError, StationError, UsageError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a metadata value: the field, its Vietnamese label, what to fix."""

    tag: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label} ({self.tag}): {self.message}"


class InvalidMetadata(InputError):
    """Metadata refused; `problems` lists every reason at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"Siêu dữ liệu không hợp lệ ({len(self.problems)} lỗi):\n{lines}",
            hint="Sửa các trường trên rồi thử lại.",
            code="metadata.invalid",
            params={"count": len(self.problems), "problems": [str(p) for p in self.problems]},
        )


class NotFound(InputError):
    """A hồ sơ, document, user or package named by the user does not exist."""


class Refused(UsageError):
    """The action is not allowed: wrong role, wrong state, or a duplicate."""


class AccountRefused(Refused):
    """A sign-in or account change refused: `reason` names why (the desk words it in its
    language), `message_vi` is the Vietnamese text for callers without their own wording."""

    def __init__(self, reason: str, message: str, message_vi: str, *, hint: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, hint=hint, code=ACCOUNT_CODES[reason], params=params)
        self.reason = reason  # one of ACCOUNT_REASONS
        self.message_vi = message_vi


ACCOUNT_REASONS = (
    "wrong-password",  # wrong user name or password
    "disabled",  # the account is disabled
    "self-disable",  # an admin tried to disable their own account
    "last-admin",  # disabling would leave no enabled admin
    "short-password",  # fewer than MIN_PASSWORD characters
    "same-password",  # the new password equals the current one
    "exists",  # a user of that name exists already
    "reserved",  # the name the audit log uses for the station itself
    "not-admin",  # the console's admin recovery named someone who is not an admin
)
ACCOUNT_CODES = {  # the same reasons as error codes, for the desk to word
    "wrong-password": "user.wrong_password",
    "disabled": "user.disabled",
    "self-disable": "user.self_disable",
    "last-admin": "user.last_admin",
    "short-password": "user.password_short",
    "same-password": "user.same_password",
    "exists": "user.exists",
    "reserved": "user.reserved",
    "not-admin": "user.not_admin",
}


class SecretRefused(StationError):
    """A state-secret document may not leave the machine by any network path."""

    exit_code = 3
    code = "secret"


class CatalogTooNew(StationError):
    """The catalog was written by a newer program; this one refuses to touch it."""

    code = "catalog.too_new"


class NotInitialised(UsageError):
    """The catalog has no organisation yet."""
