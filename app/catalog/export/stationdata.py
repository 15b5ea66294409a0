"""station.json of a package, checked field by field before anything uses it."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

from app.catalog import profiles
from app.catalog.export.limits import PackageRefused
from app.catalog.export.names import checked_path, checked_sha256
from app.catalog.export.sip import STATION_FORMAT
from app.catalog.models import State

KINDS = ("scan", "signed")
MAX_TEXT = 1 << 16  # one short field (a name, a date, a reason)
UUID_TEXT = re.compile(r"[0-9a-fA-F-]{32,36}")


@dataclass(frozen=True)
class ClaimedFile:
    """A file version as station.json claims it (checked against the bytes later)."""

    version: int
    sha256: str
    kind: str
    created_at: str
    path: str


@dataclass(frozen=True)
class ClaimedDocument:
    uuid: str
    number: int
    state: str
    reason: str
    clerk: str
    created_at: str
    pages: tuple[str, ...]
    files: tuple[ClaimedFile, ...]


@dataclass(frozen=True)
class StationData:
    organisation_code: str
    organisation_name: str
    hoso_uuid: str
    profile: str
    created_at: str
    documents: tuple[ClaimedDocument, ...]


def _bad(message: str) -> PackageRefused:
    return PackageRefused("bad_station_json", f"station.json: {message}")


def _get(data: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(data, dict):
        raise _bad(f"{where} is not an object.")
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
        raise _bad(f"{where}.{key} is missing or not a {kind.__name__}.")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise _bad(f"{where}.{key} is too long.")
    return value


def _uuid(data: Any, key: str, where: str) -> str:
    value: str = _get(data, key, str, where)
    try:
        if not UUID_TEXT.fullmatch(value):
            raise ValueError(value)
        uuid.UUID(value)
    except ValueError:
        raise _bad(f"{where}.{key} is not a UUID.") from None
    return value


def _positive(data: Any, key: str, where: str) -> int:
    value: int = _get(data, key, int, where)
    if not 1 <= value < 1 << 31:
        raise _bad(f"{where}.{key} must be a positive number.")
    return value


def _file(data: Any, where: str) -> ClaimedFile:
    kind = _get(data, "kind", str, where)
    if kind not in KINDS:
        raise _bad(f"{where}.kind must be one of {', '.join(KINDS)}.")
    return ClaimedFile(
        version=_positive(data, "version", where),
        sha256=checked_sha256(_get(data, "sha256", str, where), f"station.json {where}.sha256"),
        kind=kind,
        created_at=_get(data, "created_at", str, where),
        path=checked_path(_get(data, "path", str, where), f"station.json {where}.path"),
    )


def _document(data: Any, where: str) -> ClaimedDocument:
    state = _get(data, "state", str, where)
    if state not in {s.value for s in State}:
        raise _bad(f"{where}.state {state[:40]!r} is not a document state.")
    pages = _get(data, "pages", list, where)
    if not all(isinstance(p, str) for p in pages):
        raise _bad(f"{where}.pages must be texts.")
    raw_files = _get(data, "files", list, where)
    files = tuple(_file(f, f"{where}.files[{i}]") for i, f in enumerate(raw_files))
    if not files:
        raise _bad(f"{where} has no file.")
    versions = [f.version for f in files]
    if versions != sorted(set(versions)):
        raise _bad(f"{where}: file versions must increase.")
    clerk = _get(data, "clerk", str, where)
    if not clerk.strip() or len(clerk) > 200:
        raise _bad(f"{where}.clerk must be a user name.")
    return ClaimedDocument(
        uuid=_uuid(data, "uuid", where),
        number=_positive(data, "number", where),
        state=state,
        reason=_get(data, "reason", str, where),
        clerk=clerk,
        created_at=_get(data, "created_at", str, where),
        pages=tuple(pages),
        files=files,
    )


def parse(raw: bytes) -> StationData:
    """The checked content of station.json (PackageRefused names the first problem)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise _bad(f"not valid JSON ({type(err).__name__}).") from err
    if not isinstance(data, dict) or data.get("format") != STATION_FORMAT:
        shown = str(data.get("format") if isinstance(data, dict) else None)[:40]
        raise PackageRefused("unknown_format", f"unknown package format {shown!r}.")
    org = _get(data, "organisation", dict, "root")
    hoso = _get(data, "hoso", dict, "root")
    profile = _get(hoso, "profile", str, "hoso")
    if profile not in profiles.available():
        raise _bad(f"unknown profile {profile[:40]!r}.")
    raw_docs = _get(data, "documents", list, "root")
    documents = tuple(_document(d, f"documents[{i}]") for i, d in enumerate(raw_docs))
    uuids = [d.uuid for d in documents]
    paths = [f.path for d in documents for f in d.files]
    if len(set(uuids)) != len(uuids) or len(set(paths)) != len(paths):
        raise _bad("a document or a file path appears twice.")
    return StationData(
        organisation_code=_get(org, "code", str, "organisation"),
        organisation_name=_get(org, "name", str, "organisation"),
        hoso_uuid=_uuid(hoso, "uuid", "hoso"),
        profile=profile,
        created_at=_get(hoso, "created_at", str, "hoso"),
        documents=documents,
    )
