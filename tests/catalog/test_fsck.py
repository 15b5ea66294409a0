"""Fsck reports missing files, hash mismatches, orphans and temp files; repair loses nothing."""

from __future__ import annotations

from pathlib import Path

from app.catalog import Catalog, Hoso
from testkit.catalog import doc_meta, make_pdf


def test_fsck_finds_and_repairs(catalog: Catalog, hoso: Hoso, tmp_path: Path, folder: Path) -> None:
    docs = [
        catalog.add_document(
            make_pdf(tmp_path / f"{i}.pdf", f"d{i}"), doc_meta(), "lan", hoso=hoso.file_code
        )
        for i in range(3)
    ]
    assert catalog.fsck().clean
    missing, corrupt = (catalog.file_path(d.current.sha256) for d in docs[:2])
    missing.unlink()
    corrupt.chmod(0o644)
    corrupt.write_bytes(b"changed")
    orphan = catalog.store.put(make_pdf(tmp_path / "o.pdf", "orphan"))
    (catalog.store.tmp / "half.part").write_bytes(b"half")
    report = catalog.fsck()
    assert report.missing == [docs[0].current.sha256]
    assert report.mismatched == [docs[1].current.sha256]
    assert [p.name for p in report.orphans] == [orphan.sha256]
    assert [p.name for p in report.temp_files] == ["half.part"]
    assert not report.consistent
    repaired = catalog.fsck(repair=True)
    assert (folder / "orphans" / orphan.sha256).is_file()  # kept, not deleted
    assert (folder / "quarantine" / docs[1].current.sha256).read_bytes() == b"changed"
    assert repaired.repaired
    after = catalog.fsck()
    assert after.orphans == [] and after.temp_files == []
    assert len(after.missing) == 2  # what cannot be rebuilt stays reported


def test_repair_restores_a_file_set_aside(
    catalog: Catalog, hoso: Hoso, tmp_path: Path, folder: Path
) -> None:
    doc = catalog.add_document(
        make_pdf(tmp_path / "a.pdf", "a"), doc_meta(), "lan", hoso=hoso.file_code
    )
    path = catalog.file_path(doc.current.sha256)
    (folder / "orphans").mkdir()
    path.rename(folder / "orphans" / path.name)
    assert catalog.fsck(repair=True).missing == []
    assert catalog.fsck().clean
