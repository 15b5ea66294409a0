"""The catalog facade: the one writer of the database and the file store."""

from __future__ import annotations

import json
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from peewee import SqliteDatabase

from app.catalog import audit, codes, convert, pdfinfo, policy, profiles, search
from app.catalog.db import DB_NAME, open_database
from app.catalog.errors import (
    InvalidMetadata,
    NotFound,
    NotInitialised,
    Problem,
    Refused,
    SecretRefused,
)
from app.catalog.export import pdfxml, sip
from app.catalog.export.package import DocumentBundle, HosoBundle, write_entries
from app.catalog.export.reader import PackageDocument, read_package
from app.catalog.fsck import FsckReport, fsck
from app.catalog.migrations import migrate
from app.catalog.models import (
    AuditEntry,
    Batch,
    Document,
    Hoso,
    Organisation,
    Role,
    SearchFilters,
    SearchHit,
    State,
    User,
)
from app.catalog.rows import (
    ROWS,
    BatchRow,
    BlobRow,
    CounterRow,
    DocumentRow,
    FileRow,
    HosoRow,
    OrganisationRow,
    PageRow,
    UserRow,
)
from app.catalog.store import ContentStore, Stored
from app.catalog.text import nfc, nfc_deep
from app.catalog.validation import validate
from app.errors import InputError
from app.sync.outbox import Outbox

