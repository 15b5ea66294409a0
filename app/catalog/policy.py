"""Rules of the workflow: state-secret detection, who may move a document where, what may leave."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.catalog.errors import Refused, SecretRefused
from app.catalog.models import Document, Role, State
from app.catalog.profiles import Profile

# (from, to) → the roles that may make that move.
TRANSITIONS: dict[tuple[State, State], frozenset[Role]] = {
    (State.SCANNED, State.INDEXED): frozenset({Role.CLERK, Role.SUPERVISOR}),
    (State.REJECTED, State.INDEXED): frozenset({Role.CLERK, Role.SUPERVISOR}),
    (State.INDEXED, State.APPROVED): frozenset({Role.SUPERVISOR}),
    (State.INDEXED, State.REJECTED): frozenset({Role.SUPERVISOR}),
    (State.APPROVED, State.REJECTED): frozenset({Role.SUPERVISOR}),
    (State.APPROVED, State.SIGNED): frozenset({Role.SIGNER}),
    (State.SIGNED, State.SYNCED): frozenset({Role.ADMIN, Role.SIGNER}),
}
EDITABLE = frozenset({State.SCANNED, State.INDEXED, State.REJECTED})
LEAVE_STATES = frozenset({State.SIGNED, State.SYNCED})


def is_secret(profile: Profile, metadata: Mapping[str, Any]) -> bool:
    """True when metadata marks state-secret content: mode 03 (Mật) or any độ mật level."""
    if metadata.get(profile.secret_mode_field) in profile.secret_mode_codes:
        return True
    return bool(metadata.get(profile.secret_level_field))


def check_transition(doc: Document, target: State, roles: frozenset[Role], reason: str) -> None:
    """Raise Refused unless a user with `roles` may move `doc` to `target`."""
    allowed = TRANSITIONS.get((doc.state, target))
    if allowed is None:
        raise Refused(f"{doc.doc_code}: cannot go from {doc.state} to {target}.",
                      code="state.transition",
                      params={"doc": doc.doc_code, "from": doc.state, "to": target})
    if not roles & allowed:
        names = ", ".join(sorted(allowed))
        raise Refused(f"{doc.doc_code}: moving to {target} needs the role {names}.",
                      code="state.role",
                      params={"doc": doc.doc_code, "to": target, "roles": sorted(allowed)})
    if target == State.REJECTED and not reason.strip():
        raise Refused("A rejection needs a reason.", hint="Say what the clerk must fix.",
                      code="reject.no_reason")


def may_leave_machine(doc: Document) -> tuple[bool, str]:
    """Whether `doc` may be sent off this machine by a network path, and why not.

    The one place this is decided: a state secret never leaves; otherwise only a signed
    (hence approved) document does.
    """
    if doc.secret:
        return False, "văn bản mật (bí mật nhà nước) không được gửi qua mạng"
    if doc.state not in LEAVE_STATES:
        return False, f"văn bản chưa được duyệt và ký số (trạng thái: {doc.state})"
    return True, ""


def ensure_may_leave(doc: Document) -> None:
    """Raise SecretRefused (secret) or Refused (not yet signed) unless `doc` may leave."""
    allowed, why = may_leave_machine(doc)
    if allowed:
        return
    if doc.secret:
        raise SecretRefused(
            f"{doc.doc_code}: {why}.",
            hint="Hand it over on paper or by the approved secret channel.",
            code="secret.document", params={"doc": doc.doc_code},
        )
    raise Refused(f"{doc.doc_code}: {why}.", code="document.not_signed",
                  params={"doc": doc.doc_code, "state": doc.state})
