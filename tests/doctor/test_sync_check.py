"""The sync check: not enrolled, server unreachable (a closed port), server answering."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.doctor import Context, Status
from app.doctor import sync as check
from app.sync import credentials
from app.sync.credentials import Credentials


class _Health(BaseHTTPRequestHandler):
    body = b'{"ok": true, "version": 1}'

    def do_GET(self) -> None:
        status = 200 if self.path == "/v1/health" else 404
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def health_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _enroll(folder: Path, server: str) -> None:
    credentials.save(
        folder,
        Credentials(server=server, station_id="st-1", secret="s3cr3t-value", org="000.00.00.G09",
                    expires_at="2030-01-01T00:00:00+07:00"),
    )


def test_a_station_not_enrolled_is_information(good_catalog: Path) -> None:
    result = check.check(Context(good_catalog))
    assert result.status is Status.INFO
    assert "sync enroll" in result.fix.vi


def test_an_unreachable_server_is_a_warning(good_catalog: Path) -> None:
    server = _closed_port()
    _enroll(good_catalog, server)
    result = check.check(Context(good_catalog, server_timeout_s=2))
    assert result.status is Status.WARN
    assert server in result.detail.vi and "0 chờ gửi" in result.detail.vi
    assert f"{server}/v1/health" in result.fix.en


def test_a_server_that_answers(good_catalog: Path, health_server: str) -> None:
    _enroll(good_catalog, health_server)
    result = check.check(Context(good_catalog))
    assert result.status is Status.OK
    assert "trả lời" in result.detail.vi and "0 waiting" in result.detail.en
    assert "s3cr3t-value" not in json.dumps(result.as_dict())


def test_something_else_on_the_port_is_a_warning(
    good_catalog: Path, health_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_Health, "body", b"<html>router login</html>")
    _enroll(good_catalog, health_server)
    assert check.check(Context(good_catalog)).status is Status.WARN


def test_a_damaged_enrollment_file(good_catalog: Path) -> None:
    credentials.path_in(good_catalog).write_text("{not json", encoding="utf-8")
    result = check.check(Context(good_catalog))
    assert result.status is Status.WARN
    assert "sync enroll" in result.fix.en
