"""Upward sync: is the station enrolled, does its server answer, how full is the outbox."""

from __future__ import annotations

import httpx
from peewee import DatabaseError

from app.catalog.models import SyncState
from app.errors import StationError, UsageError
from app.sync import credentials
from app.sync.client import tls_context

from .catalog import Unavailable, open_catalog
from .context import Context
from .result import Result, Status, Text

TITLE = Text("Máy chủ trung tâm và hộp thư đi", "Central server and outbox")
NOT_SET_UP = Text(
    "Khi cần gửi tài liệu lên: scanstation sync enroll --server ĐỊA_CHỈ --code MÃ "
    "(mã do quản trị máy chủ cấp).",
    "To send documents upward: scanstation sync enroll --server URL --code CODE "
    "(the code comes from the server's administrator).",
)


def _outbox(ctx: Context) -> dict[str, int] | None:
    """Outbox counts by state, or None when the catalog cannot be read."""
    try:
        with open_catalog(ctx) as catalog:
            return catalog.outbox.summary()
    except (Unavailable, DatabaseError):
        return None


def _unreachable(creds: credentials.Credentials, timeout: float) -> str | None:
    """Why the server's health endpoint does not answer, or None when it does."""
    try:
        with httpx.Client(
            base_url=creds.server, verify=tls_context(creds.ca_file), timeout=timeout
        ) as http:
            response = http.get("/v1/health")
    except StationError as err:  # the CA file named in sync.json cannot be used
        return str(err)
    except httpx.HTTPError as err:
        return f"{type(err).__name__}: {err}"
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    try:
        healthy = bool(response.json().get("ok"))
    except (ValueError, AttributeError):
        healthy = False
    return None if healthy else "the answer is not a scanstation server's"


def check(ctx: Context) -> Result:
    """INFO when not enrolled; WARN when the server is unreachable or refused documents."""
    try:
        creds = credentials.load(ctx.catalog_folder)
    except UsageError as err:
        if not credentials.path_in(ctx.catalog_folder).exists():
            return Result(
                "sync",
                Status.INFO,
                TITLE,
                Text(
                    "Trạm chưa đăng ký với máy chủ trung tâm: tài liệu được giữ tại máy.",
                    "The station is not enrolled with a central server: documents stay here.",
                ),
                NOT_SET_UP,
            )
        return Result(
            "sync",
            Status.WARN,
            TITLE,
            Text(
                f"Tệp đăng ký {credentials.path_in(ctx.catalog_folder)} bị hỏng.",
                f"{err.message}",
            ),
            Text("Đăng ký lại: " + NOT_SET_UP.vi, "Enroll again. " + NOT_SET_UP.en),
        )
    counts = _outbox(ctx)
    waiting = counts.get(SyncState.PENDING, 0) if counts else 0
    failed = counts.get(SyncState.FAILED, 0) if counts else 0
    queue = Text(
        f"hộp thư đi: {waiting} chờ gửi, {failed} bị máy chủ từ chối"
        if counts is not None else "hộp thư đi: chưa đọc được",
        f"outbox: {waiting} waiting, {failed} refused by the server"
        if counts is not None else "outbox: not readable",
    )
    problem = _unreachable(creds, ctx.server_timeout_s)
    if problem is not None:
        return Result(
            "sync",
            Status.WARN,
            TITLE,
            Text(
                f"Không kết nối được máy chủ {creds.server} ({problem}); {queue.vi}. "
                "Tài liệu không mất: sẽ tự gửi khi có mạng.",
                f"Cannot reach the server {creds.server} ({problem}); {queue.en}. Nothing is "
                "lost: documents are sent when the network is back.",
            ),
            Text(
                f"Kiểm tra mạng và địa chỉ máy chủ; thử mở {creds.server}/v1/health trong trình "
                "duyệt; nếu máy chủ đổi địa chỉ: " + NOT_SET_UP.vi,
                f"Check the network and the server address; try {creds.server}/v1/health in a "
                "browser; if the server moved: " + NOT_SET_UP.en,
            ),
        )
    detail = Text(
        f"Máy chủ {creds.server} trả lời; {queue.vi}.",
        f"The server {creds.server} answers; {queue.en}.",
    )
    if failed:
        return Result(
            "sync",
            Status.WARN,
            TITLE,
            detail,
            Text(
                "Xem lý do: scanstation sync status; sửa rồi gửi lại: scanstation sync retry",
                "See why: scanstation sync status; fix, then send again: scanstation sync retry",
            ),
        )
    return Result("sync", Status.OK, TITLE, detail)