SYSTEM = "system"
_hasher = PasswordHasher()


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Catalog:
    """One catalog folder: `catalog.sqlite3`, `store/` (files by SHA-256) and `backups/`.

    Open it with `with Catalog.open(folder) as catalog:`; every method returns frozen
    dataclasses. Methods may be called from worker threads (one connection per thread).
    """

    def __init__(self, folder: Path, db: SqliteDatabase) -> None:
        self.folder = folder
        self.db = db
        self.store = ContentStore(folder / "store")

    @classmethod
    def open(cls, folder: Path) -> Catalog:
        """Open (creating or migrating as needed) the catalog in `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        db = open_database(folder / DB_NAME)
        try:
            migrate(db, folder / DB_NAME, folder / "backups")
        except BaseException:
            db.close()
            raise
        db.bind(ROWS)
        return cls(folder, db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # organisation and users

    def init_organisation(
        self, name: str, code: str, profile: str = profiles.DEFAULT_PROFILE
    ) -> Organisation:
        """Record the office that owns this catalog (once)."""
        chosen = profiles.load(profile)
        name, code = nfc(name).strip(), nfc(code).strip()
        problems = [p for p in [codes.org_code_problem(chosen, code)] if p]
        if not name:
            problems.append(Problem("orgName", "Tên cơ quan", "bắt buộc, chưa nhập"))
        if problems:
            raise InvalidMetadata(problems)
        with self.db.atomic():
            if OrganisationRow.select().exists():
                raise Refused("This catalog already has an organisation.")
            OrganisationRow.create(name=name, code=code, profile=chosen.id, created_at=audit.now())
            audit.append(
                SYSTEM, "create", "organisation", code, {"name": name, "profile": chosen.id}
            )
        return Organisation(name=name, code=code, profile=chosen.id)

    def organisation(self) -> Organisation:
        row = OrganisationRow.get_or_none()
        if row is None:
            raise NotInitialised(
                "This catalog has no organisation yet.",
                hint="Run: scanstation catalog init --org-name NAME --org-code CODE",
            )
        return Organisation(name=row.name, code=row.code, profile=row.profile)

    def add_user(
        self,
        name: str,
        roles: Iterable[Role],
        password: str,
        *,
        full_name: str = "",
        by: str = SYSTEM,
    ) -> User:
        """Create a user; the password is stored only as an argon2 hash.

        The first user may be created by `system`; later ones need an admin.
        """
        name = nfc(name).strip()
        chosen = frozenset(Role(r) for r in roles)
        if not name or not chosen:
            raise Refused("A user needs a name and at least one role.")
        if len(password) < 8:
            raise Refused("The password must have at least 8 characters.")
        with self.db.atomic():
            if UserRow.select().exists():
                self._require(by, {Role.ADMIN})
            if UserRow.get_or_none(UserRow.name == name):
                raise Refused(f"The user {name} already exists.")
            UserRow.create(
                name=name,
                full_name=nfc(full_name),
                roles=",".join(sorted(chosen)),
                password_hash=_hasher.hash(password),
                created_at=audit.now(),
            )
            audit.append(by, "create", "user", name, {"roles": sorted(chosen)})
        return User(name=name, roles=chosen, full_name=nfc(full_name))

    def authenticate(self, name: str, password: str) -> User:
        """The user if the password is right; Refused otherwise (same message either way)."""
        row = UserRow.get_or_none(UserRow.name == nfc(name))
        try:
            if row is None:
                raise VerificationError
            _hasher.verify(row.password_hash, password)
        except VerificationError:
            raise Refused("Wrong user name or password.") from None
        return convert.user(row)

    def user(self, name: str) -> User:
        return convert.user(self._user_row(name))

    # hồ sơ and batches

    def create_hoso(
        self, meta: Mapping[str, Any], user: str, *, notation: str | None = None
    ) -> Hoso:
        """Create a hồ sơ; its Mã hồ sơ is given in `meta['fileCode']` or formed from the
        organisation code, the start year and `notation` (next free number when omitted)."""
        org = self.organisation()
        self._require(user, {Role.CLERK, Role.SUPERVISOR, Role.ADMIN})
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
                code = codes.file_code(org.code, year, notation or str(self._next(f"hoso:{year}")))
                problems = codes.file_code_problems(org.code, code)
                if problems:
                    raise InvalidMetadata(problems)
            if HosoRow.get_or_none(HosoRow.file_code == code):
                raise Refused(f"The hồ sơ {code} already exists.")
            clean["fileCode"] = code
            row = HosoRow.create(
                uuid=str(raw.get("uuid") or uuid.uuid4()),
                file_code=code,
                profile=profile.id,
                title=clean["title"],
                metadata=_dump(clean),
                secret=policy.is_secret(profile, clean),
                next_number=1,
                created_at=audit.now(),
            )
            audit.append(user, "create", "hoso", code, {"metadata": clean})
        return convert.hoso(row)

    def hoso(self, file_code: str) -> Hoso:
        return convert.hoso(self._hoso_row(file_code))

    def list_hoso(self) -> list[Hoso]:
        return [convert.hoso(r) for r in HosoRow.select().order_by(HosoRow.file_code)]

    def start_batch(self, clerk: str, device: str, settings: Mapping[str, Any]) -> Batch:
        """Record a scan batch: who scans, on which device, with which settings."""
        self._require(clerk, {Role.CLERK, Role.SUPERVISOR})
        with self.db.atomic():
            row = BatchRow.create(
                uuid=str(uuid.uuid4()),
                clerk=self._user_row(clerk),
                device=nfc(device),
                settings=_dump(nfc_deep(dict(settings))),
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

    # documents

    def add_document(
        self,
        pdf_path: Path,
        meta: Mapping[str, Any],
        clerk: str,
        batch: str | None = None,
        *,
        hoso: str,
        page_texts: Sequence[str] | None = None,
    ) -> Document:
        """File a PDF as the next document of `hoso`; return it (`duplicate_of` lists
        documents already holding the same bytes, which are stored once and linked)."""
        self._require(clerk, {Role.CLERK, Role.SUPERVISOR})
        hoso_row = self._hoso_row(hoso)
        profile = profiles.load(hoso_row.profile)
        clean = validate(
            profile, "document", nfc_deep(dict(meta)), inherited=json.loads(hoso_row.metadata)
        )
        texts = [
            nfc(t) for t in (page_texts if page_texts is not None else pdfinfo.page_texts(pdf_path))
        ]
        stored = self.store.put(pdf_path)
        with self.db.atomic():
            return self._insert_document(hoso_row.id, profile, clean, texts, stored, clerk, batch)

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
        BlobRow.insert(
            sha256=stored.sha256, size=stored.size, created_at=audit.now()
        ).on_conflict_ignore().execute()
        duplicates = tuple(
            d.doc_code
            for d in DocumentRow.select(DocumentRow.doc_code)
            .join(FileRow)
            .where(FileRow.blob == stored.sha256)
            .distinct()
        )
        batch_row = BatchRow.get_or_none(BatchRow.uuid == batch) if batch else None
        if batch and batch_row is None:
            raise NotFound(f"No scan batch {batch}.")
        now = audit.now()
        row = DocumentRow.create(
            uuid=doc_uuid or str(uuid.uuid4()),
            hoso=hoso_id,
            number=number,
            doc_code=code,
            metadata=_dump(clean),
            type_name=str(clean.get("typeName", "")),
            issued_date=str(clean.get("issuedDate", "")),
            state=state,
            reason="",
            secret=bool(hoso_row.secret) or policy.is_secret(profile, clean),
            clerk=self._user_row(clerk),
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
        return convert.document(self._doc_row(key))

    def documents(self, hoso: str) -> list[Document]:
        row = self._hoso_row(hoso)
        query = DocumentRow.select().where(DocumentRow.hoso == row.id).order_by(DocumentRow.number)
        return [convert.document(r) for r in query]

    def page_texts(self, key: str) -> list[str]:
        row = self._doc_row(key)
        return [
            p.text
            for p in PageRow.select().where(PageRow.document == row.id).order_by(PageRow.number)
        ]

    def file_path(self, sha256: str) -> Path:
        """Where the stored bytes with this hash live (read only)."""
        return self.store.path(sha256)

    def update_metadata(self, key: str, changes: Mapping[str, Any], user: str) -> Document:
        """Change metadata fields (a value of None or "" removes a field); audited old → new."""
        self._require(user, {Role.CLERK, Role.SUPERVISOR})
        with self.db.atomic():
            row = self._doc_row(key)
            if State(row.state) not in policy.EDITABLE:
                raise Refused(f"{row.doc_code} is {row.state}; its metadata can no longer change.")
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
            texts = [
                p.text
                for p in PageRow.select().where(PageRow.document == row.id).order_by(PageRow.number)
            ]
            search.unindex(self.db, row.id, search.index_texts(old, texts))
            search.index(self.db, row.id, search.index_texts(clean, texts))
            DocumentRow.update(
                metadata=_dump(clean),
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
        self._require(user, {Role.CLERK, Role.SUPERVISOR})
        texts = [
            nfc(t) for t in (page_texts if page_texts is not None else pdfinfo.page_texts(pdf_path))
        ]
        stored = self.store.put(pdf_path)
        with self.db.atomic():
            row = self._doc_row(key)
            if State(row.state) not in policy.EDITABLE:
                raise Refused(
                    f"{row.doc_code} is {row.state}; its scan can no longer be replaced.",
                    hint="A supervisor must reject it first.",
                )
            doc = convert.document(row)
            old_texts = self.page_texts(doc.uuid)
            BlobRow.insert(
                sha256=stored.sha256, size=stored.size, created_at=audit.now()
            ).on_conflict_ignore().execute()
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
        user_row = self._user_row(user)
        with self.db.atomic():
            row = self._doc_row(key)
            doc = convert.document(row)
            policy.check_transition(doc, State(state), convert.user(user_row).roles, reason)
            if State(state) == State.SYNCED:
                policy.ensure_may_leave(doc)
            self._move(row, State(state), nfc(reason), user, {})
            return convert.document(DocumentRow.get_by_id(row.id))

    def record_signed(self, key: str, signed_pdf: Path, signer: str) -> Document:
        """Store the signed PDF as the document's next version and move it to `signed`."""
        user_row = self._user_row(signer)
        stored = self.store.put(signed_pdf)
        with self.db.atomic():
            row = self._doc_row(key)
            doc = convert.document(row)
            policy.check_transition(doc, State.SIGNED, convert.user(user_row).roles, "")
            BlobRow.insert(
                sha256=stored.sha256, size=stored.size, created_at=audit.now()
            ).on_conflict_ignore().execute()
            version = doc.current.version + 1
            FileRow.insert(
                document=row.id,
                version=version,
                blob=stored.sha256,
                kind="signed",
                created_at=audit.now(),
            ).execute()
            self._move(row, State.SIGNED, "", signer, {"sha256": stored.sha256, "version": version})
            self.outbox.enqueue(row.id)  # the workflow feeds the outbox (never a secret)
            return convert.document(DocumentRow.get_by_id(row.id))

    def _move(
        self, row: DocumentRow, state: State, reason: str, user: str, extra: dict[str, Any]
    ) -> None:
        DocumentRow.update(state=state, reason=reason, updated_at=audit.now()).where(
            DocumentRow.id == row.id
        ).execute()
        action = "sign" if state == State.SIGNED else "sync" if state == State.SYNCED else "state"
        data = {"from": row.state, "to": str(state), **extra}
        if reason:
            data["reason"] = reason
        audit.append(user, action, "document", row.uuid, data)

    # search, history, checks

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """Ranked hits; diacritics optional in the query, exact matches first."""
        return search.search(self.db, query, filters or SearchFilters(), limit)

    def history(self, key: str) -> list[AuditEntry]:
        """Every audit entry about one document, oldest first."""
        return list(audit.entries(self._doc_row(key).uuid))

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

    # export and import

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
        self._require(user, {Role.SUPERVISOR, Role.ADMIN, Role.SIGNER})
        bundle = self._bundle(file_code)
        for item in bundle.documents:
            if for_network:
                policy.ensure_may_leave(item.document)
            elif item.document.secret and not include_secret:
                raise SecretRefused(
                    f"{item.document.doc_code} is a state secret.",
                    hint="Use --include-secret only for an approved hand-over off the network.",
                )
        if for_network and bundle.hoso.secret:
            raise SecretRefused(f"The hồ sơ {file_code} is marked secret; it never leaves.")
        writers = {"pdf-xml": pdfxml.entries, "sip": sip.entries}
        if fmt not in writers:
            raise Refused(f"Unknown export format {fmt!r}.", hint="Use pdf-xml or sip.")
        written = write_entries(writers[fmt](bundle), out)
        self.record_event(
            user,
            "export",
            "hoso",
            bundle.hoso.uuid,
            {
                "format": fmt,
                "network": for_network,
                "target": str(out),
                "documents": [d.document.doc_code for d in bundle.documents],
            },
        )
        return written

    # upward sync

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
            raise SecretRefused(f"The hồ sơ {hoso.file_code} is marked secret; it never leaves.")
        item = DocumentBundle(
            doc,
            tuple(self.page_texts(doc.uuid)),
            tuple(self.store.path(f.sha256) for f in doc.files),
        )
        events = sorted([*audit.entries(hoso.uuid), *audit.entries(doc.uuid)], key=lambda e: e.seq)
        bundle = HosoBundle(self.organisation(), hoso, (item,), tuple(events))
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
        return HosoBundle(self.organisation(), hoso, tuple(items), events)

    def import_package(self, path: Path, user: str) -> Hoso:
        """Read a SIP written by `export(fmt="sip")` back into this catalog, without loss."""
        self._require(user, {Role.SUPERVISOR, Role.ADMIN})
        with tempfile.TemporaryDirectory(dir=self.store.tmp) as work:
            package = read_package(path, Path(work))
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
                    raise Refused(f"The hồ sơ {code} already exists in this catalog.")
                hoso_meta["fileCode"] = code
                row = HosoRow.create(
                    uuid=package.hoso_uuid,
                    file_code=code,
                    profile=profile.id,
                    title=hoso_meta["title"],
                    metadata=_dump(hoso_meta),
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
            raise InputError(f"Document numbers in the package are not 1..n ({doc.number}).")
        row = self._doc_row(doc.uuid)
        DocumentRow.update(reason=doc.reason, created_at=doc.created_at).where(
            DocumentRow.id == row.id
        ).execute()
        FileRow.update(created_at=first.created_at).where(FileRow.document == row.id).execute()
        for version in later:
            item = stored[version.sha256]
            BlobRow.insert(
                sha256=item.sha256, size=item.size, created_at=audit.now()
            ).on_conflict_ignore().execute()
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

    # helpers

    def _require(self, name: str, roles: set[Role]) -> None:
        user = convert.user(self._user_row(name))
        if not user.roles & roles:
            raise Refused(f"{name} needs one of the roles {', '.join(sorted(roles))} for this.")

    def _user_row(self, name: str) -> UserRow:
        row = UserRow.get_or_none(UserRow.name == nfc(name))
        if row is None:
            raise NotFound(
                f"No user {name!r}.", hint="Create one with: scanstation user add NAME --role clerk"
            )
        return row

    def _hoso_row(self, file_code: str) -> HosoRow:
        row = HosoRow.get_or_none(HosoRow.file_code == nfc(file_code).strip())
        if row is None:
            raise NotFound(f"No hồ sơ {file_code!r}.", hint="List them with: scanstation hoso list")
        return row

    def _doc_row(self, key: str) -> DocumentRow:
        key = nfc(key).strip()
        row = DocumentRow.get_or_none((DocumentRow.doc_code == key) | (DocumentRow.uuid == key))
        if row is None:
            raise NotFound(f"No document {key!r}.")
        return row

    def _next(self, name: str) -> int:
        """The next value of a named counter; call inside a write transaction."""
        row = CounterRow.get_or_none(CounterRow.name == name)
        value = 1 if row is None else row.value + 1
        CounterRow.insert(name=name, value=value).on_conflict_replace().execute()
        return value
