"""Rows the catalog's concerns look up by key, role checks, counters and stored blobs."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from app.catalog import audit, convert
from app.catalog.errors import NotFound, NotInitialised, Refused
from app.catalog.models import Organisation, Role
from app.catalog.rows import (
    BlobRow,
    CounterRow,
    DocumentRow,
    HosoRow,
    OrganisationRow,
    PageRow,
    UserRow,
)
from app.catalog.store import Stored
from app.catalog.text import nfc

SYSTEM = "system"


def dump(data: Mapping[str, Any]) -> str:
    """Metadata as stored: compact JSON with sorted keys, Unicode kept."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def organisation() -> Organisation:
    """The office that owns this catalog; NotInitialised before `catalog init`."""
    row = OrganisationRow.get_or_none()
    if row is None:
        raise NotInitialised(
            "This catalog has no organisation yet.",
            hint="Run: scanstation catalog init --org-name NAME --org-code CODE",
            code="catalog.not_initialised",
        )
    return Organisation(name=row.name, code=row.code, profile=row.profile)


def require(name: str, roles: set[Role]) -> None:
    """Refused unless the user holds one of `roles`."""
    user = convert.user(user_row(name))
    if user.disabled:
        raise Refused(f"The account {name} is disabled.", code="user.disabled",
                      params={"name": name})
    if not user.roles & roles:
        raise Refused(f"{name} needs one of the roles {', '.join(sorted(roles))} for this.",
                      code="role.required", params={"user": name, "roles": sorted(roles)})


def user_row(name: str) -> UserRow:
    row = UserRow.get_or_none(UserRow.name == nfc(name))
    if row is None:
        raise NotFound(
            f"No user {name!r}.", hint="Create one with: scanstation user add NAME --role clerk",
            code="user.not_found", params={"name": name},
        )
    return row


def hoso_row(file_code: str) -> HosoRow:
    row = HosoRow.get_or_none(HosoRow.file_code == nfc(file_code).strip())
    if row is None:
        raise NotFound(f"No hồ sơ {file_code!r}.", hint="List them with: scanstation hoso list",
                       code="hoso.not_found", params={"code": file_code})
    return row


def doc_row(key: str) -> DocumentRow:
    """A document's row by docCode or UUID."""
    key = nfc(key).strip()
    row = DocumentRow.get_or_none((DocumentRow.doc_code == key) | (DocumentRow.uuid == key))
    if row is None:
        raise NotFound(f"No document {key!r}.", code="document.not_found", params={"doc": key})
    return row


def next_value(name: str) -> int:
    """The next value of a named counter; call inside a write transaction."""
    row = CounterRow.get_or_none(CounterRow.name == name)
    value = 1 if row is None else row.value + 1
    CounterRow.insert(name=name, value=value).on_conflict_replace().execute()
    return value


def add_blob(stored: Stored) -> None:
    """Record stored bytes once (a second document with the same bytes links to them)."""
    BlobRow.insert(
        sha256=stored.sha256, size=stored.size, created_at=audit.now()
    ).on_conflict_ignore().execute()


def page_texts(document_id: int) -> list[str]:
    """A document's page texts, first page first."""
    query = PageRow.select().where(PageRow.document == document_id).order_by(PageRow.number)
    return [p.text for p in query]
