"""The hash-chained audit log detects edited, removed, reordered and truncated entries."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso
from app.catalog.db import DB_NAME
from testkit.catalog import doc_meta, make_pdf


@pytest.fixture
def logged(catalog: Catalog, hoso: Hoso, tmp_path: Path, folder: Path) -> Path:
    doc = catalog.add_document(
        make_pdf(tmp_path / "a.pdf", "x"), doc_meta(), "lan", hoso=hoso.file_code
    )
    catalog.update_metadata(doc.doc_code, {"keyword": "một"}, "lan")
    catalog.update_metadata(doc.doc_code, {"keyword": "hai"}, "lan")
    assert catalog.audit_verify() == []
    return folder


def _tamper(folder: Path, *sql: str) -> list[str]:
    con = sqlite3.connect(folder / DB_NAME)
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.close()
    with Catalog.open(folder) as catalog:
        return catalog.audit_verify()


def test_every_entry_carries_the_previous_hash(catalog: Catalog, logged: Path) -> None:
    from app.catalog import audit

    entries = list(audit.entries())
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))


def test_edited_entry(logged: Path) -> None:
    problems = _tamper(logged, "UPDATE audit SET user = 'hung' WHERE seq = 3")
    assert any("changed" in p for p in problems)


def test_edited_data(logged: Path) -> None:
    problems = _tamper(logged, "UPDATE audit SET data = replace(data, 'hai', 'ba')")
    assert problems


def test_removed_entry(logged: Path) -> None:
    assert any("removed" in p for p in _tamper(logged, "DELETE FROM audit WHERE seq = 4"))


def test_removed_last_entry(logged: Path) -> None:
    last = "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)"
    assert any("newest" in p for p in _tamper(logged, last))


def test_reordered_entries(logged: Path) -> None:
    swap = [
        "UPDATE audit SET seq = -1 WHERE seq = 3",
        "UPDATE audit SET seq = 3 WHERE seq = 4",
        "UPDATE audit SET seq = 4 WHERE seq = -1",
    ]
    assert any("reordered" in p for p in _tamper(logged, *swap))
