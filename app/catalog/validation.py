"""Validate metadata against a profile, collecting every problem in Vietnamese at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.catalog import dates
from app.catalog.errors import InvalidMetadata, Problem
from app.catalog.profiles import FieldSpec, Level, Profile
from app.catalog.text import fold, nfc

Metadata = dict[str, Any]
META_KEYS = frozenset({"profile"})  # bookkeeping keys accepted beside the fields


def validate(
    profile: Profile,
    level: Level,
    raw: Mapping[str, Any],
    *,
    inherited: Mapping[str, Any] | None = None,
) -> Metadata:
    """Return the normalised metadata (NFC, codes, ISO dates) or raise InvalidMetadata.

    Generated fields (fileCode, docCode) are skipped here: the station forms them.
    `inherited` supplies values (e.g. the hồ sơ's maintenance) for fields marked `inherit`.
    """
    problems: list[Problem] = []
    declared = raw.get("profile")
    if declared is not None and declared != profile.id:
        problems.append(
            Problem(
                "profile",
                "Hồ sơ mẫu",
                f"siêu dữ liệu theo mẫu {declared!r} nhưng hồ sơ dùng mẫu {profile.id!r}",
            )
        )
    known = {spec.tag for spec in profile.fields(level)}
    for tag in sorted(set(raw) - known - META_KEYS):
        problems.append(
            Problem(tag, tag, f"trường không có trong mẫu {profile.id}; bỏ trường này đi")
        )
    out: Metadata = {}
    for spec in profile.fields(level):
        if spec.generated:
            continue
        value = raw.get(spec.tag)
        if _empty(value) and spec.inherit and inherited is not None:
            value = inherited.get(spec.tag)
        if _empty(value) and spec.default is not None:
            value = spec.default
        if _empty(value):
            if spec.required:
                problems.append(Problem(spec.tag, spec.label, "bắt buộc, chưa nhập"))
            continue
        try:
            out[spec.tag] = _check(spec, value)
        except ValueError as err:
            problems.append(Problem(spec.tag, spec.label, str(err)))
    problems.extend(_rules(profile, level, out))
    if problems:
        raise InvalidMetadata(problems)
    return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _check(spec: FieldSpec, value: Any) -> Any:
    if spec.type == "codes":
        items = value if isinstance(value, list) else str(value).split(",")
        return [_code(spec, item) for item in items if str(item).strip()]
    if isinstance(value, list | dict):
        raise ValueError("phải là một giá trị, không phải danh sách")
    text = nfc(str(value)).strip()
    if spec.type == "code":
        return _code(spec, text)
    if spec.type == "integer":
        if not text.isdigit():
            raise ValueError(f"phải là số nguyên không âm, đang là {text!r}")
        if spec.max_length is not None and len(text.lstrip("0") or "0") > spec.max_length:
            raise ValueError(f"tối đa {spec.max_length} chữ số")
        return int(text)
    if spec.type in ("date", "partialDate"):
        partial = spec.type == "partialDate"
        try:
            return dates.parse_date(text, partial=partial)
        except ValueError:
            forms = "DD/MM/YYYY, MM/YYYY hoặc YYYY" if partial else "DD/MM/YYYY"
            raise ValueError(
                f"ngày {text!r} không có thật hoặc sai dạng; viết theo dạng {forms}"
            ) from None
    if spec.max_length is not None and len(text) > spec.max_length:
        raise ValueError(
            f"dài {len(text)} ký tự, tối đa {spec.max_length}; "
            f"rút gọn {len(text) - spec.max_length} ký tự"
        )
    return text


def _code(spec: FieldSpec, value: Any) -> str:
    text = nfc(str(value)).strip()
    codes = dict(spec.codes)
    if text in codes:
        return text
    if text.isdigit() and len(text) == 1 and f"0{text}" in codes:
        return f"0{text}"
    by_label = {fold(label): code for code, label in spec.codes}
    if fold(text) in by_label:
        return by_label[fold(text)]
    choices = "; ".join(f"{code} {label}" for code, label in spec.codes)
    raise ValueError(f"mã {text!r} không có trong danh mục; chọn một trong: {choices}")


def _rules(profile: Profile, level: Level, meta: Metadata) -> list[Problem]:
    problems: list[Problem] = []
    for rule in profile.rules(level):
        applies = rule.require and all(meta.get(tag) == value for tag, value in rule.when)
        if applies and rule.require not in meta:
            spec = profile.field(level, rule.require)
            label = spec.label if spec else rule.require
            problems.append(Problem(rule.require, label, f"{rule.why}, chưa nhập"))
        if len(rule.order) == 2 and all(tag in meta for tag in rule.order):
            first, last = rule.order
            if dates.sort_key(meta[first]) > dates.sort_key(meta[last], end=True):
                spec = profile.field(level, last)
                problems.append(
                    Problem(
                        last,
                        spec.label if spec else last,
                        f"phải sau hoặc bằng {dates.show(meta[first])}",
                    )
                )
    return problems
