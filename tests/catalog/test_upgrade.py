"""Upgrade safety: older catalogs migrated after a backup, newer ones refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.catalog import Catalog
from app.catalog.db import DB_NAME
from app.catalog.errors import CatalogTooNew
from app.catalog.migrations import LATEST, m0001_initial
from app.cli.main import main
from app.errors import InputError
from testkit.catalog import PASSWORD, doc_meta, make_pdf
from tests.catalog.conftest import ORG_CODE

V1_TABLES = (
    "meta", "organisation", "user", "counter", "hoso", "batch", "blob", "document", "file",
    "page", "audit",
)


def _files(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its SHA-256: side files (-wal, -shm) show up too."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in V1_TABLES}
    finally:
        con.close()


@pytest.fixture
def current(template: Path, tmp_path: Path) -> tuple[Path, str]:
    """A catalog of today's schema holding one filed document; returns it and the docCode."""
    folder = tmp_path / "current"
    shutil.copytree(template, folder)
    with Catalog.open(folder) as catalog:
        hoso = catalog.list_hoso()[0].file_code
        pdf = make_pdf(tmp_path / "scan.pdf", "so hoa tai lieu")
        doc = catalog.add_document(
            pdf, doc_meta(), "lan", hoso=hoso, page_texts=["Kế hoạch số hóa tài liệu lưu trữ"]
        )
    return folder, doc.doc_code


def _make_v1(source: Path, target: Path) -> None:
    """A version-1 catalog: migration 1's schema only, filled through SQL with real rows."""
    target.mkdir()
    shutil.copytree(source / "store", target / "store")
    con = sqlite3.connect(target / DB_NAME, isolation_level=None)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("BEGIN")
    for statement in m0001_initial.STATEMENTS:
        con.execute(statement)
    con.execute("ATTACH DATABASE ? AS today", (str(source / DB_NAME),))
    for table in V1_TABLES:
        info = con.execute(f'PRAGMA main.table_info("{table}")').fetchall()
        columns = ", ".join(f'"{row[1]}"' for row in info)
        con.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM today."{table}"')
    con.execute("COMMIT")
    con.execute("DETACH DATABASE today")
    con.execute("PRAGMA user_version = 1")
    con.close()


def test_an_older_catalog_is_backed_up_then_migrated(
    current: tuple[Path, str], tmp_path: Path
) -> None:
    source, doc_code = current
    old = tmp_path / "old"
    _make_v1(source, old)
    rows = _counts(old / DB_NAME)
    assert rows["document"] == 1 and rows["audit"] > 5
    with Catalog.open(old) as catalog:
        assert catalog.organisation().code == ORG_CODE
        assert catalog.authenticate("lan", PASSWORD).name == "lan"
        doc = catalog.document(doc_code)
        assert doc.metadata["subject"] == doc_meta()["subject"]
        assert [h.doc_code for h in catalog.search("so hoa tai lieu luu tru")] == [doc_code]
        assert catalog.audit_verify() == []
        assert catalog.fsck().clean
    con = sqlite3.connect(old / DB_NAME)
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST
    con.close()
    assert _counts(old / DB_NAME) == rows  # nothing lost in the move
    backups = list((old / "backups").glob("catalog-v1-*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "outbox" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    assert _counts(backups[0]) == rows


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_newer_catalog_is_refused_byte_for_byte(
    journal: str, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`delete`: a newer release might not use WAL; opening must not switch the file to it."""
    folder = tmp_path / "catalog"
    shutil.copytree(template, folder)
    con = sqlite3.connect(folder / DB_NAME)
    con.execute(f"PRAGMA user_version = {LATEST + 1}")
    con.execute(f"PRAGMA journal_mode = {journal}")
    con.close()
    before = _files(folder)
    assert not any(name.endswith(("-wal", "-shm")) for name in before)
    with pytest.raises(CatalogTooNew) as refused:
        Catalog.open(folder)
    assert "newer version" in refused.value.message and "Install" in refused.value.hint
    assert _files(folder) == before
    assert main(["hoso", "list", "--catalog", str(folder)]) == 1
    assert "Install that newer version" in capsys.readouterr().err
    assert _files(folder) == before


def test_a_damaged_catalog_file_is_refused_clearly_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"half a disk sector of nothing" * 100)
    before = _files(folder)
    with pytest.raises(InputError) as refused:
        Catalog.open(folder)
    assert "damaged" in refused.value.message and "scanstation doctor" in refused.value.hint
    assert _files(folder) == before
