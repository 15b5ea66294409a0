"""A signed file extended with validation data (B-LT / B-LTA), filed as the next version."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.catalog import audit, convert
from app.catalog.errors import NotFound, Refused
from app.catalog.models import Document, SyncState
from app.catalog.outbox import SYNC_USER, version_key
from app.catalog.rows import BlobRow, DocumentRow, FileRow, OutboxRow

if TYPE_CHECKING:
    from app.catalog.service import Catalog


def record_extension(
    catalog: Catalog, doc_uuid: str, extended: Path, level: str, outbox_item: int | None = None
) -> Document:
    """Store `extended` (the current signed file plus a DSS / document timestamp update) as the
    document's next version, kind `signed`, state unchanged; audited as `extend`.

    The outbox item being sent (`outbox_item`, not yet packaged) is re-keyed to the new version,
    so the extension goes up in its place instead of as one more version. The caller checked
    that `extended` starts with the current file's bytes and verifies.
    """
    stored = catalog.store.put(extended)
    with catalog.db.atomic():
        row = DocumentRow.get_or_none(DocumentRow.uuid == doc_uuid)
        if row is None:
            raise NotFound(f"No document {doc_uuid!r}.", code="document.not_found",
                           params={"doc": doc_uuid})
        doc = convert.document(row)
        if doc.current.kind != "signed":
            raise Refused(f"{doc.doc_code}: the newest file is not signed; nothing to extend.",
                          code="extension.not_signed", params={"doc": doc.doc_code})
        if doc.current.sha256 == stored.sha256:
            return doc
        now = audit.now()
        BlobRow.insert(
            sha256=stored.sha256, size=stored.size, created_at=now
        ).on_conflict_ignore().execute()
        version = doc.current.version + 1
        FileRow.insert(
            document=row.id, version=version, blob=stored.sha256, kind="signed", created_at=now
        ).execute()
        DocumentRow.update(updated_at=now).where(DocumentRow.id == row.id).execute()
        audit.append(
            SYNC_USER,
            "extend",
            "document",
            doc.uuid,
            {
                "level": level,
                "sha256": stored.sha256,
                "version": version,
                "replaces": doc.current.sha256,
            },
        )
        updated = convert.document(DocumentRow.get_by_id(row.id))
        if outbox_item is not None:
            OutboxRow.update(version_key=version_key(updated), updated_at=now).where(
                (OutboxRow.id == outbox_item)
                & (OutboxRow.document == row.id)
                & (OutboxRow.state == SyncState.PENDING)
                & (OutboxRow.package_sha256 == "")
            ).execute()
        return updated
