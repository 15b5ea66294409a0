"""Turn peewee rows into the domain dataclasses the catalog hands out."""

from __future__ import annotations

import json

from app.catalog import codes, profiles
from app.catalog.models import Batch, Document, FileVersion, Hoso, Role, State, User
from app.catalog.rows import BatchRow, BlobRow, DocumentRow, FileRow, HosoRow, UserRow


def user(row: UserRow) -> User:
    return User(
        name=row.name,
        roles=frozenset(Role(r) for r in row.roles.split(",") if r),
        full_name=row.full_name,
        disabled=bool(row.disabled),
        must_change_password=bool(row.must_change_password),
    )


def hoso(row: HosoRow) -> Hoso:
    return Hoso(
        uuid=row.uuid,
        file_code=row.file_code,
        title=row.title,
        profile=row.profile,
        metadata=json.loads(row.metadata),
        secret=bool(row.secret),
        created_at=row.created_at,
    )


def batch(row: BatchRow, documents: int = 0) -> Batch:
    return Batch(
        uuid=row.uuid,
        clerk=row.clerk.name,
        device=row.device,
        settings=json.loads(row.settings),
        started_at=row.started_at,
        documents=documents,
    )


def document(row: DocumentRow, duplicate_of: tuple[str, ...] = ()) -> Document:
    files = tuple(
        FileVersion(
            version=f.version,
            sha256=f.blob.sha256,
            size=f.blob.size,
            kind=f.kind,
            created_at=f.created_at,
        )
        for f in FileRow.select(FileRow, BlobRow)
        .join(BlobRow)
        .where(FileRow.document == row.id)
        .order_by(FileRow.version)
    )
    profile = profiles.load(row.hoso.profile)
    return Document(
        uuid=row.uuid,
        hoso_code=row.hoso.file_code,
        number=row.number,
        doc_code=row.doc_code,
        file_name=codes.pdf_name(profile, row.hoso.file_code, row.number),
        metadata=json.loads(row.metadata),
        state=State(row.state),
        reason=row.reason,
        secret=bool(row.secret),
        clerk=row.clerk.name,
        batch=row.batch.uuid if row.batch is not None else None,
        page_count=row.page_count,
        files=files,
        created_at=row.created_at,
        duplicate_of=duplicate_of,
    )
