"""TLS only: the station refuses an http:// server address unless it is this machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.errors import UsageError
from app.sync.client import SyncClient, enroll
from app.sync.credentials import Credentials, checked_server


@pytest.mark.parametrize(
    "url",
    [
        "https://luu-tru.tinh.vn:8443",
        "http://127.0.0.1:8080",
        "http://127.8.9.1",
        "http://localhost:8080",
        "http://[::1]:8080",
    ],
)
def test_https_and_loopback_http_are_accepted(url: str) -> None:
    assert checked_server(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "http://luu-tru.tinh.vn:8080",
        "http://192.168.1.5:8080",
        "http://127.0.0.1.evil.example",
        "http://localhost.evil.example",
        "ftp://127.0.0.1",
        "luu-tru.tinh.vn",
        "https://",
        "http://[::1",
    ],
)
def test_clear_text_or_odd_addresses_are_refused(url: str) -> None:
    with pytest.raises(UsageError, match="https://"):
        checked_server(url)


def test_enrollment_and_the_client_refuse_before_any_connection() -> None:
    with pytest.raises(UsageError, match="https://"):
        enroll("http://192.0.2.1:8080", "ABCD-EFGH", "tram")  # TEST-NET: never reached
    saved = Credentials("http://192.0.2.1:8080", "id", "secret", "000.00.00.G09", "2030-01-01")
    with pytest.raises(UsageError, match="https://"):
        SyncClient(saved)


def test_cli_enroll_over_http_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "sync",
            "enroll",
            "--server",
            "http://192.0.2.1:8080",
            "--code",
            "ABCD-EFGH",
            "--catalog",
            str(tmp_path / "catalog"),
        ]
    )
    assert code == 2
    assert "https://" in capsys.readouterr().err
    assert not (tmp_path / "catalog" / "sync.json").exists()
