"""Log files: rotation at the size cap, and no PIN, password or key ever written."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.logs import LOG_NAME, RedactSecrets, setup_logging
from app.redact import REDACTED, is_secret_key, redact_ini, redact_text, redact_value

PIN = "246810"
PASSWORD = "mat-khau-bi-mat-9"
SECRETS = (PIN, PASSWORD, "hunter2-station", "dXNlcjpwYXNzd29yZA", "MIIEvQIBADANBgkq")


def _all_logs(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"{LOG_NAME}*")))


def test_secrets_never_reach_the_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    assert path == tmp_path / LOG_NAME
    log = logging.getLogger("app.signing.test")
    log.info("login pin=%s password=%s", PIN, PASSWORD)
    log.info("token answer %s", {"pin": PIN, "user_password": PASSWORD, "label": "VNPT"})
    log.warning("Mã PIN %s bị từ chối; mật khẩu: %s", PIN, PASSWORD)
    log.info("sync to https://st-1:hunter2-station@server.example/v1")
    log.info("header Authorization: Basic dXNlcjpwYXNzd29yZA==")
    log.info("key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY-----")
    try:
        raise ValueError(f"bad login secret={PASSWORD}")
    except ValueError:
        log.exception("signing failed with --pin-env %s", PIN)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = _all_logs(tmp_path)
    for secret in SECRETS:
        assert secret not in text
    assert text.count(REDACTED) >= 10
    assert "VNPT" in text and "ValueError" in text  # the rest of the message stays


def test_the_file_rotates_at_its_cap(tmp_path: Path) -> None:
    setup_logging(tmp_path, max_bytes=4000, backups=2)
    log = logging.getLogger("app.test.rotation")
    for n in range(300):
        log.info("trang %04d đã quét xong, hồ sơ H49.64.33.2001.160", n)
    names = sorted(p.name for p in tmp_path.glob(f"{LOG_NAME}*"))
    assert names == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2"]
    assert all((tmp_path / n).stat().st_size <= 4000 for n in names)
    assert "trang 0299" in (tmp_path / LOG_NAME).read_text(encoding="utf-8")


def test_set_up_twice_logs_once(tmp_path: Path) -> None:
    setup_logging(tmp_path / "first")
    setup_logging(tmp_path)
    logging.getLogger("app.test").warning("một lần")
    assert _all_logs(tmp_path).count("một lần") == 1
    assert "một lần" not in _all_logs(tmp_path / "first")


def test_a_record_with_bad_arguments_is_still_redacted() -> None:
    record = logging.LogRecord("app", logging.INFO, __file__, 1, "pin=%s %s", (PIN,), None)
    assert RedactSecrets().filter(record)
    assert PIN not in record.getMessage() and REDACTED in record.getMessage()


def test_an_unwritable_log_folder_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert setup_logging(blocker / "logs") is None
    assert "SCANSTATION_LOG_DIR" in capsys.readouterr().err
    logging.getLogger("app.test").warning("vẫn chạy với pin=%s", PIN)
    err = capsys.readouterr().err
    assert "vẫn chạy" in err and PIN not in err


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("token 'VNPT' is locked", "token 'VNPT' is locked"),
        ("hồ sơ H49.64.33.2001.160 có 12 trang", "hồ sơ H49.64.33.2001.160 có 12 trang"),
        ("pin=1234", f"pin={REDACTED}"),
        ('{"secret": "abc", "station_id": "st-1"}', f'"secret": "{REDACTED}", "station_id"'),
        ("scanstation sync enroll --server https://x --code K7Q-22", f"--code {REDACTED}"),
    ],
)
def test_redact_text(text: str, kept: str) -> None:
    assert kept in redact_text(text)


def test_secret_keys_and_settings() -> None:
    assert is_secret_key("token/pin") and is_secret_key("stationSecret")
    assert is_secret_key("mật khẩu") and is_secret_key("password_env")
    assert not is_secret_key("token/label") and not is_secret_key("token/module")
    assert not is_secret_key("station_id") and not is_secret_key("catalogFolder")
    assert redact_value({"a": [{"secret": "x", "server": "https://s"}]}) == {
        "a": [{"secret": REDACTED, "server": "https://s"}]
    }
    ini = "[General]\nlanguage=vi\n[token]\nlabel=VNPT\npin=246810\n"
    assert redact_ini(ini) == f"[General]\nlanguage=vi\n[token]\nlabel=VNPT\npin={REDACTED}\n"
