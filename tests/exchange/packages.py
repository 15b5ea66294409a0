"""Hostile packages made from a genuine one; each case names the refusal it must get."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import stat
import struct
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.catalog.export.sip import EAD_PATH, HREF, METS, STATION_PATH


@dataclass
class Unpacked:
    """A package as editable parts: its root folder and every member's bytes, in order."""

    root: str
    entries: dict[str, bytes]

    @classmethod
    def of(cls, data: bytes) -> Unpacked:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = {i.filename: archive.read(i) for i in archive.infolist()}
        root = next(n for n in entries if n.endswith("/METS.xml")).split("/")[0] + "/"
        return cls(root, entries)

    def copy(self) -> Unpacked:
        return Unpacked(self.root, dict(self.entries))

    @property
    def station(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.entries[self.root + STATION_PATH])
        return data

    @station.setter
    def station(self, data: dict[str, Any]) -> None:
        self.entries[self.root + STATION_PATH] = json.dumps(data, ensure_ascii=False).encode()

    def pdf_names(self) -> list[str]:
        return [f["path"] for d in self.station["documents"] for f in d["files"]]

    def relist(self) -> Unpacked:
        """Make METS agree with the members again (a forger controls METS too)."""
        m = f"{{{METS}}}"
        mets = ET.fromstring(self.entries[self.root + "METS.xml"])
        for node in mets.iter(f"{m}file"):
            locat = node.find(f"{m}FLocat")
            assert locat is not None
            data = self.entries.get(self.root + str(locat.get(HREF)))
            if data is not None:
                node.set("CHECKSUM", hashlib.sha256(data).hexdigest())
                node.set("SIZE", str(len(data)))
        self.entries[self.root + "METS.xml"] = ET.tostring(mets, xml_declaration=True)
        return self

    def list_file(self, name: str) -> Unpacked:
        """Add `name` (relative to the root) to METS as a listed file."""
        m = f"{{{METS}}}"
        mets = ET.fromstring(self.entries[self.root + "METS.xml"])
        group = mets.find(f"{m}fileSec/{m}fileGrp")
        assert group is not None
        node = ET.SubElement(group, f"{m}file", ID="X", CHECKSUMTYPE="SHA-256", CHECKSUM="0" * 64)
        ET.SubElement(node, f"{m}FLocat", {"LOCTYPE": "URL", HREF: name})
        self.entries[self.root + "METS.xml"] = ET.tostring(mets, xml_declaration=True)
        return self

    def zip(self, extra: tuple[tuple[zipfile.ZipInfo | str, bytes], ...] = ()) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for before_name, data in extra:
                if isinstance(before_name, str) and before_name.startswith("!"):
                    archive.writestr(before_name[1:], data)  # placed first
            for name, data in self.entries.items():
                archive.writestr(name, data)
            for info, data in extra:
                if not (isinstance(info, str) and info.startswith("!")):
                    archive.writestr(info, data)
        return out.getvalue()


@dataclass
class Context:
    """What the cases need to know about the place they attack."""

    canary: Path  # a folder outside the storage: nothing may ever appear in it
    stored_sha: str  # the SHA-256 of a PDF the target already stores (another document's)
    other_org: str
    metadata_limit: int
    entry_limit: int


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Unpacked, Context], bytes]
    reasons: frozenset[str]  # the refusal reasons accepted (PackageRefused.reason / API code)
    status: int = 422  # the server's answer
    server_only: bool = False  # the station's import checks no signature, station or docCode
    extra: dict[str, Any] = field(default_factory=dict)


def _set_file(pkg: Unpacked, **changes: Any) -> Unpacked:
    station = pkg.station
    station["documents"][0]["files"][-1].update(changes)
    pkg.station = station
    return pkg.relist()


def _claim_sha(value: str) -> Callable[[Unpacked, Context], bytes]:
    return lambda pkg, ctx: _set_file(pkg, sha256=value.format(canary=ctx.canary)).zip()


def _claim_stored(pkg: Unpacked, ctx: Context) -> bytes:
    """A new document carrying an unsigned PDF but claiming the stored signed PDF's hash."""
    station = pkg.station
    doc = station["documents"][0]
    old, new = doc["uuid"], str(uuid.uuid4())
    doc["uuid"] = new
    newest = doc["files"][-1]
    first = pkg.entries[pkg.root + doc["files"][0]["path"]]
    pkg.entries[pkg.root + newest["path"]] = first  # the unsigned scan in place of the signed
    newest["sha256"] = ctx.stored_sha
    pkg.station = station
    ead = pkg.root + EAD_PATH
    pkg.entries[ead] = pkg.entries[ead].replace(f"d-{old}".encode(), f"d-{new}".encode())
    return pkg.relist().zip()


def _mets_with(prologue: str) -> Callable[[Unpacked, Context], bytes]:
    def build(pkg: Unpacked, ctx: Context) -> bytes:
        name = pkg.root + "METS.xml"
        body = pkg.entries[name].split(b"?>", 1)[1]
        pkg.entries[name] = b'<?xml version="1.0"?>\n' + prologue.encode() + body
        return pkg.zip()

    return build


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
QUADRATIC = '<!DOCTYPE q [<!ENTITY a "' + "a" * 50_000 + '">]>'
EXTERNAL = '<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'


