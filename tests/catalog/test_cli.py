"""The scanstation catalog commands, end to end on a real catalog folder."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from app.catalog import audit
from app.catalog.errors import AccountRefused
from app.catalog.service import Catalog
from app.cli.main import main
from testkit.catalog import PASSWORD, doc_meta, hoso_meta, make_pdf


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_flow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCANSTATION_CATALOG", str(tmp_path / "cat"))
    monkeypatch.setenv("PW", PASSWORD)
    assert (
        run(
            capsys,
            "catalog",
            "init",
            "--org-name",
            "Ủy ban MTTQ quận Hoàn Kiếm",
            "--org-code",
            "000.00.00.G09",
        )[0]
        == 0
    )
    for name, role in (("admin", "admin"), ("lan", "clerk"), ("hung", "supervisor")):
        code, out, err = run(
            capsys, "user", "add", name, "--role", role, "--password-env", "PW", "--by", "admin"
        )
        assert code == 0, err
        assert PASSWORD not in out + err
    (tmp_path / "hoso.json").write_text(json.dumps(hoso_meta()), encoding="utf-8")
    code, out, _ = run(
        capsys, "hoso", "create", "--meta", str(tmp_path / "hoso.json"), "--user", "lan"
    )
    file_code = out.strip()
    assert code == 0 and file_code.startswith("000.00.00.G09.2024.")
    assert file_code in run(capsys, "hoso", "list")[1]
    batch = run(
        capsys, "batch", "start", "--device", "demo", "--settings", '{"dpi": 300}', "--user", "lan"
    )[1].strip()
    (tmp_path / "doc.json").write_text(json.dumps(doc_meta()), encoding="utf-8")
    pdf = make_pdf(tmp_path / "a.pdf", "so hoa")
    code, out, err = run(
        capsys,
        "add",
        str(pdf),
        "--hoso",
        file_code,
        "--meta",
        str(tmp_path / "doc.json"),
        "--user",
        "lan",
        "--batch",
        batch,
    )
    assert code == 0, err
    doc_code = out.strip()
    assert doc_code == f"{file_code}.0000001"
    assert "1 document(s)" in run(capsys, "batch", "list")[1]
    code, out, _ = run(capsys, "search", "ke hoach so hoa", "--type", "10", "--from", "01/01/2024")
    assert doc_code in out and "05/01/2024" in out
    assert "no document found" in run(capsys, "search", '"*NEAR(', "--state", "approved")[1]
    (tmp_path / "edit.json").write_text(json.dumps({"keyword": "số hóa"}), encoding="utf-8")
    assert (
        run(capsys, "edit", doc_code, "--meta", str(tmp_path / "edit.json"), "--user", "lan")[0]
        == 0
    )
    assert run(capsys, "state", doc_code, "indexed", "--user", "lan")[0] == 0
    code, _, err = run(capsys, "state", doc_code, "approved", "--user", "lan")
    assert code == 2 and "supervisor" in err
    out = run(capsys, "show", doc_code)[1]
    assert "issuedDate: 05/01/2024" in out and "edit" in out and "history:" in out
    assert run(capsys, "fsck")[0] == 0
    assert "intact" in run(capsys, "audit", "verify")[1]
    code, out, _ = run(
        capsys,
        "export",
        file_code,
        "-o",
        str(tmp_path / "sip.zip"),
        "--format",
        "sip",
        "--user",
        "hung",
    )
    assert code == 0 and (tmp_path / "sip.zip").is_file()
    code, _, err = run(
        capsys,
        "export",
        file_code,
        "-o",
        str(tmp_path / "net.zip"),
        "--for-network",
        "--user",
        "hung",
    )
    assert code == 2 and "ký số" in err  # not yet signed: may not leave
    other = str(tmp_path / "other")
    run(
        capsys,
        "catalog",
        "init",
        "--org-name",
        "Lưu trữ",
        "--org-code",
        "000.00.00.H26",
        "--catalog",
        other,
    )
    run(
        capsys,
        "user",
        "add",
        "admin",
        "--role",
        "admin",
        "--password-env",
        "PW",
        "--catalog",
        other,
    )
    code, out, err = run(
        capsys, "import-package", str(tmp_path / "sip.zip"), "--user", "admin", "--catalog", other
    )
    assert code == 0, err
    assert "1 document(s) imported" in out


def test_cli_bad_metadata_lists_every_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: Path, catalog: object, hoso: object
) -> None:
    (tmp_path / "bad.json").write_text(
        json.dumps(doc_meta(issuedDate="31/02/2024", subject="x" * 600, typeName="99")),
        encoding="utf-8",
    )
    pdf = make_pdf(tmp_path / "a.pdf", "x")
    file_code = hoso.file_code  # type: ignore[attr-defined]
    code, _, err = run(
        capsys,
        "add",
        str(pdf),
        "--hoso",
        file_code,
        "--meta",
        str(tmp_path / "bad.json"),
        "--user",
        "lan",
        "--catalog",
        str(folder),
    )
    assert code == 3
    assert "Ngày tháng năm" in err and "Trích yếu nội dung" in err and "Tên loại tài liệu" in err


def legacy_pdf(path: Path, text: str) -> Path:
    """A PDF whose text layer is TCVN3 (.VnTime) bytes, as old Word exports carry."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    pdf.save(path)
    return path


