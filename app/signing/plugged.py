"""What is plugged in: each known PKCS#11 module with its tokens and their certificates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import StationError

from .certs import CertificateInfo
from .modules import known_modules, vendor
from .token import TokenInfo, list_tokens


@dataclass(frozen=True)
class ModuleTokens:
    """One module: who makes it, the tokens it sees, or why it could not be read."""

    module: Path
    vendor: str
    tokens: tuple[TokenInfo, ...] = ()
    error: str = ""
    error_vi: str = ""


def plugged_in(chosen: Path | None = None) -> list[ModuleTokens]:
    """Every known module (the chosen one first) and its tokens, read without a PIN.

    Certificates are public objects: a token that hides them until login lists none.
    """
    found = []
    for module in known_modules(chosen):
        try:
            found.append(ModuleTokens(module, vendor(module), tuple(list_tokens(module))))
        except StationError as err:
            found.append(
                ModuleTokens(
                    module,
                    vendor(module),
                    error=err.message,
                    error_vi=getattr(err, "message_vi", "") or err.message,
                )
            )
    return found


def signing_certificates(token: TokenInfo) -> list[CertificateInfo]:
    """The token's certificates a document may be signed with (end-entity, signing usage),
    those still valid first, each group by the latest end date."""
    certs = [c for c in token.certificates if c.for_signing]
    return sorted(certs, key=lambda c: (c.problem() is not None, -c.not_after.timestamp()))
