"""Small helpers for the XML the exports write: values as text, serialising with a declaration."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from app.catalog import dates
from app.catalog.profiles import FieldSpec


def values(spec: FieldSpec, value: Any, *, display: bool) -> list[str]:
    """A metadata value as text items; dates as dd/mm/yyyy when `display`, else ISO."""
    items = value if isinstance(value, list) else [value]
    if display and spec.type in ("date", "partialDate"):
        return [dates.show(str(v)) for v in items]
    return [str(v) for v in items]


def to_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
