"""A PDF encrypted with an owner (or user) password is refused by add: PDF/A forbids it."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from app.catalog import Catalog, Hoso
from app.cli.main import main
from app.errors import InputError
from testkit.catalog import doc_meta, make_pdf


def _encrypted(tmp_path: Path, user: str = "") -> Path:
    plain = make_pdf(tmp_path / "plain.pdf", "mat khau")
    out = tmp_path / f"encrypted-{bool(user)}.pdf"
    with pikepdf.open(plain) as pdf:
        restrict = pikepdf.Permissions(extract=False, print_highres=False)
        pdf.save(out, encryption=pikepdf.Encryption(owner="chu-so-huu", user=user, allow=restrict))
    return out


def _blobs(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "store").rglob("*") if p.is_file())


def test_cli_add_refuses_an_owner_password_pdf_with_exit_3(
    catalog: Catalog, hoso: Hoso, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = _encrypted(tmp_path)
    (tmp_path / "doc.json").write_text(json.dumps(doc_meta()), encoding="utf-8")
    before = _blobs(folder)
    catalog.close()
    code = main(
        [
            "add",
            str(pdf),
            "--hoso",
            hoso.file_code,
            "--meta",
            str(tmp_path / "doc.json"),
            "--user",
            "lan",
            "--catalog",
            str(folder),
        ]
    )
    assert code == 3
    err = capsys.readouterr().err
    assert "mã hóa" in err and "qpdf --decrypt" in err
    assert _blobs(folder) == before
    with Catalog.open(folder) as reopened:
        assert reopened.documents(hoso.file_code) == []


@pytest.mark.parametrize("user", ["", "nguoi-doc"])
def test_add_document_refuses_encryption_and_files_nothing(
    catalog: Catalog, hoso: Hoso, folder: Path, tmp_path: Path, user: str
) -> None:
    pdf = _encrypted(tmp_path, user)
    with pytest.raises(InputError, match="PDF/A"):
        catalog.add_document(pdf, doc_meta(), "lan", hoso=hoso.file_code)
    assert catalog.documents(hoso.file_code) == []
    plain = catalog.add_document(
        make_pdf(tmp_path / "ok.pdf", "ok"), doc_meta(), "lan", hoso=hoso.file_code
    )
    assert plain.number == 1  # the next PDF is filed as usual
