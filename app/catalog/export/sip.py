"""A SIP package: METS manifest, EAD-style description, PREMIS events, SHA-256 of every file."""

from __future__ import annotations

import hashlib
import json
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

from app.catalog import profiles
from app.catalog.audit import now
from app.catalog.export.package import Entries, HosoBundle
from app.catalog.export.xmlutil import to_bytes, values
from app.catalog.profiles import FieldSpec
from app.catalog.store import sha256_of

METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
EAD = "urn:isbn:1-931666-22-9"
PREMIS = "http://www.loc.gov/premis/v3"
HREF = f"{{{XLINK}}}href"
STATION_FORMAT = 1
EAD_PATH = "metadata/descriptive/ead.xml"
PREMIS_PATH = "metadata/preservation/premis.xml"
STATION_PATH = "metadata/other/station.json"
EVENT_TYPES = {"create": "digitization", "sign": "digital signature generation"}

ET.register_namespace("mets", METS)
ET.register_namespace("xlink", XLINK)
ET.register_namespace("", EAD)
ET.register_namespace("premis", PREMIS)


def file_path(doc_name: str, version: int, current: bool) -> str:
    """Where a file version sits in the package: the newest under data/, older ones below."""
    if current:
        return f"representations/rep1/data/{doc_name}"
    return f"representations/rep1/data/versions/{doc_name[:-4]}.v{version}.pdf"


def entries(bundle: HosoBundle) -> Entries:
    """Every file of the package under a root folder named by the Mã hồ sơ."""
    root = bundle.hoso.file_code
    files: Entries = {}
    station_docs = []
    for item in bundle.documents:
        doc = item.document
        versions = []
        for index, (version, path) in enumerate(zip(doc.files, item.paths, strict=True)):
            name = file_path(doc.file_name, version.version, index == len(doc.files) - 1)
            files[name] = path
            versions.append(
                {
                    "version": version.version,
                    "sha256": version.sha256,
                    "kind": version.kind,
                    "created_at": version.created_at,
                    "path": name,
                }
            )
        station_docs.append(
            {
                "uuid": doc.uuid,
                "number": doc.number,
                "state": str(doc.state),
                "reason": doc.reason,
                "clerk": doc.clerk,
                "created_at": doc.created_at,
                "pages": list(item.pages),
                "files": versions,
            }
        )
    station = {
        "format": STATION_FORMAT,
        "organisation": bundle.organisation.__dict__,
        "hoso": {
            "uuid": bundle.hoso.uuid,
            "profile": bundle.hoso.profile,
            "created_at": bundle.hoso.created_at,
        },
        "documents": station_docs,
    }
    files[STATION_PATH] = json.dumps(station, ensure_ascii=False, indent=1).encode("utf-8")
    files[EAD_PATH] = _ead(bundle)
    files[PREMIS_PATH] = _premis(bundle)
    out: Entries = {f"{root}/{name}": content for name, content in files.items()}
    out[f"{root}/METS.xml"] = _mets(bundle, files)
    return out


def _digest(content: bytes | Path) -> tuple[str, int]:
    if isinstance(content, Path):
        return sha256_of(content), content.stat().st_size
    return hashlib.sha256(content).hexdigest(), len(content)


def _mets(bundle: HosoBundle, files: Entries) -> bytes:
    m = f"{{{METS}}}"
    root = ET.Element(
        f"{m}mets",
        OBJID=bundle.hoso.file_code,
        TYPE="SIP",
        LABEL=bundle.hoso.title,
        PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml",
    )
    header = ET.SubElement(root, f"{m}metsHdr", CREATEDATE=now(), RECORDSTATUS="NEW")
    agent = ET.SubElement(header, f"{m}agent", ROLE="CREATOR", TYPE="ORGANIZATION")
    ET.SubElement(agent, f"{m}name").text = bundle.organisation.name
    for tag, path, kind in (("dmdSec", EAD_PATH, "EAD"), ("amdSec", PREMIS_PATH, "PREMIS")):
        sec = ET.SubElement(root, f"{m}{tag}", ID=tag.upper())
        holder = sec if tag == "dmdSec" else ET.SubElement(sec, f"{m}digiprovMD", ID="PREMIS")
        ET.SubElement(holder, f"{m}mdRef", {"LOCTYPE": "URL", "MDTYPE": kind, HREF: path})
    group = ET.SubElement(ET.SubElement(root, f"{m}fileSec"), f"{m}fileGrp", USE="Representations")
    ids: dict[str, str] = {}
    for index, (name, content) in enumerate(files.items(), start=1):
        sha, size = _digest(content)
        ids[name] = f"F{index}"
        node = ET.SubElement(
            group,
            f"{m}file",
            ID=ids[name],
            CHECKSUM=sha,
            CHECKSUMTYPE="SHA-256",
            SIZE=str(size),
            MIMETYPE="application/pdf" if name.endswith(".pdf") else "text/xml",
        )
        ET.SubElement(node, f"{m}FLocat", {"LOCTYPE": "URL", HREF: name})
    struct = ET.SubElement(root, f"{m}structMap", TYPE="PHYSICAL", LABEL="CSIP")
    top = ET.SubElement(struct, f"{m}div", LABEL=bundle.hoso.file_code, DMDID="DMDSEC")
    for item in bundle.documents:
        div = ET.SubElement(top, f"{m}div", LABEL=item.document.doc_code)
        for name, file_id in ids.items():
            if f"/{item.document.doc_code}." in f"/{Path(name).name}":
                ET.SubElement(div, f"{m}fptr", FILEID=file_id)
    return to_bytes(root)


