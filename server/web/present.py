"""How the pages show things: highlighted words, metadata labels, dates, history lines."""

from __future__ import annotations

import datetime
import re
from typing import Any

from markupsafe import Markup, escape

from app.catalog import profiles
from app.catalog.text import fold
from app.reports.period import VN

_WORD = re.compile(r"\w+", re.UNICODE)
STATE_LABELS = {
    "scanned": "đã quét",
    "indexed": "đã nhập thông tin",
    "approved": "đã duyệt",
    "rejected": "bị trả lại",
    "signed": "đã ký số",
    "synced": "đã gửi lên",
}


def highlight(text: str, query: str) -> Markup:
    """`text` escaped, with every word that matches a word of `query` (diacritics optional,
    as the search matches) in <mark>."""
    wanted = set(_WORD.findall(fold(query)))
    if not wanted:
        return escape(text)
    out: list[Markup | str] = []
    last = 0
    for found in _WORD.finditer(text):
        if fold(found.group()) in wanted:
            out += [
                escape(text[last : found.start()]),
                Markup("<mark>"),
                escape(found.group()),
                Markup("</mark>"),
            ]
            last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def when(value: datetime.datetime | None, with_time: bool = True) -> str:
    """dd/mm/yyyy (and HH:MM) in Vietnam time."""
    if value is None:
        return ""
    local = value.astimezone(VN)
    return local.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def doc_date(text: str) -> str:
    """A stored ISO date (2024-01-05, 2024-01 or 2024) as dd/mm/yyyy, mm/yyyy or yyyy."""
    parts = text.strip().split("-")
    if all(p.isdigit() for p in parts) and len(parts[0]) == 4 and len(parts) <= 3:
        return "/".join(reversed(parts))
    return text


def type_names() -> list[tuple[str, str]]:
    """The document types of the TT 05 profile: (code, label)."""
    spec = profiles.load().field("document", "typeName")
    return list(spec.codes) if spec else []


def type_label(code: str) -> str:
    return dict(type_names()).get(code, code)


def metadata_rows(metadata: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) for each field in profile order, codes shown by their label."""
    profile = profiles.load()
    rows = []
    for spec in profile.document:
        if spec.tag not in metadata or metadata[spec.tag] in ("", [], None):
            continue
        raw = metadata[spec.tag]
        codes = dict(spec.codes)
        values = raw if isinstance(raw, list) else [raw]
        shown = ", ".join(codes.get(str(v), str(v)) for v in values)
        if spec.type in ("date", "partialDate"):
            shown = doc_date(shown)
        rows.append((spec.label, shown))
    known = {spec.tag for spec in profile.document}
    rows += [(tag, str(v)) for tag, v in metadata.items() if tag not in known and v]
    return rows


def history_line(kind: str, detail: dict[str, Any]) -> str:
    """One event of the station's log, in Vietnamese."""
    if kind == "create":
        return "Số hóa: tạo tài liệu"
    if kind == "sign":
        return f"Ký số (phiên bản {detail.get('version', '?')})"
    if kind == "sync":
        return "Gửi lên máy chủ"
    if kind == "rescan":
        return "Quét lại"
    if kind == "edit":
        return "Sửa thông tin: " + ", ".join(sorted(detail.get("changes", {})))
    if kind == "state":
        to = str(detail.get("to", ""))
        line = f"Chuyển sang {STATE_LABELS.get(to, to)}"
        return line + (f" — lý do: {detail['reason']}" if detail.get("reason") else "")
    return kind
