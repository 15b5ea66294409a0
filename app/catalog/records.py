"""The catalog's records: hồ sơ, scan batches, documents and their versions, their workflow."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from app.catalog import (
    audit,
    codes,
    convert,
    lookup,
    outbox,
    pdfinfo,
    policy,
    profiles,
    search,
    workflow,
)
from app.catalog.base import CatalogBase
from app.catalog.errors import InvalidMetadata, NotFound, Refused
from app.catalog.models import (
    AuditEntry,
    Batch,
    Document,
    Hoso,
    Role,
    SearchFilters,
    SearchHit,
    State,
)
from app.catalog.rows import BatchRow, DocumentRow, FileRow, HosoRow, PageRow
from app.catalog.store import Stored
from app.catalog.text import nfc, nfc_deep
from app.catalog.validation import validate


class Records(CatalogBase):
    """Hồ sơ, batches and documents: filing, versions, metadata edits, states and search."""

    def create_hoso(
        self, meta: Mapping[str, Any], user: str, *, notation: str | None = None
    ) -> Hoso:
        """Create a hồ sơ; its Mã hồ sơ is given in `meta['fileCode']` or formed from the
        organisation code, the start year and `notation` (next free number when omitted)."""
        org = lookup.organisation()
        lookup.require(user, {Role.CLERK, Role.SUPERVISOR, Role.ADMIN})
        profile = profiles.load(org.profile)
        raw = nfc_deep(dict(meta))
        clean = validate(profile, "hoso", raw)
        with self.db.atomic():
            given = str(raw.get("fileCode") or "").strip()
            year = int(str(clean["startDate"])[:4])
            if given:
                problems = codes.file_code_problems(org.code, given)
                if problems:
                    raise InvalidMetadata(problems)
                code = given
            else:
                number = notation or str(lookup.next_value(f"hoso:{year}"))
                code = codes.file_code(org.code, year, number)
                problems = codes.file_code_problems(org.code, code)
                if problems:
                    raise InvalidMetadata(problems)
            if HosoRow.get_or_none(HosoRow.file_code == code):
                raise Refused(f"The hồ sơ {code} already exists.", code="hoso.exists",
                              params={"code": code})
            clean["fileCode"] = code
            row = HosoRow.create(
                uuid=str(raw.get("uuid") or uuid.uuid4()),
                file_code=code,
                profile=profile.id,
                title=clean["title"],
                metadata=lookup.dump(clean),
                secret=policy.is_secret(profile, clean),
                next_number=1,
                created_at=audit.now(),
            )
            audit.append(user, "create", "hoso", code, {"metadata": clean})
        return convert.hoso(row)

    def hoso(self, file_code: str) -> Hoso:
        return convert.hoso(lookup.hoso_row(file_code))

    def list_hoso(self) -> list[Hoso]:
        return [convert.hoso(r) for r in HosoRow.select().order_by(HosoRow.file_code)]

    def start_batch(self, clerk: str, device: str, settings: Mapping[str, Any]) -> Batch:
        """Record a scan batch: who scans, on which device, with which settings."""
        lookup.require(clerk, {Role.CLERK, Role.SUPERVISOR})
        with self.db.atomic():
            row = BatchRow.create(
                uuid=str(uuid.uuid4()),
                clerk=lookup.user_row(clerk),
                device=nfc(device),
                settings=lookup.dump(nfc_deep(dict(settings))),
                started_at=audit.now(),
            )
            audit.append(clerk, "create", "batch", row.uuid, {"device": row.device})
        return convert.batch(row)

    def list_batches(self) -> list[Batch]:
        cursor = self.db.execute_sql("SELECT batch_id, COUNT(*) FROM document GROUP BY batch_id")
        counts: dict[int, int] = {int(b or 0): int(n) for b, n in cursor.fetchall()}
        return [
            convert.batch(r, counts.get(r.id, 0))
            for r in BatchRow.select().order_by(BatchRow.started_at.desc())
        ]

    def add_document(
        self,
        pdf_path: Path,
        meta: Mapping[str, Any],
        clerk: str,
        batch: str | None = None,
        *,
        hoso: str,
        page_texts: Sequence[str] | None = None,
        doc_uuid: str | None = None,
    ) -> Document:
        """File a PDF as the next document of `hoso`; return it (`duplicate_of` lists
        documents already holding the same bytes, which are stored once and linked).

        `doc_uuid` is the document's UUID when the caller chose it beforehand (the desk
        journals it first, so a restart can tell whether the filing reached the catalog)."""
        lookup.require(clerk, {Role.CLERK, Role.SUPERVISOR})
        hoso_row = lookup.hoso_row(hoso)
        profile = profiles.load(hoso_row.profile)
        clean = validate(
            profile, "document", nfc_deep(dict(meta)), inherited=json.loads(hoso_row.metadata)
        )
        texts = [
            nfc(t) for t in (page_texts if page_texts is not None else pdfinfo.page_texts(pdf_path))
        ]
        stored = self.store.put(pdf_path)
        with self.db.atomic():
            return self._insert_document(hoso_row.id, profile, clean, texts, stored, clerk, batch,
                                         doc_uuid=doc_uuid)

    def _insert_document(
        self,
        hoso_id: int,
        profile: profiles.Profile,
        clean: dict[str, Any],
        texts: list[str],
        stored: Stored,
        clerk: str,
        batch: str | None,
        *,
        doc_uuid: str | None = None,
        state: State = State.SCANNED,
    ) -> Document:
        hoso_row = HosoRow.get_by_id(hoso_id)  # re-read under the write lock
        number = hoso_row.next_number
        HosoRow.update(next_number=number + 1).where(HosoRow.id == hoso_id).execute()
        code = codes.doc_code(profile, hoso_row.file_code, number)
        clean = {**clean, "docCode": code}
        lookup.add_blob(stored)
        duplicates = tuple(
            d.doc_code
            for d in DocumentRow.select(DocumentRow.doc_code)
            .join(FileRow)
            .where(FileRow.blob == stored.sha256)
            .distinct()
        )
        batch_row = BatchRow.get_or_none(BatchRow.uuid == batch) if batch else None
        if batch and batch_row is None:
            raise NotFound(f"No scan batch {batch}.", code="batch.not_found",
                           params={"batch": batch})
        now = audit.now()
        row = DocumentRow.create(
            uuid=doc_uuid or str(uuid.uuid4()),
            hoso=hoso_id,
            number=number,
            doc_code=code,
            metadata=lookup.dump(clean),
            type_name=str(clean.get("typeName", "")),
            issued_date=str(clean.get("issuedDate", "")),
            state=state,
            reason="",
            secret=bool(hoso_row.secret) or policy.is_secret(profile, clean),
            clerk=lookup.user_row(clerk),
            batch=batch_row,
            page_count=len(texts),
            created_at=now,
            updated_at=now,
        )
        FileRow.insert(
            document=row.id, version=1, blob=stored.sha256, kind="scan", created_at=now
        ).execute()
        if texts:
            PageRow.insert_many(
                [(row.id, i + 1, t) for i, t in enumerate(texts)],
                fields=[PageRow.document, PageRow.number, PageRow.text],
            ).execute()
        search.index(self.db, row.id, search.index_texts(clean, texts))
        data: dict[str, Any] = {
            "doc_code": code,
            "sha256": stored.sha256,
            "hoso": hoso_row.file_code,
        }
        if duplicates:
            data["duplicate_of"] = list(duplicates)
        audit.append(clerk, "create", "document", row.uuid, data)
        return convert.document(row, duplicates)

    def document(self, key: str) -> Document:
        """A document by docCode or UUID."""
        return convert.document(lookup.doc_row(key))

    def documents(self, hoso: str) -> list[Document]:
        row = lookup.hoso_row(hoso)
        query = DocumentRow.select().where(DocumentRow.hoso == row.id).order_by(DocumentRow.number)
        return [convert.document(r) for r in query]

    def page_texts(self, key: str) -> list[str]:
        return lookup.page_texts(lookup.doc_row(key).id)

    def file_path(self, sha256: str) -> Path:
        """Where the stored bytes with this hash live (read only)."""
        return self.store.path(sha256)

    def update_metadata(self, key: str, changes: Mapping[str, Any], user: str) -> Document:
        """Change metadata fields (a value of None or "" removes a field); audited old → new."""
        lookup.require(user, {Role.CLERK, Role.SUPERVISOR})
        with self.db.atomic():
            row = lookup.doc_row(key)
            if State(row.state) not in policy.EDITABLE:
                raise Refused(f"{row.doc_code} is {row.state}; its metadata can no longer change.",
                              code="document.metadata_locked",
                              params={"doc": row.doc_code, "state": row.state})
            profile = profiles.load(row.hoso.profile)
            old: dict[str, Any] = json.loads(row.metadata)
            merged = {k: v for k, v in old.items() if k != "docCode"}
            merged.update(nfc_deep(dict(changes)))
            clean = validate(profile, "document", merged, inherited=json.loads(row.hoso.metadata))
            clean["docCode"] = row.doc_code
            diff = {
                tag: [old.get(tag), clean.get(tag)]
                for tag in sorted(set(old) | set(clean))
                if old.get(tag) != clean.get(tag)
            }
            if not diff:
                return convert.document(row)
            texts = lookup.page_texts(row.id)
            search.unindex(self.db, row.id, search.index_texts(old, texts))
            search.index(self.db, row.id, search.index_texts(clean, texts))
            DocumentRow.update(
                metadata=lookup.dump(clean),
                type_name=str(clean.get("typeName", "")),
                issued_date=str(clean.get("issuedDate", "")),
                secret=bool(row.hoso.secret) or policy.is_secret(profile, clean),
                updated_at=audit.now(),
            ).where(DocumentRow.id == row.id).execute()
            audit.append(user, "edit", "document", row.uuid, {"changes": diff})
            return convert.document(DocumentRow.get_by_id(row.id))

    def replace_scan(
        self,
        key: str,
        pdf_path: Path,
        user: str,
        *,
        page_texts: Sequence[str] | None = None,
    ) -> Document:
        """File a rescanned PDF as the document's next version: same UUID, docCode and file
        name; the older versions stay in the store untouched; pages and search follow the new
        scan. Only while its metadata may still change (scanned, indexed, rejected); audited."""
        lookup.require(user, {Role.CLERK, Role.SUPERVISOR})
        texts = [
            nfc(t) for t in (page_texts if page_texts is not None else pdfinfo.page_texts(pdf_path))
        ]
        stored = self.store.put(pdf_path)
        with self.db.atomic():
            row = lookup.doc_row(key)
            if State(row.state) not in policy.EDITABLE:
                raise Refused(
                    f"{row.doc_code} is {row.state}; its scan can no longer be replaced.",
                    hint="A supervisor must reject it first.",
                    code="document.scan_locked", params={"doc": row.doc_code, "state": row.state},
                )
            doc = convert.document(row)
            old_texts = self.page_texts(doc.uuid)
            lookup.add_blob(stored)
            version = doc.current.version + 1
            now = audit.now()
            FileRow.insert(
                document=row.id, version=version, blob=stored.sha256, kind="scan", created_at=now
            ).execute()
            PageRow.delete().where(PageRow.document == row.id).execute()
            if texts:
                PageRow.insert_many(
                    [(row.id, i + 1, t) for i, t in enumerate(texts)],
                    fields=[PageRow.document, PageRow.number, PageRow.text],
                ).execute()
            search.unindex(self.db, row.id, search.index_texts(doc.metadata, old_texts))
            search.index(self.db, row.id, search.index_texts(doc.metadata, texts))
            DocumentRow.update(page_count=len(texts), updated_at=now).where(
                DocumentRow.id == row.id
            ).execute()
            audit.append(
                user,
                "rescan",
                "document",
                row.uuid,
                {
                    "sha256": stored.sha256,
                    "version": version,
                    "replaces": doc.current.sha256,
                    "page_count": [doc.page_count, len(texts)],
                },
            )
            return convert.document(DocumentRow.get_by_id(row.id))

    def set_state(self, key: str, state: State, user: str, reason: str = "") -> Document:
        """Move a document along its workflow; the user's roles and the reason are checked."""
        user_row = lookup.user_row(user)
        with self.db.atomic():
            row = lookup.doc_row(key)
            doc = convert.document(row)
            policy.check_transition(doc, State(state), convert.user(user_row).roles, reason)
            if State(state) == State.SYNCED:
                policy.ensure_may_leave(doc)
            workflow.move(row, State(state), nfc(reason), user, {})
            return convert.document(DocumentRow.get_by_id(row.id))

    def record_signed(self, key: str, signed_pdf: Path, signer: str) -> Document:
        """Store the signed PDF as the document's next version and move it to `signed`."""
        user_row = lookup.user_row(signer)
        stored = self.store.put(signed_pdf)
        with self.db.atomic():
            row = lookup.doc_row(key)
            doc = convert.document(row)
            policy.check_transition(doc, State.SIGNED, convert.user(user_row).roles, "")
            lookup.add_blob(stored)
            version = doc.current.version + 1
            FileRow.insert(
                document=row.id,
                version=version,
                blob=stored.sha256,
                kind="signed",
                created_at=audit.now(),
            ).execute()
            signed = {"sha256": stored.sha256, "version": version}
            workflow.move(row, State.SIGNED, "", signer, signed)
            outbox.enqueue(row.id)  # the workflow feeds the outbox (never a secret)
            return convert.document(DocumentRow.get_by_id(row.id))

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """Ranked hits; diacritics optional in the query, exact matches first."""
        return search.search(self.db, query, filters or SearchFilters(), limit)

    def history(self, key: str) -> list[AuditEntry]:
        """Every audit entry about one document, oldest first."""
        return list(audit.entries(lookup.doc_row(key).uuid))