def _ead(bundle: HosoBundle) -> bytes:
    e = f"{{{EAD}}}"
    hoso = bundle.hoso
    profile = profiles.load(hoso.profile)
    root = ET.Element(f"{e}ead")
    header = ET.SubElement(root, f"{e}eadheader")
    ET.SubElement(header, f"{e}eadid").text = hoso.file_code
    title = ET.SubElement(ET.SubElement(header, f"{e}filedesc"), f"{e}titlestmt")
    ET.SubElement(title, f"{e}titleproper").text = hoso.title
    arch = ET.SubElement(root, f"{e}archdesc", level="file")
    did = ET.SubElement(arch, f"{e}did")
    ET.SubElement(did, f"{e}unitid").text = hoso.file_code
    ET.SubElement(did, f"{e}unittitle").text = hoso.title
    repo = ET.SubElement(did, f"{e}repository")
    ET.SubElement(repo, f"{e}corpname", id=bundle.organisation.code).text = bundle.organisation.name
    _odd(arch, profile.hoso, hoso.metadata, hoso.secret)
    dsc = ET.SubElement(arch, f"{e}dsc")
    for item in bundle.documents:
        doc = item.document
        c = ET.SubElement(dsc, f"{e}c", level="item", id=f"d-{doc.uuid}")
        cdid = ET.SubElement(c, f"{e}did")
        ET.SubElement(cdid, f"{e}unitid").text = doc.doc_code
        ET.SubElement(cdid, f"{e}unittitle").text = str(doc.metadata.get("subject", ""))
        href = file_path(doc.file_name, doc.current.version, True)
        ET.SubElement(cdid, f"{e}dao", href=href)
        _odd(c, profile.document, doc.metadata, doc.secret)
    return to_bytes(root)


def _odd(
    parent: ET.Element, specs: tuple[FieldSpec, ...], meta: dict[str, object], secret: bool
) -> None:
    e = f"{{{EAD}}}"
    for spec in specs:
        if spec.tag in meta:
            odd = ET.SubElement(parent, f"{e}odd", type=spec.tag)
            ET.SubElement(odd, f"{e}head").text = spec.label
            for text in values(spec, meta[spec.tag], display=False):
                ET.SubElement(odd, f"{e}p").text = text
    if secret:
        ET.SubElement(parent, f"{e}accessrestrict", type="state-secret").text = "Bí mật nhà nước"


def _premis(bundle: HosoBundle) -> bytes:
    p = f"{{{PREMIS}}}"
    root = ET.Element(f"{p}premis", version="3.0")
    for item in bundle.documents:
        for version in item.document.files:
            obj = ET.SubElement(root, f"{p}object")
            ident = ET.SubElement(obj, f"{p}objectIdentifier")
            ET.SubElement(ident, f"{p}objectIdentifierType").text = "SHA-256"
            ET.SubElement(ident, f"{p}objectIdentifierValue").text = version.sha256
            chars = ET.SubElement(obj, f"{p}objectCharacteristics")
            fixity = ET.SubElement(chars, f"{p}fixity")
            ET.SubElement(fixity, f"{p}messageDigestAlgorithm").text = "SHA-256"
            ET.SubElement(fixity, f"{p}messageDigest").text = version.sha256
            ET.SubElement(chars, f"{p}size").text = str(version.size)
            fmt = ET.SubElement(ET.SubElement(chars, f"{p}format"), f"{p}formatDesignation")
            ET.SubElement(fmt, f"{p}formatName").text = "PDF/A-2b"
    for entry in bundle.events:
        event = ET.SubElement(root, f"{p}event")
        ident = ET.SubElement(event, f"{p}eventIdentifier")
        ET.SubElement(ident, f"{p}eventIdentifierType").text = "UUID"
        ET.SubElement(ident, f"{p}eventIdentifierValue").text = str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"audit:{entry.hash}")
        )
        ET.SubElement(event, f"{p}eventType").text = EVENT_TYPES.get(entry.action, entry.action)
        ET.SubElement(event, f"{p}eventDateTime").text = entry.at
        info = ET.SubElement(event, f"{p}eventDetailInformation")
        ET.SubElement(info, f"{p}eventDetail").text = json.dumps(entry.data, ensure_ascii=False)
        agent = ET.SubElement(event, f"{p}linkingAgentIdentifier")
        ET.SubElement(agent, f"{p}linkingAgentIdentifierType").text = "local user"
        ET.SubElement(agent, f"{p}linkingAgentIdentifierValue").text = entry.user
        sha = entry.data.get("sha256")
        if sha:
            link = ET.SubElement(event, f"{p}linkingObjectIdentifier")
            ET.SubElement(link, f"{p}linkingObjectIdentifierType").text = "SHA-256"
            ET.SubElement(link, f"{p}linkingObjectIdentifierValue").text = str(sha)
    return to_bytes(root)
