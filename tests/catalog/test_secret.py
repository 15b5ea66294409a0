"""State secrets are flagged everywhere and refused by every network path."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso, State
from app.catalog.errors import Refused, SecretRefused
from app.catalog.policy import may_leave_machine
from testkit.catalog import doc_meta, hoso_meta, make_pdf


def _signed(catalog: Catalog, hoso: str, tmp_path: Path, name: str, **meta: str) -> str:
    doc = catalog.add_document(
        make_pdf(tmp_path / f"{name}.pdf", name), doc_meta(**meta), "lan", hoso=hoso
    )
    catalog.set_state(doc.doc_code, State.INDEXED, "lan")
    catalog.set_state(doc.doc_code, State.APPROVED, "hung")
    catalog.record_signed(doc.doc_code, make_pdf(tmp_path / f"{name}-s.pdf", name + "s"), "mai")
    return doc.doc_code


@pytest.mark.parametrize(
    "meta", [{"mode": "03"}, {"secrecyLevel": "Tối mật"}, {"secrecyLevel": "01"}]
)
def test_secret_document_is_flagged_and_never_leaves(
    catalog: Catalog, hoso: Hoso, tmp_path: Path, meta: dict[str, str]
) -> None:
    code = _signed(catalog, hoso.file_code, tmp_path, "m", **meta)
    doc = catalog.document(code)
    assert doc.secret
    assert may_leave_machine(doc)[0] is False
    assert catalog.search(
        "",
    )[0].secret
    with pytest.raises(SecretRefused):
        catalog.export(hoso.file_code, tmp_path / "net.zip", "hung", fmt="sip", for_network=True)
    assert not (tmp_path / "net.zip").exists()
    with pytest.raises(SecretRefused):
        catalog.set_state(code, State.SYNCED, "mai")
    with pytest.raises(SecretRefused):  # local export needs an explicit, audited choice
        catalog.export(hoso.file_code, tmp_path / "local.zip", "hung")
    catalog.export(hoso.file_code, tmp_path / "local.zip", "hung", include_secret=True)
    assert b"BiMatNhaNuoc" in __import__("zipfile").ZipFile(tmp_path / "local.zip").read(
        f"{hoso.file_code}.xml"
    )


def test_secret_hoso_makes_its_documents_secret(catalog: Catalog, tmp_path: Path) -> None:
    secret_hoso = catalog.create_hoso(hoso_meta(mode="03"), "lan")
    assert secret_hoso.secret
    code = _signed(catalog, secret_hoso.file_code, tmp_path, "h", mode="01")
    assert catalog.document(code).secret


def test_public_signed_document_may_leave(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> None:
    code = _signed(catalog, hoso.file_code, tmp_path, "p")
    assert may_leave_machine(catalog.document(code)) == (True, "")
    catalog.export(hoso.file_code, tmp_path / "net.zip", "hung", fmt="sip", for_network=True)
    assert catalog.set_state(code, State.SYNCED, "mai").state == State.SYNCED


def test_unsigned_document_may_not_leave(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> None:
    catalog.add_document(make_pdf(tmp_path / "u.pdf", "u"), doc_meta(), "lan", hoso=hoso.file_code)
    with pytest.raises(Refused):
        catalog.export(hoso.file_code, tmp_path / "net.zip", "hung", fmt="sip", for_network=True)