def test_legacy_encoded_text_is_filed_as_unicode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCANSTATION_CATALOG", str(tmp_path / "cat"))
    monkeypatch.setenv("PW", PASSWORD)
    run(capsys, "catalog", "init", "--org-name", "Ủy ban MTTQ quận Ba Đình",
        "--org-code", "000.00.00.G09")
    run(capsys, "user", "add", "lan", "--role", "clerk", "--password-env", "PW")
    (tmp_path / "hoso.json").write_text(json.dumps(hoso_meta()), encoding="utf-8")
    file_code = run(capsys, "hoso", "create", "--meta", str(tmp_path / "hoso.json"),
                    "--user", "lan")[1].strip()
    meta = doc_meta(subject="KÕ ho¹ch sè ho¸ tµi liÖu n¨m 2024")  # typed in TCVN3
    (tmp_path / "doc.json").write_text(json.dumps(meta), encoding="utf-8")
    pdf = legacy_pdf(tmp_path / "old.pdf", "Céng hoµ x· héi chñ nghÜa ViÖt Nam. B¸o c¸o tæng kÕt")
    code, out, err = run(capsys, "add", str(pdf), "--hoso", file_code, "--meta",
                         str(tmp_path / "doc.json"), "--user", "lan")
    assert code == 0, err
    assert "converted from TCVN3" in out
    doc_code = out.splitlines()[0]
    assert "Kế hoạch số hoá tài liệu năm 2024" in run(capsys, "show", doc_code)[1]
    assert doc_code in run(capsys, "search", "bao cao tong ket")[1]
    assert doc_code in run(capsys, "search", "Cộng hoà xã hội")[1]


def test_users_from_the_console_and_an_admin_recovered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """List, disable, enable and reset users; when no admin can sign in any more, the
    console gives the admin a temporary password, and the audit log says so."""
    folder = tmp_path / "cat"
    monkeypatch.setenv("SCANSTATION_CATALOG", str(folder))
    monkeypatch.setenv("PW", PASSWORD)
    monkeypatch.setenv("TEMP", "tam-thoi-2026")
    run(capsys, "catalog", "init", "--org-name", "Ủy ban MTTQ quận Ba Đình",
        "--org-code", "000.00.00.G09")
    for name, role in (("admin", "admin"), ("lan", "clerk")):
        assert run(capsys, "user", "add", name, "--role", role, "--password-env", "PW",
                   "--by", "admin")[0] == 0
    assert run(capsys, "user", "list")[1].splitlines() == ["admin\tadmin", "lan\tclerk"]

    assert run(capsys, "user", "disable", "lan", "--by", "admin")[1] == "lan\tclerk\t\tdisabled\n"
    code, _, err = run(capsys, "user", "disable", "admin", "--by", "admin")
    assert code != 0 and "last enabled admin" in err  # the station keeps an admin
    assert run(capsys, "user", "enable", "lan", "--by", "admin")[0] == 0
    code, _, err = run(capsys, "user", "reset-password", "admin", "--password-env", "TEMP",
                       "--by", "lan")
    assert code != 0 and "admin" in err  # a clerk cannot reset anybody
    code, out, _ = run(capsys, "user", "reset-password", "lan", "--password-env", "TEMP",
                       "--by", "admin")
    assert code == 0 and out.endswith("must change password\n")

    code, _, err = run(capsys, "user", "reset-password", "lan", "--password-env", "TEMP",
                       "--recover-admin")
    assert code != 0 and "not an admin" in err
    code, _, err = run(capsys, "user", "add", "System", "--role", "clerk", "--password-env",
                       "PW", "--by", "admin")
    assert code != 0 and "reserved" in err
    code, _, err = run(capsys, "user", "reset-password", "admin", "--password-env", "NOPE",
                       "--recover-admin")
    assert code != 0 and "$NOPE" in err

    code, out, err = run(capsys, "user", "reset-password", "admin", "--password-env", "TEMP",
                         "--recover-admin")
    assert code == 0, err
    assert "tam-thoi-2026" not in out + err
    with Catalog.open(folder) as catalog:
        user = catalog.authenticate("admin", "tam-thoi-2026")
        assert user.must_change_password
        with pytest.raises(AccountRefused):
            catalog.authenticate("admin", PASSWORD)
        catalog.change_password("admin", "tam-thoi-2026", "mat-khau-moi-2026")
    assert run(capsys, "audit", "verify")[0] == 0
    with Catalog.open(folder):
        recovered = [e for e in audit.entries() if e.action == "recover-admin"]
    assert [(e.user, e.entity_id) for e in recovered] == [("system", "admin")]


def test_a_password_typed_twice_differently_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cat"
    monkeypatch.setenv("SCANSTATION_CATALOG", str(folder))
    monkeypatch.setenv("PW", PASSWORD)
    run(capsys, "catalog", "init", "--org-name", "Ủy ban MTTQ quận Ba Đình",
        "--org-code", "000.00.00.G09")
    run(capsys, "user", "add", "admin", "--role", "admin", "--password-env", "PW")
    typed = iter(["mot-mat-khau", "mat-khau-khac"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))  # the terminal
    code, _, err = run(capsys, "user", "reset-password", "admin", "--recover-admin")
    assert code != 0 and "differ" in err
    with Catalog.open(folder) as catalog:
        assert not catalog.authenticate("admin", PASSWORD).must_change_password
