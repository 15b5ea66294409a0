"""A document's moves along its workflow, each written with its audit entry."""

from __future__ import annotations

from typing import Any

from app.catalog import audit
from app.catalog.models import State
from app.catalog.rows import DocumentRow

_ACTIONS = {State.SIGNED: "sign", State.SYNCED: "sync"}


def _log(row: DocumentRow, state: State, user: str, extra: dict[str, Any]) -> None:
    data = {"from": row.state, "to": str(state), **extra}
    audit.append(user, _ACTIONS.get(state, "state"), "document", row.uuid, data)


def move(row: DocumentRow, state: State, reason: str, user: str, extra: dict[str, Any]) -> None:
    """Set the document's state and reason, and audit the move (the reason only when given)."""
    DocumentRow.update(state=state, reason=reason, updated_at=audit.now()).where(
        DocumentRow.id == row.id
    ).execute()
    _log(row, state, user, {**extra, "reason": reason} if reason else extra)


def record_synced(row: DocumentRow, user: str, extra: dict[str, Any]) -> None:
    """The server holds the document: a signed one becomes `synced`; the receipt is audited
    even when it already was (a later version sent again)."""
    if row.state == State.SIGNED:
        DocumentRow.update(state=State.SYNCED, updated_at=audit.now()).where(
            DocumentRow.id == row.id
        ).execute()
    _log(row, State.SYNCED, user, extra)
