"""Read a SIP package back: check every SHA-256 in its METS, then parse EAD and station data."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.catalog import profiles
from app.catalog.export.sip import EAD, EAD_PATH, METS, STATION_FORMAT, STATION_PATH, XLINK
from app.catalog.profiles import FieldSpec
from app.errors import InputError


@dataclass(frozen=True)
class PackageFile:
    """One file version from a package, extracted to a local path."""

    version: int
    sha256: str
    kind: str
    created_at: str
    path: Path


@dataclass(frozen=True)
class PackageDocument:
    """A document as a package describes it."""

    uuid: str
    number: int
    state: str
    reason: str
    clerk: str
    created_at: str
    metadata: dict[str, Any]
    pages: tuple[str, ...]
    files: tuple[PackageFile, ...]


@dataclass(frozen=True)
class Package:
    """A hồ sơ as a package describes it."""

    hoso_uuid: str
    created_at: str
    profile: str
    metadata: dict[str, Any]
    documents: tuple[PackageDocument, ...]


def read_package(path: Path, work: Path) -> Package:
    """Verify and parse the SIP ZIP at `path`, extracting its PDFs into `work`."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        raise InputError(f"{path} is not a readable ZIP package: {err}") from err
    with archive:
        mets_names = [
            n for n in archive.namelist() if n.endswith("/METS.xml") and n.count("/") == 1
        ]
        if len(mets_names) != 1:
            raise InputError(f"{path}: expected one root folder with METS.xml.")
        root = mets_names[0][: -len("METS.xml")]
        listed = _checked_files(archive, root)
        station = json.loads(listed[STATION_PATH])
        if station.get("format") != STATION_FORMAT:
            raise InputError(f"{path}: unknown package format {station.get('format')!r}.")
        profile = profiles.load(station["hoso"]["profile"])
        ead = ET.fromstring(listed[EAD_PATH])
        e = f"{{{EAD}}}"
        arch = ead.find(f"{e}archdesc")
        if arch is None:
            raise InputError(f"{path}: the EAD has no archdesc.")
        items = {c.get("id", "")[2:]: c for c in arch.iter(f"{e}c")}
        documents = []
        for raw in station["documents"]:
            files = []
            for version in raw["files"]:
                target = work / version["sha256"]
                target.write_bytes(listed[version["path"]])
                files.append(
                    PackageFile(
                        version["version"],
                        version["sha256"],
                        version["kind"],
                        version["created_at"],
                        target,
                    )
                )
            documents.append(
                PackageDocument(
                    uuid=raw["uuid"],
                    number=raw["number"],
                    state=raw["state"],
                    reason=raw["reason"],
                    clerk=raw["clerk"],
                    created_at=raw["created_at"],
                    metadata=_fields(items[raw["uuid"]], profile.document),
                    pages=tuple(raw["pages"]),
                    files=tuple(files),
                )
            )
        return Package(
            hoso_uuid=station["hoso"]["uuid"],
            created_at=station["hoso"]["created_at"],
            profile=profile.id,
            metadata=_fields(arch, profile.hoso),
            documents=tuple(documents),
        )


def _checked_files(archive: zipfile.ZipFile, root: str) -> dict[str, bytes]:
    """Every file METS lists, by its path, after checking size and SHA-256 (all problems)."""
    m = f"{{{METS}}}"
    mets = ET.fromstring(archive.read(f"{root}METS.xml"))
    problems: list[str] = []
    out: dict[str, bytes] = {}
    for node in mets.iter(f"{m}file"):
        locat = node.find(f"{m}FLocat")
        name = "" if locat is None else locat.get(f"{{{XLINK}}}href", "")
        try:
            data = archive.read(root + name)
        except KeyError:
            problems.append(f"{name}: listed in METS but absent")
            continue
        if hashlib.sha256(data).hexdigest() != node.get("CHECKSUM"):
            problems.append(f"{name}: SHA-256 does not match METS")
            continue
        out[name] = data
    for needed in (STATION_PATH, EAD_PATH):
        if needed not in out and not any(p.startswith(needed) for p in problems):
            problems.append(f"{needed}: missing from the package")
    if problems:
        raise InputError("The package is damaged:\n  " + "\n  ".join(problems))
    return out


def _fields(node: ET.Element, specs: tuple[FieldSpec, ...]) -> dict[str, Any]:
    e = f"{{{EAD}}}"
    types = {spec.tag: spec.type for spec in specs}
    out: dict[str, Any] = {}
    for odd in node.findall(f"{e}odd"):
        tag = odd.get("type", "")
        texts = [p.text or "" for p in odd.findall(f"{e}p")]
        out[tag] = texts if types.get(tag) == "codes" else (texts[0] if texts else "")
    return out
