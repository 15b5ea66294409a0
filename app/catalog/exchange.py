"""The catalog's exchange: export (PDF + XML, SIP), import of a SIP, and the sync outbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.catalog import audit, convert, lookup, policy, profiles
from app.catalog.errors import Refused, SecretRefused
from app.catalog.export import pdfxml, sip
from app.catalog.export.package import DocumentBundle, HosoBundle, write_entries
from app.catalog.export.reader import PackageDocument, read_package
from app.catalog.models import Hoso, Role, State
from app.catalog.outbox import Outbox
from app.catalog.records import Records
from app.catalog.rows import DocumentRow, FileRow, HosoRow, UserRow
from app.catalog.store import Stored
from app.catalog.validation import validate
from app.errors import InputError


class Exchange(Records):
    """Packages in and out of the catalog, and the outbox that feeds the upward sync."""

    def export(
        self,
        file_code: str,
        out: Path,
        user: str,
        *,
        fmt: str = "pdf-xml",
        for_network: bool = False,
        include_secret: bool = False,
    ) -> Path:
        """Write a hồ sơ as PDF + XML (`pdf-xml`) or as a SIP (`sip`) to a folder or a ZIP.

        `for_network` marks a package meant to leave by a network: every document must pass
        policy.may_leave_machine. A local export refuses state secrets unless
        `include_secret` is given, and flags them in the metadata when it is.
        """
        lookup.require(user, {Role.SUPERVISOR, Role.ADMIN, Role.SIGNER})
        bundle = self._bundle(file_code)
        for item in bundle.documents:
            if for_network:
                policy.ensure_may_leave(item.document)
            elif item.document.secret and not include_secret:
                raise SecretRefused(
                    f"{item.document.doc_code} is a state secret.",
                    hint="Use --include-secret only for an approved hand-over off the network.",
                    code="secret.document", params={"doc": item.document.doc_code},
                )
        if for_network and bundle.hoso.secret:
            raise SecretRefused(f"The hồ sơ {file_code} is marked secret; it never leaves.",
                                code="secret.hoso", params={"code": file_code})
        writers = {"pdf-xml": pdfxml.entries, "sip": sip.entries}
        if fmt not in writers:
            raise Refused(f"Unknown export format {fmt!r}.", hint="Use pdf-xml or sip.",
                          code="export.format", params={"format": fmt})
        written = write_entries(writers[fmt](bundle), out)
        data = {
            "format": fmt,
            "network": for_network,
            "target": str(out),
            "documents": [d.document.doc_code for d in bundle.documents],
        }
        with self.db.atomic():
            audit.append(user, "export", "hoso", bundle.hoso.uuid, data)
        return written

    @property
    def outbox(self) -> Outbox:
        """The sync outbox: queued document versions, their packages, states and receipts."""
        return Outbox(self)

    def network_package(self, key: str, out: Path) -> Path:
        """Write the SIP ZIP of one document (with its hồ sơ) for upward sync.

        Only a document that passes policy.may_leave_machine is written; a secret never is.
        """
        doc = self.document(key)
        policy.ensure_may_leave(doc)
        hoso = self.hoso(doc.hoso_code)
        if hoso.secret:
            raise SecretRefused(f"The hồ sơ {hoso.file_code} is marked secret; it never leaves.",
                                code="secret.hoso", params={"code": hoso.file_code})
        item = DocumentBundle(
            doc,
            tuple(self.page_texts(doc.uuid)),
            tuple(self.store.path(f.sha256) for f in doc.files),
        )
        events = sorted([*audit.entries(hoso.uuid), *audit.entries(doc.uuid)], key=lambda e: e.seq)
        bundle = HosoBundle(lookup.organisation(), hoso, (item,), tuple(events))
        return write_entries(sip.entries(bundle), out)

    def _bundle(self, file_code: str) -> HosoBundle:
        hoso = self.hoso(file_code)
        items = []
        uuids = {hoso.uuid}
        for doc in self.documents(file_code):
            uuids.add(doc.uuid)
            paths = tuple(self.store.path(f.sha256) for f in doc.files)
            items.append(DocumentBundle(doc, tuple(self.page_texts(doc.uuid)), paths))
        events = tuple(e for e in audit.entries() if e.entity_id in uuids)
        return HosoBundle(lookup.organisation(), hoso, tuple(items), events)

    def import_package(self, path: Path, user: str) -> Hoso:
        """Read a SIP written by `export(fmt="sip")` back into this catalog, without loss."""
        lookup.require(user, {Role.SUPERVISOR, Role.ADMIN})
        with self.store.workdir() as work:
            package = read_package(path, work)
            profile = profiles.load(package.profile)
            hoso_meta = validate(profile, "hoso", package.metadata)
            code = str(package.metadata.get("fileCode", ""))
            docs = [
                (d, validate(profile, "document", d.metadata, inherited=hoso_meta))
                for d in sorted(package.documents, key=lambda d: d.number)
            ]
            stored = {f.sha256: self.store.put(f.path) for d, _ in docs for f in d.files}
            with self.db.atomic():
                if HosoRow.get_or_none(HosoRow.file_code == code):
                    raise Refused(f"The hồ sơ {code} already exists in this catalog.",
                                  code="hoso.exists", params={"code": code})
                hoso_meta["fileCode"] = code
                row = HosoRow.create(
                    uuid=package.hoso_uuid,
                    file_code=code,
                    profile=profile.id,
                    title=hoso_meta["title"],
                    metadata=lookup.dump(hoso_meta),
                    secret=policy.is_secret(profile, hoso_meta),
                    next_number=1,
                    created_at=package.created_at,
                )
                audit.append(user, "import", "hoso", row.uuid, {"package": path.name})
                for doc, meta in docs:
                    self._import_document(row.id, profile, doc, meta, stored, user)
            return convert.hoso(row)

    def _import_document(
        self,
        hoso_id: int,
        profile: profiles.Profile,
        doc: PackageDocument,
        meta: dict[str, Any],
        stored: dict[str, Stored],
        user: str,
    ) -> None:
        clerk = self._ensure_user(doc.clerk)
        first, *later = doc.files
        made = self._insert_document(
            hoso_id,
            profile,
            meta,
            list(doc.pages),
            stored[first.sha256],
            clerk,
            None,
            doc_uuid=doc.uuid,
            state=State(doc.state),
        )
        if made.number != doc.number:
            raise InputError(f"Document numbers in the package are not 1..n ({doc.number}).",
                             code="import.numbering", params={"number": doc.number})
        row = lookup.doc_row(doc.uuid)
        DocumentRow.update(reason=doc.reason, created_at=doc.created_at).where(
            DocumentRow.id == row.id
        ).execute()
        FileRow.update(created_at=first.created_at).where(FileRow.document == row.id).execute()
        for version in later:
            item = stored[version.sha256]
            lookup.add_blob(item)
            FileRow.insert(
                document=row.id,
                version=version.version,
                blob=item.sha256,
                kind=version.kind,
                created_at=version.created_at,
            ).execute()
        audit.append(user, "import", "document", doc.uuid, {"doc_code": made.doc_code})

    def _ensure_user(self, name: str) -> str:
        """A user for an imported clerk: the existing one, or a locked account of that name."""
        if UserRow.get_or_none(UserRow.name == name) is None:
            UserRow.create(
                name=name, full_name="", roles=Role.CLERK, password_hash="!", created_at=audit.now()
            )
        return name
