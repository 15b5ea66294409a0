"""The FastAPI application: enrollment, resumable uploads, search, counts and downloads."""

import asyncio
import contextlib
import datetime
import hashlib
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from . import auth, backends, ingest, query, uploads, web
from .config import Config, load
from .db import Pool, create_schema
from .errors import ApiError
from .signatures import SignatureChecker

API_VERSION = "1"
CONFIG_ENV = "SCANSTATION_SERVER_CONFIG"  # the configuration file, for uvicorn's workers
PURGE_EVERY = 3600.0  # seconds between two purges of abandoned uploads (at most)
_basic = HTTPBasic(auto_error=False, realm="scanstation")
log = logging.getLogger("scanstation.server")


class EnrollRequest(BaseModel):
    """A one-time code from the server admin and a name for the station."""

    code: str = Field(min_length=4, max_length=64)
    name: str = Field(default="", max_length=200)


class UploadRequest(BaseModel):
    """The package about to be sent: its SHA-256 and size in bytes."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1)


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Any:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def create_app(config: Config) -> FastAPI:
    """The server for `config`; the schema is created at start-up when missing."""
    pool = Pool(config.dsn, config.db_pool)
    store, spool = backends.storage(config, pool)
    services = ingest.Services(
        pool,
        store,
        spool,
        SignatureChecker(config),
        ingest.completion_gate(config.db_pool),
        config.package_limits,
    )
    authenticator = auth.Authenticator(pool, config)
    abandoned = datetime.timedelta(hours=config.abandoned_upload_hours)

    async def purge_periodically() -> None:
        while True:
            try:
                await run_in_threadpool(services.spool.purge, pool, abandoned)
            except Exception:  # the database away for a while: try again next time
                log.exception("Purging abandoned uploads failed; trying again later.")
            await asyncio.sleep(min(PURGE_EVERY, abandoned.total_seconds() / 2))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(create_schema, pool)
        await run_in_threadpool(web.create_schema, pool)
        purging = asyncio.create_task(purge_periodically())  # at start-up, then regularly
        yield
        purging.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await purging
        pool.close()

    app = FastAPI(
        title="Scanstation central catalog",
        version=API_VERSION,
        description="Upward sync of signed SIP packages from district stations "
        "(see docs/sync-protocol.md).",
        lifespan=lifespan,
    )

    @app.exception_handler(ApiError)
    async def api_error(request: Request, err: ApiError) -> Any:
        return _error(err.status, err.code, err.message, err.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> Any:
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "malformed_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Any:
        return _error(err.status_code, "http_error", str(err.detail), dict(err.headers or {}))

    def principal(
        credentials: Annotated[HTTPBasicCredentials | None, Depends(_basic)],
    ) -> auth.Principal:
        if credentials is None:
            raise ApiError(
                401,
                "unauthenticated",
                "Credentials required (HTTP Basic: station id and secret).",
                {"WWW-Authenticate": "Basic"},
            )
        return authenticator.check(credentials.username, credentials.password)

    async def station(who: Annotated[auth.Principal, Depends(principal)]) -> auth.Principal:
        # async: a check this small need not hop to a worker thread and back
        if who.kind != "station":
            raise ApiError(403, "stations_only", "Only an enrolled station may upload.")
        return who

    Station = Annotated[auth.Principal, Depends(station)]
    Anyone = Annotated[auth.Principal, Depends(principal)]

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        return {"ok": True, "version": API_VERSION}

    @app.post("/v1/enroll", status_code=201)
    def enroll(body: EnrollRequest) -> dict[str, Any]:
        done = auth.enroll(pool, config, body.code, body.name)
        return done.__dict__

    @app.post("/v1/uploads", status_code=201)
    def start_upload(body: UploadRequest, who: Station, response: Response) -> dict[str, Any]:
        receipt = uploads.existing_receipt(pool, body.sha256, who)
        if receipt is not None:
            services.spool.discard_leftover(pool, who, body.sha256)
            response.status_code = 200
            return {"receipt": receipt}
        if body.size > config.max_upload:
            raise ApiError(
                413, "too_large", f"{body.size} bytes exceeds the limit of {config.max_upload}."
            )
        upload = uploads.start(pool, who, body.sha256, body.size)
        offset = services.spool.offset(upload)
        return {"upload_id": upload.id, "offset": offset, "size": upload.size}

    @app.head("/v1/uploads/{upload_id}")
    def upload_offset(upload_id: str, who: Station) -> Response:
        upload = uploads.find(pool, who, upload_id)
        offset = services.spool.offset(upload)
        return Response(headers={"Upload-Offset": str(offset), "Upload-Length": str(upload.size)})

    @app.patch(
        "/v1/uploads/{upload_id}",
        status_code=204,
        responses={200: {"description": "The receipt (Upload-Complete: ?1 with the last bytes)"}},
        openapi_extra={
            "parameters": [
                {
                    "name": "Upload-Offset",
                    "in": "header",
                    "required": True,
                    "schema": {"type": "integer"},
                },
                {
                    "name": "Upload-Complete",
                    "in": "header",
                    "required": False,
                    "description": "?1 on the request with the last bytes: the server "
                    "completes the upload in the same request and answers 200 with the receipt",
                    "schema": {"type": "string", "enum": ["?1", "?0"]},
                },
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/offset+octet-stream": {
                        "schema": {"type": "string", "format": "binary"}
                    }
                },
            },
        },
    )
    async def append(upload_id: str, request: Request, who: Station) -> Response:
        upload = await run_in_threadpool(uploads.find, pool, who, upload_id)
        try:
            offset = int(request.headers["upload-offset"])
        except (KeyError, ValueError):
            raise ApiError(400, "no_offset", "The Upload-Offset header is required.") from None
        length = request.headers.get("content-length")
        if length is not None and int(length) > upload.size - offset:
            raise ApiError(
                413, "too_large", f"Only {upload.size - offset} more bytes are expected."
            )
        final = request.headers.get("upload-complete") == "?1"
        held = await services.spool.append(pool, upload, offset, _body(request), final=final)
        if final and held == upload.size:  # the last bytes: completed in the same request
            receipt = await run_in_threadpool(ingest.complete, services, who, upload)
            return JSONResponse(receipt, headers={"Upload-Offset": str(held)})
        return Response(status_code=204, headers={"Upload-Offset": str(held)})

    @app.post("/v1/uploads/{upload_id}/complete")
    def complete(upload_id: str, who: Station) -> dict[str, Any]:
        return ingest.complete(services, who, uploads.find(pool, who, upload_id))

    @app.get("/v1/search")
    def search(
        who: Anyone,
        q: str = "",
        org: str | None = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        return {"hits": query.search(pool, who, q, org, limit)}

    @app.get("/v1/stats/daily")
    def daily(
        who: Anyone,
        start: Annotated[datetime.date, Query(alias="from")],
        end: Annotated[datetime.date, Query(alias="to")],
    ) -> dict[str, Any]:
        return {"days": query.daily_counts(pool, who, start, end)}

    @app.get("/v1/documents/{doc_uuid}")
    def document(doc_uuid: str, who: Anyone) -> dict[str, Any]:
        return query.document(pool, who, doc_uuid)

    @app.get("/v1/documents/{doc_uuid}/versions/{version}/pdf")
    def download(doc_uuid: str, version: int, who: Anyone) -> Response:
        info = query.document(pool, who, doc_uuid)
        chosen = [v for v in info["versions"] if v["version"] == version]
        if not chosen:
            raise ApiError(404, "no_version", f"No version {version} of {doc_uuid}.")
        sha = chosen[0]["pdf_sha256"]
        try:
            with store.get(sha) as handle:
                data = handle.read()
        except KeyError:
            raise ApiError(
                500, "file_missing", "The stored PDF is missing; tell the server's admin."
            ) from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise ApiError(
                500, "file_damaged", "The stored PDF is damaged; tell the server's admin."
            )
        problems = services.checker.problems(data, info["doc_code"], fresh=True)
        if problems:
            raise ApiError(409, "signature_invalid", "; ".join(problems))
        return Response(
            data,
            media_type="application/pdf",
            headers={
                "X-Signature-Valid": "true",
                "X-Content-SHA256": sha,
                "Content-Disposition": f'attachment; filename="{info["doc_code"]}.pdf"',
            },
        )

    web.mount(app, config, pool, store, services.checker)
    return app


async def _body(request: Request) -> AsyncIterator[bytes]:
    """The request's bytes as they arrive; a dropped connection just ends them (what arrived
    is kept and the station resumes from there)."""
    try:
        async for chunk in request.stream():
            yield chunk
    except ClientDisconnect:
        return


def from_environment() -> FastAPI:
    """The application for uvicorn's worker processes: the configuration named in CONFIG_ENV."""
    return create_app(load(Path(os.environ[CONFIG_ENV])))
