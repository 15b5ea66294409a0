"""Before a document leaves: extend its signatures to B-LT (B-LTA with a timestamp server)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]

from app.catalog.extension import record_extension
from app.catalog.models import OutboxItem
from app.signing.errors import DocumentRejected, NetworkUnavailable
from app.signing.ltv import LtExtender

if TYPE_CHECKING:
    from app.catalog.service import Catalog


@dataclass(frozen=True)
class LtvOptions:
    """Trust roots for the chains, an optional RFC 3161 server, and how long an upload waits
    for an unreachable CA before the document goes up without validation data."""

    roots: tuple[asn1_x509.Certificate, ...]
    tsa_url: str | None = None
    wait_hours: float = 72.0


class Deferred(Exception):
    """The CA (OCSP/CRL) or the timestamp server did not answer: send this item later."""

    def __init__(self, message: str, message_vi: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_vi = message_vi


@dataclass(frozen=True)
class Outcome:
    """What the step did: `extended` (with its level), `already`, or `skipped` (why)."""

    kind: str
    detail: str = ""


class Extender:
    """The pre-upload step of the sync worker for one catalog."""

    def __init__(self, catalog: Catalog, options: LtvOptions) -> None:
        self.catalog = catalog
        self.options = options
        self.lt = LtExtender(list(options.roots), options.tsa_url)

    def before_upload(self, item: OutboxItem) -> Outcome:
        """Extend the item's document unless its package is built already or it carries
        validation data. Raises Deferred while the CA is unreachable and the wait is not over;
        after it, and for a chain no wait can fix (untrusted, revoked), the document goes up
        as it is (the server verifies it on arrival) and the outcome says why."""
        if item.package_sha256:
            return Outcome("already", "package built earlier")
        doc = self.catalog.document(item.doc_uuid)
        if doc.current.kind != "signed":
            return Outcome("skipped", "not signed")
        source = self.catalog.file_path(doc.current.sha256)
        with self.catalog.store.workdir() as work:
            out = work / "extended.pdf"
            try:
                result = self.lt.extend(source, output=out, unless_extended=True)
            except NetworkUnavailable as err:
                if self._waited_enough(item):
                    return Outcome("skipped", f"CA unreachable for too long: {err}")
                raise Deferred(str(err), err.message_vi) from err
            except DocumentRejected as err:
                return Outcome("skipped", str(err))
            if result is None:
                return Outcome("already", "carries validation data")
            record_extension(self.catalog, doc.uuid, out, result.level, item.id)
        return Outcome("extended", result.level)

    def _waited_enough(self, item: OutboxItem) -> bool:
        queued = datetime.datetime.fromisoformat(item.created_at)
        age = datetime.datetime.now(datetime.UTC) - queued
        return age >= datetime.timedelta(hours=self.options.wait_hours)
