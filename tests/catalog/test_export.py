"""Export as PDF + XML and as a SIP; import-package reads a SIP back without loss."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso, State
from app.catalog.errors import Refused
from app.catalog.models import Role
from app.errors import InputError
from testkit.catalog import PASSWORD, doc_meta, make_pdf


@pytest.fixture
def filled(catalog: Catalog, hoso: Hoso, tmp_path: Path) -> list[str]:
    codes = []
    for index in range(3):
        doc = catalog.add_document(
            make_pdf(tmp_path / f"{index}.pdf", f"trang {index}", pages=2),
            doc_meta(subject=f"Văn bản số {index + 1} về số hóa", language=["01", "02"]),
            "lan",
            hoso=hoso.file_code,
        )
        codes.append(doc.doc_code)
    catalog.set_state(codes[0], State.INDEXED, "lan")
    catalog.set_state(codes[0], State.APPROVED, "hung")
    catalog.record_signed(codes[0], make_pdf(tmp_path / "signed.pdf", "ky so"), "mai")
    catalog.set_state(codes[1], State.INDEXED, "lan")
    catalog.set_state(codes[1], State.REJECTED, "hung", "Ảnh mờ trang 2")
    return codes


def test_pdf_xml_names_files_by_the_rule(
    catalog: Catalog, hoso: Hoso, filled: list[str], tmp_path: Path
) -> None:
    out = catalog.export(hoso.file_code, tmp_path / "out", "hung")
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"{c}.pdf" for c in filled] + [f"{hoso.file_code}.xml"])
    signed = catalog.document(filled[0])
    assert (out / f"{filled[0]}.pdf").read_bytes() == catalog.file_path(
        signed.current.sha256
    ).read_bytes()
    root = ET.parse(out / f"{hoso.file_code}.xml").getroot()
    assert root.findtext("fileCode") == hoso.file_code
    assert root.findtext("startDate") == "01/2024"
    first = root.find("DanhSachTaiLieu/TaiLieu")
    assert first is not None and first.findtext("issuedDate") == "05/01/2024"
    assert [e.text for e in first.findall("language")] == ["01", "02"]
    with pytest.raises(Refused):  # never writes into a folder that holds files
        catalog.export(hoso.file_code, tmp_path / "out", "hung")
    assert catalog.history(filled[0])  # export is audited on the hồ sơ
    assert any(
        e.action == "export" for e in __import__("app.catalog.audit").catalog.audit.entries()
    )


def test_sip_layout_and_checksums(
    catalog: Catalog, hoso: Hoso, filled: list[str], tmp_path: Path
) -> None:
    package = catalog.export(hoso.file_code, tmp_path / "sip.zip", "hung", fmt="sip")
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        root = f"{hoso.file_code}/"
        assert f"{root}METS.xml" in names
        assert f"{root}metadata/descriptive/ead.xml" in names
        premis = archive.read(f"{root}metadata/preservation/premis.xml").decode()
        assert "digitization" in premis and "digital signature generation" in premis
        mets = archive.read(f"{root}METS.xml").decode()
        assert mets.count('CHECKSUMTYPE="SHA-256"') == len(names) - 1
        assert f"{root}representations/rep1/data/{filled[0]}.pdf" in names
        assert f"{root}representations/rep1/data/versions/{filled[0]}.v1.pdf" in names


def test_round_trip_through_a_sip(
    catalog: Catalog, hoso: Hoso, filled: list[str], tmp_path: Path, template: Path
) -> None:
    package = catalog.export(hoso.file_code, tmp_path / "sip.zip", "hung", fmt="sip")
    before = (catalog.hoso(hoso.file_code), catalog.documents(hoso.file_code))
    pages = {c: catalog.page_texts(c) for c in filled}
    other = tmp_path / "archive"
    with Catalog.open(other) as archive:
        archive.init_organisation("Ủy ban MTTQ Việt Nam thành phố Hà Nội", "000.00.00.H26")
        archive.add_user("admin", [Role.ADMIN], PASSWORD)
        archive.import_package(package, "admin")
        after = (archive.hoso(hoso.file_code), archive.documents(hoso.file_code))
        assert after == before
        assert {c: archive.page_texts(c) for c in filled} == pages
        for doc in after[1]:
            for version in doc.files:
                assert archive.file_path(version.sha256).is_file()
        assert archive.fsck().clean
        assert [h.doc_code for h in archive.search("so hoa", limit=5)]
        with pytest.raises(Refused):
            archive.import_package(package, "admin")


def test_damaged_package_is_refused(
    catalog: Catalog, hoso: Hoso, filled: list[str], tmp_path: Path
) -> None:
    package = catalog.export(hoso.file_code, tmp_path / "sip.zip", "hung", fmt="sip")
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(damaged, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data + b"%" if name.endswith(f"{filled[2]}.pdf") else data)
    with pytest.raises(InputError, match="SHA-256"):
        catalog.import_package(damaged, "admin")
