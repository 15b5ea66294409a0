"""Complete an upload: check it whole, then store the package and its documents."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from app.catalog.export.limits import Limits, PackageRefused
from app.catalog.export.reader import Package, read_package
from app.catalog.text import fold
from app.errors import InputError

from .auth import Principal, now
from .db import Pool
from .errors import ApiError
from .signatures import SignatureChecker
from .storage import BlobStore
from .uploads import Upload, UploadSpool, existing_receipt

SEARCH_FIELDS = ("docCode", "subject", "organName", "codeNumber", "codeNotation", "keyword")
CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-]{0,127}")  # Mã hồ sơ, docCode (also file names)


@dataclass(frozen=True)
class Services:
    """What ingesting needs: the database, the blob store, the spool, the verifier, the
    limits on what a package may unpack, and the gate that bounds completions at once."""

    pool: Pool
    store: BlobStore
    spool: UploadSpool
    checker: SignatureChecker
    gate: threading.Semaphore  # completion_gate(the pool's size)
    limits: Limits = field(default_factory=Limits)


def completion_gate(pool_size: int) -> threading.Semaphore:
    """How many completions one process runs at once: half the pool's connections. A
    completion holds at most one for its whole length (the upload's row lock on object
    storage, its new rows go into the same transaction) and takes a second only when the
    same package completes concurrently, so the other half always frees one; it keeps
    connections for appends, declares and the web catalog meanwhile."""
    return threading.BoundedSemaphore(max(1, pool_size // 2))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def complete(services: Services, principal: Principal, upload: Upload) -> dict[str, Any]:
    """Verify the finished upload and store it once; return the receipt (the same each time).

    The hash, the package (app.catalog.export.reader: names, limits, every checksum computed from
    the bytes), the organisation and the signatures are checked; only then are the package, each
    document's newest PDF and a new version of each document stored, under the hashes computed here.
    """
    found = existing_receipt(services.pool, upload.sha256, principal)
    if found is not None:
        services.spool.discard(services.pool, upload)
        return found
    with services.gate, services.spool.finished(services.pool, upload) as part:
        return _complete(services, principal, upload, part)  # no append meanwhile


def _complete(
    services: Services, principal: Principal, upload: Upload, part: Path
) -> dict[str, Any]:
    try:
        if _sha256(part) != upload.sha256:
            raise ApiError(
                422, "checksum_mismatch", "The package's SHA-256 is not the one declared."
            )
        with tempfile.TemporaryDirectory(dir=services.spool.root) as work:
            package = _checked(services, principal, part, Path(work))
            receipt = _store(services, principal, upload, part, package)
    except ApiError as err:
        if err.status != 409:
            services.spool.discard(services.pool, upload)  # refused: nothing is kept
        raise
    services.spool.discard(services.pool, upload)
    return receipt


def _checked(services: Services, principal: Principal, part: Path, work: Path) -> Package:
    try:
        package = read_package(part, work, services.limits)
    except InputError as err:
        why = err.message.replace(str(part), "the package").replace(str(work), "")  # no paths
        if isinstance(err, PackageRefused):
            raise ApiError(413 if err.too_large else 422, err.reason, why) from err
        raise ApiError(422, "bad_package", f"The package is not valid: {why}") from err
    org = package.organisation
    if org != principal.org:
        raise ApiError(
            403, "wrong_org", f"The package is for organisation {org}, not this station's."
        )
    if not package.documents:
        raise ApiError(422, "bad_package", "The package holds no document.")
    hoso = str(package.metadata.get("fileCode", ""))
    for code in [hoso, *(_doc_code(hoso, doc) for doc in package.documents)]:
        if not CODE.fullmatch(code):
            shown = code[:60].encode("unicode_escape").decode("ascii")
            raise ApiError(422, "bad_metadata", f"{shown!r} is not a Mã hồ sơ or docCode.")
    for doc in package.documents:
        if not doc.files or doc.files[-1].kind != "signed":
            raise ApiError(422, "unsigned", f"Document {doc.uuid}: the newest file is not signed.")
        for item in doc.files:
            if item.kind != "signed":
                continue
            problems = services.checker.problems(item.path.read_bytes(), doc.uuid)
            if problems:
                raise ApiError(
                    422,
                    "bad_signature",
                    f"Document {doc.uuid} version {item.version}: " + "; ".join(problems),
                )
    return package


def _store(
    services: Services, principal: Principal, upload: Upload, part: Path, package: Package
) -> dict[str, Any]:
    for doc in package.documents:  # the PDF its version row names; the package holds them all
        newest = doc.files[-1]
        services.store.put_file(newest.path, newest.sha256)
    services.store.put_file(part, upload.sha256)
    server_id = uuid.uuid4().hex
    received = now()
    hoso_code = str(package.metadata.get("fileCode", ""))
    try:
        with services.spool.transaction(services.pool, upload) as conn:
            documents = [
                _insert(conn, principal, server_id, hoso_code, doc) for doc in package.documents
            ]
            receipt = {
                "server_id": server_id,
                "sha256": upload.sha256,
                "size": upload.size,
                "received_at": received.isoformat(),
                "documents": documents,
            }
            conn.execute(
                "INSERT INTO package (server_id, sha256, size, org, station_id, received_at,"
                " hoso_code, receipt) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)",
                (
                    server_id,
                    upload.sha256,
                    upload.size,
                    principal.org,
                    principal.name,
                    received,
                    hoso_code,
                    json.dumps(receipt),
                ),
            )
            for doc, made in zip(package.documents, documents, strict=True):
                _add_version(conn, principal, server_id, doc, made, received)
    except psycopg.errors.UniqueViolation:  # the same package completed concurrently
        again = existing_receipt(services.pool, upload.sha256, principal)
        assert again is not None
        return again
    return receipt


def _doc_code(hoso: str, doc: Any) -> str:
    return str(doc.metadata.get("docCode") or f"{hoso}.{doc.number:07d}")


def _insert(
    conn: psycopg.Connection, principal: Principal, server_id: str, hoso: str, doc: Any
) -> dict[str, Any]:
    code = _doc_code(hoso, doc)
    row = conn.execute(
        "INSERT INTO document (uuid, org, doc_code, hoso_code, latest) VALUES (%s,%s,%s,%s,1)"
        " ON CONFLICT (uuid) DO UPDATE SET latest = document.latest + 1"
        " WHERE document.org = EXCLUDED.org RETURNING latest",
        (doc.uuid, principal.org, code, hoso),
    ).fetchone()
    if row is None:
        raise ApiError(403, "wrong_org", f"Document {doc.uuid} belongs to another organisation.")
    return {"uuid": doc.uuid, "doc_code": code, "version": int(row[0])}


def _add_version(
    conn: psycopg.Connection,
    principal: Principal,
    server_id: str,
    doc: Any,
    made: dict[str, Any],
    received: Any,
) -> None:
    meta: dict[str, Any] = dict(doc.metadata)
    texts = [
        " ".join(map(str, v)) if isinstance(v, list) else str(v)
        for k, v in meta.items()
        if k in SEARCH_FIELDS
    ]
    words = fold(" ".join([made["doc_code"], *texts, *doc.pages]))
    conn.execute(
        "INSERT INTO version (document_uuid, version, package_id, org, pdf_sha256, metadata,"
        " subject, search, received_at)"
        " VALUES (%s,%s,%s,%s,%s,%s,%s,to_tsvector('simple', %s),%s)",
        (
            doc.uuid,
            made["version"],
            server_id,
            principal.org,
            doc.files[-1].sha256,
            json.dumps(meta, ensure_ascii=False),
            str(meta.get("subject", "")),
            words,
            received,
        ),
    )
