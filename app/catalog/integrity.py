"""The catalog's integrity: the stored files checked against their rows, the audit chain."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.catalog import audit
from app.catalog.base import CatalogBase
from app.catalog.fsck import FsckReport, fsck
from app.catalog.rows import BlobRow

_HEX64 = re.compile("[0-9a-f]{64}")


class Integrity(CatalogBase):
    """Checks of the store and the audit chain, and audit entries for work done outside."""

    def audit_verify(self) -> list[str]:
        return audit.verify()

    def record_event(
        self, user: str, action: str, entity: str, entity_id: str, data: Mapping[str, Any]
    ) -> None:
        """Append an audit entry for an action done outside the database (e.g. an export)."""
        with self.db.atomic():
            audit.append(user, action, entity, entity_id, data)

    def fsck(self, *, repair: bool = False) -> FsckReport:
        """Check every stored file against its row and hash; `repair` fixes what is safe."""
        with self.db.atomic():  # hold the write lock so no add runs meanwhile
            return fsck(self.db, self.store, self.folder, repair=repair)

    def drop_unfiled(self, sha256: str) -> bool:
        """Remove stored bytes that no row names: the copy of a filing killed before its
        commit, whose UUID the caller knows never reached the catalog. True when removed."""
        if not _HEX64.fullmatch(sha256):
            return False
        with self.db.atomic():  # hold the write lock so no add commits meanwhile
            if BlobRow.get_or_none(BlobRow.sha256 == sha256) is not None:
                return False
            path = self.store.path(sha256)
            if not path.is_file():
                return False
            path.unlink()
            return True
