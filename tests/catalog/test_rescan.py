"""A rejected document rescanned keeps its identity and gains a new file version."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso, SearchFilters, State
from app.catalog.errors import Refused
from testkit.catalog import doc_meta, make_pdf


def test_rescan_keeps_identity_adds_a_version_and_reindexes(
    catalog: Catalog, hoso: Hoso, tmp_path: Path
) -> None:
    first = make_pdf(tmp_path / "first.pdf", "Trang cu mo nhat", pages=2)
    doc = catalog.add_document(first, doc_meta(), "lan", hoso=hoso.file_code)
    catalog.set_state(doc.doc_code, State.INDEXED, "lan")
    catalog.set_state(doc.doc_code, State.REJECTED, "hung", "Trang 2 bị mờ, quét lại")
    old_bytes = first.read_bytes()

    again = make_pdf(tmp_path / "again.pdf", "Trang moi ro net", pages=3)
    rescanned = catalog.replace_scan(doc.doc_code, again, "lan")
    assert (rescanned.uuid, rescanned.doc_code, rescanned.file_name, rescanned.number) == (
        doc.uuid, doc.doc_code, doc.file_name, doc.number)
    assert [(f.version, f.kind) for f in rescanned.files] == [(1, "scan"), (2, "scan")]
    assert catalog.file_path(doc.current.sha256).read_bytes() == old_bytes  # never modified
    assert catalog.file_path(rescanned.current.sha256).read_bytes() == again.read_bytes()
    assert rescanned.page_count == 3 and rescanned.state == State.REJECTED
    assert catalog.page_texts(doc.doc_code)[2] == "Trang moi ro net 3"
    assert [h.doc_code for h in catalog.search("ro net")] == [doc.doc_code]
    assert catalog.search("mo nhat") == []

    back = catalog.set_state(doc.doc_code, State.INDEXED, "lan")
    assert back.state == State.INDEXED and back.reason == ""
    history = catalog.history(doc.doc_code)
    assert [e.action for e in history] == ["create", "state", "state", "rescan", "state"]
    assert history[2].data["reason"] == "Trang 2 bị mờ, quét lại"
    assert history[3].user == "lan" and history[3].data["version"] == 2
    assert history[3].data["replaces"] == doc.current.sha256
    assert catalog.search("", SearchFilters(state=State.INDEXED))[0].doc_code == doc.doc_code
    assert catalog.audit_verify() == []


def test_rescan_refused_once_approved_or_by_a_signer(
    catalog: Catalog, hoso: Hoso, tmp_path: Path
) -> None:
    doc = catalog.add_document(
        make_pdf(tmp_path / "a.pdf", "x"), doc_meta(), "lan", hoso=hoso.file_code
    )
    with pytest.raises(Refused):
        catalog.replace_scan(doc.doc_code, make_pdf(tmp_path / "m.pdf", "m"), "mai")
    catalog.set_state(doc.doc_code, State.INDEXED, "lan")
    catalog.set_state(doc.doc_code, State.APPROVED, "hung")
    with pytest.raises(Refused, match="reject"):
        catalog.replace_scan(doc.doc_code, make_pdf(tmp_path / "b.pdf", "b"), "lan")
    assert len(catalog.document(doc.doc_code).files) == 1
    assert catalog.history(doc.doc_code)[-1].action == "state"
