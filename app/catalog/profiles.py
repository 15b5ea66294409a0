"""Metadata profiles (TT 05/2025, TT 02/2019) loaded from resources/profiles/*.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from app.catalog.errors import NotFound

PROFILE_DIR = Path(__file__).resolve().parents[2] / "resources" / "profiles"
DEFAULT_PROFILE = "tt05-2025"
Level = Literal["hoso", "document"]
FieldType = Literal["text", "code", "codes", "integer", "date", "partialDate"]


@dataclass(frozen=True)
class FieldSpec:
    """One metadata field: its tag, Vietnamese label, type, limits and code list."""

    tag: str
    label: str
    type: FieldType
    max_length: int | None = None
    required: bool = False
    codes: tuple[tuple[str, str], ...] = ()
    generated: bool = False
    inherit: bool = False
    default: str | None = None


@dataclass(frozen=True)
class Rule:
    """A cross-field rule: `require` when every `when` field has its value, or an `order`."""

    when: tuple[tuple[str, str], ...] = ()
    require: str = ""
    why: str = ""
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """A metadata profile: the fields of a hồ sơ and of a document, and how codes are formed."""

    id: str
    name: str
    org_code_pattern: str
    doc_number_digits: int
    secret_mode_field: str
    secret_mode_codes: tuple[str, ...]
    secret_level_field: str
    hoso: tuple[FieldSpec, ...]
    document: tuple[FieldSpec, ...]
    hoso_rules: tuple[Rule, ...]
    document_rules: tuple[Rule, ...]

    def fields(self, level: Level) -> tuple[FieldSpec, ...]:
        return self.hoso if level == "hoso" else self.document

    def rules(self, level: Level) -> tuple[Rule, ...]:
        return self.hoso_rules if level == "hoso" else self.document_rules

    def field(self, level: Level, tag: str) -> FieldSpec | None:
        return next((f for f in self.fields(level) if f.tag == tag), None)


def available() -> list[str]:
    """The ids of every profile shipped with the station."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.json"))


@cache
def load(profile_id: str = DEFAULT_PROFILE) -> Profile:
    """Load a profile by id; NotFound names the profiles that exist."""
    path = PROFILE_DIR / f"{profile_id}.json"
    if not path.is_file():
        raise NotFound(
            f"Không có hồ sơ mẫu siêu dữ liệu {profile_id!r}.",
            hint=f"Chọn một trong: {', '.join(available())}.",
            code="profile.not_found", params={"profile": profile_id},
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    lists: dict[str, dict[str, str]] = data["codeLists"]
    secret = data["secret"]
    return Profile(
        id=data["id"],
        name=data["name"],
        org_code_pattern=data["orgCodePattern"],
        doc_number_digits=int(data["docNumberDigits"]),
        secret_mode_field=secret["modeField"],
        secret_mode_codes=tuple(secret["modeCodes"]),
        secret_level_field=secret["levelField"],
        hoso=tuple(_field(f, lists) for f in data["hoso"]["fields"]),
        document=tuple(_field(f, lists) for f in data["document"]["fields"]),
        hoso_rules=tuple(_rule(r) for r in data["hoso"]["rules"]),
        document_rules=tuple(_rule(r) for r in data["document"]["rules"]),
    )


def _field(raw: dict[str, Any], lists: dict[str, dict[str, str]]) -> FieldSpec:
    return FieldSpec(
        tag=raw["tag"],
        label=raw["label"],
        type=raw["type"],
        max_length=raw.get("maxLength"),
        required=bool(raw.get("required", False)),
        codes=tuple(lists[raw["codes"]].items()) if "codes" in raw else (),
        generated=bool(raw.get("generated", False)),
        inherit=bool(raw.get("inherit", False)),
        default=raw.get("default"),
    )


def _rule(raw: dict[str, Any]) -> Rule:
    return Rule(
        when=tuple(raw.get("when", {}).items()),
        require=raw.get("require", ""),
        why=raw.get("why", ""),
        order=tuple(raw.get("order", ())),
    )
