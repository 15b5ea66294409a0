"""The NĐ 30 hand-over: each document's PDF named by the rule, plus one XML of metadata."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.catalog import profiles
from app.catalog.export.package import Entries, HosoBundle
from app.catalog.export.xmlutil import to_bytes, values
from app.catalog.profiles import FieldSpec


def entries(bundle: HosoBundle) -> Entries:
    """`{docCode}.pdf` (the newest version of each document) and `{fileCode}.xml`."""
    hoso = bundle.hoso
    profile = profiles.load(hoso.profile)
    root = ET.Element("HoSo", profile=profile.id, uuid=hoso.uuid)
    organ = ET.SubElement(root, "CoQuan", code=bundle.organisation.code)
    organ.text = bundle.organisation.name
    _fields(root, profile.hoso, hoso.metadata)
    if hoso.secret:
        ET.SubElement(root, "BiMatNhaNuoc").text = "true"
    docs = ET.SubElement(root, "DanhSachTaiLieu")
    out: Entries = {}
    for item in bundle.documents:
        doc = item.document
        node = ET.SubElement(docs, "TaiLieu", uuid=doc.uuid)
        ET.SubElement(node, "fileName").text = doc.file_name
        ET.SubElement(node, "sha256").text = doc.current.sha256
        _fields(node, profile.document, doc.metadata)
        if doc.secret:
            ET.SubElement(node, "BiMatNhaNuoc").text = "true"
        out[doc.file_name] = item.paths[-1]
    out[f"{hoso.file_code}.xml"] = to_bytes(root)
    return out


def _fields(parent: ET.Element, specs: tuple[FieldSpec, ...], metadata: dict[str, object]) -> None:
    for spec in specs:
        if spec.tag in metadata:
            for text in values(spec, metadata[spec.tag], display=True):
                ET.SubElement(parent, spec.tag).text = text
