"""Read a SIP package from outside, checked, its file versions extracted into a work folder."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET

from app.catalog import profiles
from app.catalog.export import stationdata
from app.catalog.export.limits import Limits, PackageRefused
from app.catalog.export.names import checked_path, checked_sha256
from app.catalog.export.safezip import MANIFEST, SafeZip
from app.catalog.export.sip import EAD, EAD_PATH, HREF, METS, STATION_PATH
from app.catalog.profiles import FieldSpec


@dataclass(frozen=True)
class PackageFile:
    """One file version from a package, extracted to a local path; `sha256` is computed."""

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
    """A hồ sơ as a package describes it, with the organisation its station.json names."""

    organisation: str
    hoso_uuid: str
    created_at: str
    profile: str
    metadata: dict[str, Any]
    documents: tuple[PackageDocument, ...]


@dataclass(frozen=True)
class _Listed:
    sha256: str
    size: int | None


def read_package(path: Path, work: Path, limits: Limits | None = None) -> Package:
    """Verify and parse the SIP ZIP at `path`, extracting its file versions into `work`.

    Nothing outside `work` is written, and inside it only files named here. Every refusal
    is a PackageRefused (an InputError) with a machine-readable `reason`.

    The ZIP, its METS and station.json are checked, every listed file is hashed from its bytes, and
    the file versions are extracted under our names.
    """
    with SafeZip(path, limits or Limits()) as archive:
        listed = _manifest(archive)
        archive.require_exactly(set(listed))
        for needed in (STATION_PATH, EAD_PATH):
            if needed not in listed:
                raise PackageRefused("missing_entry", f"METS does not list {needed}.")
        station = stationdata.parse(_small(archive, STATION_PATH, listed))
        ead = _xml(_small(archive, EAD_PATH, listed), "the EAD", f"{{{EAD}}}ead")
        arch = ead.find(f"{{{EAD}}}archdesc")
        if arch is None:
            raise PackageRefused("bad_ead", "the EAD has no archdesc.")
        items = {c.get("id", "")[2:]: c for c in arch.iter(f"{{{EAD}}}c")}
        for claimed in station.documents:
            if claimed.uuid not in items:
                raise PackageRefused("bad_ead", f"the EAD does not describe {claimed.uuid}.")
        extracted = _extract(archive, listed, station, work)
    profile = profiles.load(station.profile)
    return Package(
        organisation=station.organisation_code,
        hoso_uuid=station.hoso_uuid,
        created_at=station.created_at,
        profile=profile.id,
        metadata=_fields(arch, profile.hoso),
        documents=tuple(
            PackageDocument(
                uuid=d.uuid,
                number=d.number,
                state=d.state,
                reason=d.reason,
                clerk=d.clerk,
                created_at=d.created_at,
                metadata=_fields(items[d.uuid], profile.document),
                pages=d.pages,
                files=tuple(
                    PackageFile(
                        f.version, extracted[f.path][0], f.kind, f.created_at, extracted[f.path][1]
                    )
                    for f in d.files
                ),
            )
            for d in station.documents
        ),
    )


def _xml(raw: bytes, what: str, root_tag: str) -> ET.Element:
    """Parse with defusedxml: no DTD, no entity, no external reference."""
    try:
        root: ET.Element = SafeET.fromstring(raw, forbid_dtd=True)
    except (ET.ParseError, ValueError, RecursionError) as err:
        raise PackageRefused("bad_xml", f"{what} is not acceptable XML ({err}).") from err
    if root.tag != root_tag:
        raise PackageRefused("bad_xml", f"{what} has the root element {root.tag[:80]!r}.")
    return root


def _manifest(archive: SafeZip) -> dict[str, _Listed]:
    """Every file METS lists, by its path in the package, with its checksum and size."""
    m = f"{{{METS}}}"
    mets = _xml(archive.read_small(MANIFEST), "METS.xml", f"{m}mets")
    out: dict[str, _Listed] = {}
    for node in mets.iter(f"{m}file"):
        locat = node.find(f"{m}FLocat")
        name = checked_path(None if locat is None else locat.get(HREF), "A METS file")
        if name in out or name == MANIFEST:
            raise PackageRefused("duplicate_entry", f"METS lists {name!r} twice.")
        if node.get("CHECKSUMTYPE") != "SHA-256":
            raise PackageRefused("bad_hash", f"METS gives no SHA-256 for {name!r}.")
        sha = checked_sha256(node.get("CHECKSUM"), f"The METS checksum of {name!r}")
        size = node.get("SIZE")
        if size is not None and not size.isdigit():
            raise PackageRefused("bad_mets", f"METS gives {name!r} the size {size[:40]!r}.")
        out[name] = _Listed(sha, None if size is None else int(size))
    return out


def _check(name: str, sha: str, size: int, listed: _Listed) -> None:
    if sha != listed.sha256 or (listed.size is not None and size != listed.size):
        raise PackageRefused("checksum_mismatch", f"{name!r} does not match its SHA-256 in METS.")


def _small(archive: SafeZip, name: str, listed: dict[str, _Listed]) -> bytes:
    data = archive.read_small(name)
    _check(name, hashlib.sha256(data).hexdigest(), len(data), listed[name])
    return data


def _extract(
    archive: SafeZip,
    listed: dict[str, _Listed],
    station: stationdata.StationData,
    work: Path,
) -> dict[str, tuple[str, Path]]:
    """Hash every other listed file; write the file versions to `work/<n>.pdf`.

    Returns the computed SHA-256 and the local path of each file version, by package path.
    """
    claimed = {f.path: f for d in station.documents for f in d.files}
    for name in claimed:
        if name not in listed or name in (STATION_PATH, EAD_PATH):
            raise PackageRefused("missing_entry", f"station.json names {name!r}, not a listed PDF.")
    out: dict[str, tuple[str, Path]] = {}
    for number, name in enumerate(sorted(set(listed) - {STATION_PATH, EAD_PATH})):
        if name not in claimed:  # metadata (PREMIS): hashed, capped like METS, not kept
            _check(name, *archive.stream(name, cap=archive.limits.metadata_bytes), listed[name])
            continue
        target = work / f"{number}.pdf"
        with target.open("xb") as handle:
            sha, size = archive.stream(name, handle.write)
        _check(name, sha, size, listed[name])
        if sha != claimed[name].sha256:
            raise PackageRefused(
                "checksum_mismatch", f"station.json gives {name!r} another SHA-256."
            )
        out[name] = (sha, target)
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
