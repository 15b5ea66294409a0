"""The manifest of one backup generation: every file's SHA-256, size and object, and the facts."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from app.backup.errors import DamagedBackup

FORMAT = 1
DATABASE = "catalog.sqlite3"


@dataclass(frozen=True)
class Entry:
    """One file of the backup: where it goes in a catalog folder, its hash, size and object."""

    path: str
    sha256: str
    size: int
    object: str


@dataclass(frozen=True)
class Manifest:
    """What one backup generation holds; sealed on the medium like any other object."""

    generation: int
    created_at: str
    organisation: dict[str, str]
    schema: int
    audit_head: str
    documents: int
    files: tuple[Entry, ...]
    hoso: dict[str, str] = field(default_factory=dict)  # fileCode → fingerprint of its content
    new_objects: int = 0
    format: int = FORMAT

    @property
    def database(self) -> Entry:
        return next(e for e in self.files if e.path == DATABASE)

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.files)

    def to_bytes(self) -> bytes:
        data = asdict(self)
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Manifest:
        """Parse a manifest (already authenticated); refuse a format this program cannot read."""
        try:
            data: dict[str, Any] = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise DamagedBackup(
                    f"The backup was written in format {data.get('format')}.",
                    hint="Restore it with the program version that wrote it, or a newer one.",
                )
            files = tuple(Entry(**e) for e in data.pop("files"))
            manifest = cls(files=files, **data)
            manifest.database  # noqa: B018 — every manifest names the database snapshot
        except (ValueError, TypeError, KeyError, StopIteration) as err:
            raise DamagedBackup(f"The manifest cannot be read ({err}).") from err
        return manifest
