"""`scanstation doctor`: exit codes, Vietnamese and English, JSON, and the support bundle."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.catalog.db import DB_NAME
from app.cli.main import main
from app.doctor import CHECKS
from app.sync import credentials
from app.sync.credentials import Credentials

PLANTED = ("246810", "mat-khau-quan-tri", "station-secret-42", "Zm9vOmJhcg9x", "MIIEowIBAAKCAQEA")


def test_a_working_station_passes_in_vietnamese(
    good_catalog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor", "--catalog", str(good_catalog)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kiểm tra trạm số hóa")
    assert "[ĐẠT]" in out and "Nhận dạng chữ (Tesseract OCR)" in out and "[LỖI]" not in out
    assert "Kết quả:" in out


def test_english_json_report(good_catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--catalog", str(good_catalog), "--lang", "en", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["counts"]["fail"] == 0
    assert [c["id"] for c in report["checks"]] == [c.id for c in CHECKS]
    assert report["checks"][0]["title"] == "Text recognition (Tesseract OCR)"


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["doctor", "--lang", "fr"])
    assert stop.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_a_damaged_catalog_makes_doctor_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"\x00garbage" * 500)
    assert main(["doctor", "--catalog", str(folder)]) == 1
    out = " ".join(capsys.readouterr().out.split())  # lines wrap where the path length says
    assert "[LỖI]" in out and "bị hỏng" in out and "Cách khắc phục" in out


def _plant(tmp_path: Path, catalog: Path, logs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Secrets where a careless bundle would pick them up: logs, settings, sync, a key file."""
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "scanstation.log").write_text(
        "2025-01-01 INFO login password=mat-khau-quan-tri\n"
        "2025-01-01 WARNING Mã PIN 246810 bị từ chối\n", encoding="utf-8"
    )
    (logs / "scanstation.log.1").write_text(
        "GET /v1/uploads Authorization: Basic Zm9vOmJhcg9xdWV4\n", encoding="utf-8"
    )
    key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"
    (logs / "station.key").write_text(key, encoding="utf-8")
    (catalog / "office.p12.pem").write_text(key, encoding="utf-8")
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    (config / "scanstation").mkdir(parents=True)
    (config / "scanstation" / "desk.conf").write_text(
        "[General]\nlanguage=vi\n\n[token]\nlabel=VNPT-CA\nmodule=/usr/lib/vnpt.so\n"
        "pin=246810\nadminPassword=mat-khau-quan-tri\n", encoding="utf-8"
    )
    credentials.save(
        catalog,
        Credentials(server="http://127.0.0.1:9", station_id="st-7", secret="station-secret-42",
                    org="000.00.00.G09", expires_at="2030-01-01T00:00:00+07:00"),
    )


def test_the_bundle_holds_logs_and_settings_but_no_secret(
    good_catalog: Path, tmp_path: Path, quiet_logging: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _plant(tmp_path, good_catalog, quiet_logging, monkeypatch)
    out = tmp_path / "hotro.zip"
    main(["doctor", "--catalog", str(good_catalog), "--bundle", str(out)])
    assert "Đã ghi gói hỗ trợ" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        texts = {name: archive.read(name).decode("utf-8") for name in names}
    assert names == {
        "doctor.json", "versions.json", "logs/scanstation.log", "logs/scanstation.log.1",
        "config/desk.conf", "config/sync.json",
    }
    everything = "\n".join(texts.values())
    for secret in PLANTED:
        assert secret not in everything, secret
    assert "label=VNPT-CA" in texts["config/desk.conf"]
    assert json.loads(texts["config/sync.json"])["station_id"] == "st-7"
    assert "login password=[redacted]" in texts["logs/scanstation.log"]
    report = json.loads(texts["doctor.json"])
    assert {c["id"] for c in report["checks"]} == {c.id for c in CHECKS}
    assert report["checks"][0]["title"]["vi"] == "Nhận dạng chữ (Tesseract OCR)"
    assert json.loads(texts["versions.json"])["scanstation"]


@pytest.mark.parametrize("where", ["missing-folder/hotro.zip", "."])
def test_an_unwritable_bundle_path_is_refused_first(
    where: str, good_catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor", "--catalog", str(good_catalog), "--bundle", str(tmp_path / where)]) == 6
    captured = capsys.readouterr()
    assert "error:" in captured.err and "→" in captured.err
    assert captured.out == ""  # refused before the checks ran
