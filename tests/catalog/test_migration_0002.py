"""Migration 2: a version-1 catalog (phrase index with positions) gets the pair-term index."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from app.catalog import Catalog, SearchFilters
from app.catalog.db import DB_NAME
from app.catalog.migrations import LATEST, m0001_initial, m0004_user_state
from app.catalog.text import fold, nfc
from testkit.catalog import doc_meta, make_pdf
from tests.catalog.conftest import setup_catalog

V1_FIELDS = ("docCode", "subject", "organName", "codeNumber", "codeNotation", "keyword")


def _version_1(db: SqliteDatabase) -> None:
    """Version 1, plus the user columns today's rows write (migration 4 finds them there)."""
    m0001_initial.apply(db)
    m0004_user_state.apply(db)


def _make_v1_catalog(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A catalog stamped 1 whose doc_fts holds exactly what version 1 indexed."""
    from app.catalog import migrations, search

    with monkeypatch.context() as patch:
        patch.setattr(search, "index", lambda db, rowid, text: None)  # written below
        patch.setattr(migrations, "MIGRATIONS", (_version_1,))
        patch.setattr(migrations, "LATEST", 1)
        hoso = setup_catalog(folder)
        codes = []
        with Catalog.open(folder) as catalog:
            for index, (subject, page) in enumerate(
                [
                    ("Báo cáo công tác số hóa", "Đề án số hóa tài liệu"),
                    ("Kế hoạch sơ kết", "sổ hòa giải ở cơ sở"),
                    ("Kế hoạch tuyên truyền", "Đại đoàn kết toàn dân tộc"),
                ]
            ):
                doc = catalog.add_document(
                    make_pdf(tmp_path / f"{index}.pdf", "x"),
                    doc_meta(subject=subject),
                    "lan",
                    hoso=hoso,
                    page_texts=[page],
                )
                codes.append(doc.doc_code)
    con = sqlite3.connect(folder / DB_NAME)
    with con:  # the version-1 index texts: the folded and the exact NFC text
        con.execute("INSERT INTO doc_fts(doc_fts) VALUES ('delete-all')")
        for doc_id, meta, page in con.execute(
            "SELECT d.id, d.metadata, p.text FROM document d JOIN page p ON p.document_id = d.id"
        ).fetchall():
            values = json.loads(meta)
            parts = [str(values[tag]) for tag in V1_FIELDS if values.get(tag)]
            exact = nfc("\n".join([*parts, page]))
            con.execute(
                "INSERT INTO doc_fts(rowid, folded, exact) VALUES (?, ?, ?)",
                (doc_id, fold(exact), exact),
            )
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    schema = con.execute("SELECT sql FROM sqlite_master WHERE name = 'doc_fts'").fetchone()[0]
    assert "detail" not in schema
    con.close()
    return codes


def test_version_1_catalog_is_backed_up_and_reindexed(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact, folded, none = _make_v1_catalog(folder, tmp_path, monkeypatch)
    with Catalog.open(folder) as catalog:
        assert [h.doc_code for h in catalog.search("số hóa")] == [exact, folded]
        assert [h.doc_code for h in catalog.search("so hoa")] == [folded, exact]  # one tier
        assert [h.doc_code for h in catalog.search("sổ hòa")] == [folded, exact]
        assert [h.doc_code for h in catalog.search("ĐẠI ĐOÀN kết")] == [none]
        assert [h.doc_code for h in catalog.search("tài", SearchFilters(type_name="10"))] == [exact]
        # the migrated rows can be deleted from the contentless index: edits keep it right
        catalog.update_metadata(none, {"subject": "Chương trình chuyển đổi số"}, "lan")
        assert catalog.search("tuyen truyen") == []
        assert [h.doc_code for h in catalog.search("chuyển đổi")] == [none]
    con = sqlite3.connect(folder / DB_NAME)
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST >= 2
    assert (
        "detail=none"
        in con.execute("SELECT sql FROM sqlite_master WHERE name = 'doc_fts'").fetchone()[0]
    )
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"document_state", "document_type", "document_issued", "document_clerk"} <= indexes
    con.close()
    backups = list((folder / "backups").glob("catalog-v1-*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM document").fetchone()[0] == 3
    assert (
        con.execute(  # the backup still searches the version-1 way
            "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'folded:\"so hoa\"'"
        ).fetchone()[0]
        == 2
    )
    con.close()