def _external_in_ead(pkg: Unpacked, ctx: Context) -> bytes:
    name = pkg.root + EAD_PATH
    body = pkg.entries[name].split(b"?>", 1)[1].replace(b"<unittitle>", b"<unittitle>&ext;", 1)
    pkg.entries[name] = b'<?xml version="1.0"?>\n' + EXTERNAL.encode() + body
    return pkg.relist().zip()


def _truncated_mets(pkg: Unpacked, ctx: Context) -> bytes:
    name = pkg.root + "METS.xml"
    pkg.entries[name] = pkg.entries[name][: len(pkg.entries[name]) // 2]
    return pkg.zip()


def _foreign_station_first(pkg: Unpacked, ctx: Context) -> bytes:
    station = pkg.station
    station["organisation"]["code"] = ctx.other_org
    data = json.dumps(station).encode()
    return pkg.zip(extra=((f"!{pkg.root}x/{STATION_PATH}", data),))


def _second_root(pkg: Unpacked, ctx: Context) -> bytes:
    station = pkg.station
    station["organisation"]["code"] = ctx.other_org
    return pkg.zip(extra=((f"!ZZ/{STATION_PATH}", json.dumps(station).encode()),))


def _typed_entry(mode: int) -> Callable[[Unpacked, Context], bytes]:
    def build(pkg: Unpacked, ctx: Context) -> bytes:
        name = pkg.root + pkg.pdf_names()[-1]
        data = pkg.entries.pop(name)
        info = zipfile.ZipInfo(name)
        info.external_attr = (mode | 0o777) << 16
        info.create_system = 3
        return pkg.zip(extra=((info, data if mode != stat.S_IFLNK else b"/etc/passwd"),))

    return build


def _named(member: str) -> Callable[[Unpacked, Context], bytes]:
    """An extra member under a hostile name, listed in METS too."""

    def build(pkg: Unpacked, ctx: Context) -> bytes:
        name = member.format(root=pkg.root, canary=ctx.canary)
        pkg.list_file(name[len(pkg.root) :] if name.startswith(pkg.root) else name)
        return pkg.relist().zip(extra=((name, b"%PDF-1.7 evil"),))

    return build


def _href(value: str) -> Callable[[Unpacked, Context], bytes]:
    """METS (and station.json) pointing a listed file at a hostile path."""

    def build(pkg: Unpacked, ctx: Context) -> bytes:
        target = value.format(canary=ctx.canary)
        name = pkg.root + "METS.xml"
        old = pkg.pdf_names()[-1]
        pkg.entries[name] = pkg.entries[name].replace(old.encode(), target.encode())
        return _set_file(pkg, path=target).zip()

    return build


def _duplicate(pkg: Unpacked, ctx: Context) -> bytes:
    name = pkg.root + pkg.pdf_names()[-1]
    return pkg.zip(extra=((name, b"%PDF-1.7 second copy"),))


def _unlisted(pkg: Unpacked, ctx: Context) -> bytes:
    return pkg.zip(extra=((pkg.root + "representations/rep1/data/extra.pdf", b"%PDF-1.7"),))


def _oversized_mets(pkg: Unpacked, ctx: Context) -> bytes:
    name = pkg.root + "METS.xml"
    noise = os.urandom(ctx.metadata_limit // 2 + 1024).hex()  # compresses about 2:1 only
    pkg.entries[name] = pkg.entries[name] + f"<!-- {noise} -->".encode()
    return pkg.zip()


def _many_entries(pkg: Unpacked, ctx: Context) -> bytes:
    extra = tuple((f"{pkg.root}n/{i}", b"") for i in range(ctx.entry_limit + 1))
    return pkg.zip(extra=extra)


def _profile(pkg: Unpacked, ctx: Context) -> bytes:
    station = pkg.station
    station["hoso"]["profile"] = "../../../../etc/passwd"
    pkg.station = station
    return pkg.relist().zip()


def _lying_size(pkg: Unpacked, ctx: Context) -> bytes:
    """The directory claims a PDF is 10 bytes long; its deflated data holds more."""
    name = (pkg.root + pkg.pdf_names()[-1]).encode()
    data = bytearray(pkg.zip())
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    data[at + 24 : at + 28] = struct.pack("<I", 10)
    return bytes(data)


def _not_a_zip(pkg: Unpacked, ctx: Context) -> bytes:
    return b"PK\x03\x04" + os.urandom(4000)


def _strip_signature(pkg: Unpacked, ctx: Context) -> bytes:
    names = pkg.pdf_names()
    pkg.entries[pkg.root + names[-1]] = pkg.entries[pkg.root + names[0]]
    unsigned = hashlib.sha256(pkg.entries[pkg.root + names[0]]).hexdigest()
    return _set_file(pkg, sha256=unsigned).zip()


def _break_signature(pkg: Unpacked, ctx: Context) -> bytes:
    name = pkg.root + pkg.pdf_names()[-1]
    pkg.entries[name] = pkg.entries[name].replace(b"595", b"596", 1)
    return _set_file(pkg, sha256=hashlib.sha256(pkg.entries[name]).hexdigest()).zip()


def _newest_unsigned(pkg: Unpacked, ctx: Context) -> bytes:
    return _set_file(pkg, kind="scan").zip()


def _missing_ead_item(pkg: Unpacked, ctx: Context) -> bytes:
    station = pkg.station
    station["documents"][0]["uuid"] = str(uuid.uuid4())
    pkg.station = station
    return pkg.relist().zip()


def _evil_doc_code(pkg: Unpacked, ctx: Context) -> bytes:
    """A docCode (it names the download) with a quote and a line break: header injection."""
    name = pkg.root + EAD_PATH
    code = pkg.pdf_names()[-1].rsplit("/", 1)[1][: -len(".pdf")]
    evil = b"X&quot;&#13;&#10;X-Evil: 1"
    pkg.entries[name] = pkg.entries[name].replace(f">{code}<".encode(), b">" + evil + b"<")
    return pkg.relist().zip()


def _replayed(pkg: Unpacked, ctx: Context) -> bytes:
    return pkg.zip()  # the genuine package, sent by a station of another organisation


CASES = (
    Case("hash_absolute_path", _claim_sha("{canary}/pwned"), frozenset({"bad_hash"})),
    Case("hash_dotdot_path", _claim_sha("../../../../x"), frozenset({"bad_hash"})),
    Case("hash_into_blobs", _claim_sha("../blobs/ab/cd/" + "a" * 64), frozenset({"bad_hash"})),
    Case("hash_uppercase", _claim_sha("A" * 64), frozenset({"bad_hash"})),
    Case("hash_of_nothing", _claim_sha("0" * 64), frozenset({"checksum_mismatch"})),
    Case("hash_of_stored_pdf", _claim_stored, frozenset({"checksum_mismatch"})),
    Case("billion_laughs", _mets_with(LAUGHS), frozenset({"bad_xml"})),
    Case("quadratic_blowup", _mets_with(QUADRATIC), frozenset({"bad_xml"})),
    Case("external_entity", _external_in_ead, frozenset({"bad_xml"})),
    Case("malformed_mets", _truncated_mets, frozenset({"bad_xml"})),
    Case("foreign_station_json_first", _foreign_station_first, frozenset({"unlisted_entry"})),
    Case("second_root_folder", _second_root, frozenset({"outside_root"})),
    Case("symlink_entry", _typed_entry(stat.S_IFLNK), frozenset({"special_entry"})),
    Case("device_entry", _typed_entry(stat.S_IFCHR), frozenset({"special_entry"})),
    Case("backslash_name", _named("{root}..\\..\\evil.pdf"), frozenset({"unsafe_name"})),
    Case("drive_letter_name", _named("C:/Windows/evil.pdf"), frozenset({"unsafe_name"})),
    Case("absolute_name", _named("{canary}/evil.pdf"), frozenset({"unsafe_name"})),
    Case("dotdot_name", _named("{root}../../evil.pdf"), frozenset({"unsafe_name"})),
    Case("href_absolute", _href("{canary}/evil.pdf"), frozenset({"unsafe_name"})),
    Case("href_drive_letter", _href("C:\\evil.pdf"), frozenset({"unsafe_name"})),
    Case("duplicate_entry", _duplicate, frozenset({"duplicate_entry"})),
    Case("unlisted_entry", _unlisted, frozenset({"unlisted_entry"})),
    Case(
        "oversized_mets",
        _oversized_mets,
        frozenset({"metadata_too_large", "entry_too_large"}),
        413,
    ),
    Case("too_many_entries", _many_entries, frozenset({"too_many_entries"}), 413),
    Case("profile_traversal", _profile, frozenset({"bad_station_json"})),
    Case("lying_size", _lying_size, frozenset({"bad_zip"})),
    Case("not_a_zip", _not_a_zip, frozenset({"bad_zip"})),
    Case("document_not_in_ead", _missing_ead_item, frozenset({"bad_ead"})),
    Case("signature_stripped", _strip_signature, frozenset({"bad_signature"}), server_only=True),
    Case("signature_invalid", _break_signature, frozenset({"bad_signature"}), server_only=True),
    Case("newest_unsigned", _newest_unsigned, frozenset({"unsigned"}), server_only=True),
    # a station files documents under docCodes it makes itself; the server keeps the sender's
    Case(
        "header_injection_doc_code", _evil_doc_code, frozenset({"bad_metadata"}), server_only=True
    ),
    Case("replayed_by_other_org", _replayed, frozenset({"wrong_org"}), 403, server_only=True),
)


def build(case: Case, genuine: bytes, ctx: Context) -> bytes:
    return case.build(copy.deepcopy(Unpacked.of(genuine)), ctx)
