"""The `tokens`, `sign`, `verify` and `extend` commands, end to end on SoftHSM2."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from testkit.softhsm import SOFTHSM
from tests.fixtures.tokens import ORG, PIN, TOKEN, Pki


def test_tokens_lists_certificates(pki: Pki, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tokens", "--pkcs11-module", SOFTHSM]) == 0
    out = capsys.readouterr().out
    assert TOKEN in out and "[rsa]" in out and "RSA-2048" in out and "key usage" in out


def test_sign_then_verify(
    pki: Pki,
    station_pdf: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OFFICE_PIN", PIN)
    out_dir = tmp_path / "signed"
    out_dir.mkdir()
    args = ["sign", str(station_pdf), "-o", str(out_dir), "--pkcs11-module", SOFTHSM]
    args += ["--token-label", TOKEN, "--key-label", "rsa", "--pin-env", "OFFICE_PIN"]
    assert main(args) == 0
    signed = out_dir / station_pdf.name
    assert signed.is_file()
    trust = ["--trust", str(pki.root_pem), "--no-default-trust"]
    assert main(["verify", str(signed), *trust, "--offline"]) == 0
    out = capsys.readouterr().out
    assert "VALID" in out and PIN not in out
    assert main(["verify", str(signed), "--no-default-trust", "--offline"]) == 1
    assert main(["extend", str(signed), *trust]) == 0
    assert main(["verify", str(signed), *trust]) == 0
    assert "revocation: good" in capsys.readouterr().out


def test_sign_with_pkcs12_and_wrong_pin(
    pki: Pki,
    station_pdf: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("P12_PASSWORD", pki.pkcs12_password)
    base = ["sign", str(station_pdf), "-o", str(tmp_path), "--org", ORG]
    assert main([*base, "--pkcs12", str(pki.pkcs12_path), "--pin-env", "P12_PASSWORD"]) == 0
    monkeypatch.setenv("BAD_PIN", "000000")
    code = main([*base, "--pkcs11-module", SOFTHSM, "--token-label", TOKEN, "--pin-env", "BAD_PIN"])
    assert code == 4
    err = capsys.readouterr().err
    assert "Wrong PIN" in err and "000000" not in err


def test_verify_unsigned_file_fails(station_pdf: Path) -> None:
    assert main(["verify", str(station_pdf), "--no-default-trust", "--offline"]) == 1


def test_sign_creates_a_missing_output_folder(
    pki: Pki, station_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("P12_PASSWORD", pki.pkcs12_password)
    key = ["--org", ORG, "--pkcs12", str(pki.pkcs12_path), "--pin-env", "P12_PASSWORD"]
    out_dir = tmp_path / "đã ký" / "2025"
    assert main(["sign", str(station_pdf), "-o", str(out_dir), *key]) == 0
    assert (out_dir / station_pdf.name).is_file()
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    assert main(["sign", str(station_pdf), "-o", str(a_file), *key]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
