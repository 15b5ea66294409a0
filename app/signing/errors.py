"""Signing errors: an English message, a Vietnamese one for the desk, and an exit code."""

from __future__ import annotations

from collections.abc import Mapping

from app.errors import Cancelled, DeviceError, InputError, StationError, UsageError


class Bilingual(Exception):
    """Mixed into a StationError subclass: adds `message_vi`, the text the desk UI shows."""

    def __init__(self, message: str, message_vi: str, *, hint: str = "", code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, hint=hint, code=code, params=params)  # type: ignore[call-arg]
        self.message_vi = message_vi


class TokenError(Bilingual, DeviceError):
    """The module or token cannot be used: missing, not found, removed, locked, wrong PIN."""

    code = "signing.token"


class TokenRemoved(TokenError):
    """The token went away (pulled out, session closed) during the work."""


class PinRejected(TokenError):
    """The token refused the PIN; it is never retried automatically."""


class TokenLocked(TokenError):
    """The token's user PIN is locked."""


class CertificateRejected(Bilingual, InputError):
    """The chosen certificate may not sign: expired, not yet valid or wrong key usage."""

    code = "signing.certificate"


class DocumentRejected(Bilingual, InputError):
    """A document cannot be signed: not PDF/A-2, unreadable, already broken."""

    code = "signing.document"


class SigningChoiceError(Bilingual, UsageError):
    """The user's choice of module, token or certificate does not match anything."""

    code = "signing.choice"


class SigningCancelled(Bilingual, Cancelled):
    """The user cancelled the PIN prompt or the batch."""

    code = "signing.cancelled"


def vietnamese(err: BaseException) -> str:
    """The Vietnamese message of `err` when it has one, else its English text."""
    return getattr(err, "message_vi", "") or str(err)


class NetworkUnavailable(Bilingual, StationError):
    """Revocation data or a timestamp could not be fetched; the file was left as it was."""

    code = "signing.network"
