"""The catalog service: set-up, adding documents, duplicates, edits, workflow, migrations."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso, State
from app.catalog.db import DB_NAME
from app.catalog.errors import CatalogTooNew, InvalidMetadata, NotInitialised, Refused
from app.catalog.migrations import LATEST
from app.catalog.models import Role
from testkit.catalog import PASSWORD, doc_meta, make_pdf


def test_importing_opens_no_database(tmp_path: Path) -> None:
    code = "import app.catalog, app.cli.main; app.cli.main.build_parser()"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path.cwd())
    assert list(tmp_path.rglob("*.sqlite3")) == []


def test_new_catalog_is_wal_stamped_and_needs_an_organisation(folder: Path) -> None:
    with Catalog.open(folder) as catalog, pytest.raises(NotInitialised):
        catalog.organisation()
    con = sqlite3.connect(folder / DB_NAME)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST
    con.close()


def test_newer_catalog_is_refused_untouched(folder: Path) -> None:
    Catalog.open(folder).close()
    con = sqlite3.connect(folder / DB_NAME)
    con.execute(f"PRAGMA user_version = {LATEST + 1}")
    con.close()
    before = (folder / DB_NAME).read_bytes()
    with pytest.raises(CatalogTooNew):
        Catalog.open(folder)
    assert (folder / DB_NAME).read_bytes() == before


def test_migration_backs_the_file_up_first(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog import migrations

    Catalog.open(folder).close()
    added: list[int] = []
    monkeypatch.setattr(
        migrations, "MIGRATIONS", (*migrations.MIGRATIONS, lambda db: added.append(1))
    )
    monkeypatch.setattr(migrations, "LATEST", LATEST + 1)
    Catalog.open(folder).close()
    assert added == [1]
    backups = list((folder / "backups").glob(f"catalog-v{LATEST}-*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST
    con.close()


def test_passwords_are_argon2_hashes(catalog: Catalog, folder: Path) -> None:
    con = sqlite3.connect(folder / DB_NAME)
    hashes = [h for (h,) in con.execute("SELECT password_hash FROM user")]
    con.close()
    assert all(h.startswith("$argon2") for h in hashes)
    assert catalog.authenticate("lan", PASSWORD).roles == {Role.CLERK}
    with pytest.raises(Refused):
        catalog.authenticate("lan", "wrong-password")
    with pytest.raises(Refused):  # only an admin adds users once there are users
        catalog.add_user("tam", [Role.CLERK], PASSWORD, by="lan")


def test_add_document_numbers_codes_and_stores(
    catalog: Catalog, hoso: Hoso, tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", "Ke hoach so hoa", pages=2)
    batch = catalog.start_batch("lan", "sane:fujitsu:fi-7160", {"dpi": 300, "mode": "color"})
    doc = catalog.add_document(pdf, doc_meta(), "lan", batch.uuid, hoso=hoso.file_code)
    assert doc.number == 1 and doc.state == State.SCANNED
    assert doc.doc_code == f"{hoso.file_code}.0000001"
    assert doc.file_name == f"{hoso.file_code}.0000001.pdf"
    assert doc.page_count == 2 and doc.batch == batch.uuid and doc.clerk == "lan"
    assert catalog.file_path(doc.current.sha256).read_bytes() == pdf.read_bytes()
    assert catalog.page_texts(doc.doc_code) == ["Ke hoach so hoa 1", "Ke hoach so hoa 2"]
    assert catalog.list_batches()[0].documents == 1
    second = catalog.add_document(
        make_pdf(tmp_path / "b.pdf", "other"), doc_meta(), "lan", hoso=hoso.file_code
    )
    assert second.number == 2


def test_duplicate_file_is_linked_not_stored_twice(
    catalog: Catalog, hoso: Hoso, tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", "same")
    first = catalog.add_document(pdf, doc_meta(), "lan", hoso=hoso.file_code)
    again = catalog.add_document(pdf, doc_meta(), "lan", hoso=hoso.file_code)
    assert again.duplicate_of == (first.doc_code,)
    assert again.current.sha256 == first.current.sha256
    assert len(list(catalog.store.blobs())) == 1


def test_invalid_metadata_stores_nothing(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", "x")
    with pytest.raises(InvalidMetadata):
        catalog.add_document(pdf, doc_meta(issuedDate="31/02/2024"), "lan", hoso=hoso.file_code)
    assert list(catalog.store.blobs()) == []
    assert catalog.documents(hoso.file_code) == []


def test_text_is_stored_nfc(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Báo cáo tổng kết")
    doc = catalog.add_document(
        make_pdf(tmp_path / "a.pdf", "x"),
        doc_meta(subject=nfd),
        "lan",
        hoso=hoso.file_code,
        page_texts=[nfd],
    )
    assert doc.metadata["subject"] == unicodedata.normalize("NFC", nfd)
    assert catalog.page_texts(doc.uuid) == [unicodedata.normalize("NFC", nfd)]


def test_edit_records_old_and_new_values(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> None:
    doc = catalog.add_document(
        make_pdf(tmp_path / "a.pdf", "x"), doc_meta(), "lan", hoso=hoso.file_code
    )
    edited = catalog.update_metadata(
        doc.doc_code, {"subject": "Báo cáo mới", "keyword": "MTTQ"}, "lan"
    )
    assert edited.metadata["subject"] == "Báo cáo mới"
    last = catalog.history(doc.doc_code)[-1]
    assert last.action == "edit" and last.user == "lan"
    assert last.data["changes"]["subject"] == [doc.metadata["subject"], "Báo cáo mới"]
    assert last.data["changes"]["keyword"] == [None, "MTTQ"]
    with pytest.raises(InvalidMetadata):
        catalog.update_metadata(doc.doc_code, {"issuedDate": "30/02/2024"}, "lan")


def test_workflow_roles_and_reasons(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> None:
    doc = catalog.add_document(
        make_pdf(tmp_path / "a.pdf", "x"), doc_meta(), "lan", hoso=hoso.file_code
    )
    catalog.set_state(doc.doc_code, State.INDEXED, "lan")
    with pytest.raises(Refused):
        catalog.set_state(doc.doc_code, State.APPROVED, "lan")  # a clerk cannot approve
    with pytest.raises(Refused):
        catalog.set_state(doc.doc_code, State.REJECTED, "hung")  # no reason
    rejected = catalog.set_state(doc.doc_code, State.REJECTED, "hung", "Thiếu trang 2")
    assert rejected.reason == "Thiếu trang 2"
    catalog.set_state(doc.doc_code, State.INDEXED, "lan")
    catalog.set_state(doc.doc_code, State.APPROVED, "hung")
    with pytest.raises(Refused):
        catalog.update_metadata(doc.doc_code, {"keyword": "x"}, "lan")  # approved: frozen
    signed = catalog.record_signed(doc.doc_code, make_pdf(tmp_path / "s.pdf", "signed"), "mai")
    assert signed.state == State.SIGNED
    assert [(f.version, f.kind) for f in signed.files] == [(1, "scan"), (2, "signed")]
    assert signed.files[0].sha256 == doc.current.sha256  # the scan is kept, never modified
    actions = [e.action for e in catalog.history(doc.doc_code)]
    assert actions == ["create", "state", "state", "state", "state", "sign"]
    with pytest.raises(Refused):
        catalog.set_state(doc.doc_code, State.INDEXED, "lan")


def test_hoso_codes_never_repeat(catalog: Catalog) -> None:
    from testkit.catalog import hoso_meta

    codes = {catalog.create_hoso(hoso_meta(), "lan").file_code for _ in range(3)}
    assert len(codes) == 3
    with pytest.raises(Refused):
        catalog.create_hoso(hoso_meta(fileCode=next(iter(codes))), "lan")
    with pytest.raises(InvalidMetadata):
        catalog.create_hoso(hoso_meta(fileCode="000.00.00.X99.2024.1"), "lan")
