"""Reads a SANE device's option descriptors into Capabilities and coerces option values."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import UsageError
from app.scanner.base import Capabilities

# SANE_Value_Type and SANE_Unit numbers, fixed by the SANE standard.
TYPE_BOOL, TYPE_INT, TYPE_FIXED, TYPE_STRING = 0, 1, 2, 3
UNIT_MM = 3
MAX_LISTED_DPI = 64


@dataclass(frozen=True)
class SaneChoices:
    """A device's capabilities plus the device's own names for our modes and sources."""

    caps: Capabilities
    modes: dict[str, str]  # "color" | "gray" | "lineart" -> device value
    sources: dict[str, str]  # "flatbed" | "adf" | "adf-duplex" -> device value
    duplex_option: str | None  # "duplex" or "adf-mode" when duplex is a separate option


def read_choices(opts: Mapping[str, Any]) -> SaneChoices:
    """Read capabilities from option descriptors only; nothing is set on the device."""
    modes = _modes(opts.get("mode"))
    sources = _sources(opts.get("source"))
    duplex_option = _duplex_option(opts)
    dpi_min, dpi_max, dpi_values = _resolution(opts)
    caps = Capabilities(
        dpi_min=dpi_min,
        dpi_max=dpi_max,
        dpi_values=dpi_values,
        modes=tuple(modes),
        sources=tuple(k for k in sources if k != "adf-duplex"),
        duplex="adf" in sources and ("adf-duplex" in sources or duplex_option is not None),
        max_area_mm=_area(opts),
    )
    return SaneChoices(caps=caps, modes=modes, sources=sources, duplex_option=duplex_option)


def allowed(opt: Any) -> str:
    """The values an option accepts, in words."""
    c = opt.constraint
    if isinstance(c, tuple):
        return f"{c[0]:g} to {c[1]:g}"
    if isinstance(c, list):
        return ", ".join(repr(v) if isinstance(v, str) else f"{v:g}" for v in c)
    return {TYPE_BOOL: "true or false", TYPE_INT: "a whole number", TYPE_FIXED: "a number"}.get(
        opt.type, "text"
    )


def coerce(opt: Any, value: object) -> object:
    """Turn `value` (possibly a string from the command line) into the option's type, checked."""
    try:
        converted = _convert(opt.type, value)
    except (TypeError, ValueError):
        converted = None
    ok = converted is not None and _in_constraint(opt.constraint, converted)
    if not ok:
        raise UsageError(
            f"Option '{opt.name}' cannot be {value!r}.",
            hint=f"Allowed: {allowed(opt)}.",
        )
    return converted


def _convert(kind: int, value: object) -> object:
    if kind == TYPE_BOOL:
        if isinstance(value, str):
            words = {"true": True, "yes": True, "on": True, "1": True}
            words |= {"false": False, "no": False, "off": False, "0": False}
            return words.get(value.strip().lower())
        return bool(value)
    if kind == TYPE_INT:
        number = float(value)  # type: ignore[arg-type]
        return int(number) if number.is_integer() else None
    if kind == TYPE_FIXED:
        return float(value)  # type: ignore[arg-type]
    return str(value)


def _in_constraint(constraint: object, value: object) -> bool:
    if isinstance(constraint, tuple) and isinstance(value, int | float):
        low, high = constraint[0], constraint[1]
        return bool(low - 1e-6 <= value <= high + 1e-6)
    if isinstance(constraint, list):
        if isinstance(value, float):
            return any(abs(value - v) < 1e-3 for v in constraint)
        return value in constraint
    return True


def _modes(opt: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    names = opt.constraint if opt is not None and isinstance(opt.constraint, list) else []
    for name in names:
        low = name.lower()
        if "color" in low or "colour" in low or low == "rgb":
            key = "color"
        elif "gray" in low or "grey" in low:
            key = "gray"
        elif "lineart" in low or "binary" in low or low in ("black & white", "bw", "mono"):
            key = "lineart"
        else:
            continue
        found.setdefault(key, name)
    if not found:
        found["color"] = ""  # no mode option: the device scans in its one fixed mode
    return {key: found[key] for key in ("color", "gray", "lineart") if key in found}


def _sources(opt: Any) -> dict[str, str]:
    if opt is None or not isinstance(opt.constraint, list):
        return {"flatbed": ""}
    found: dict[str, str] = {}
    for name in opt.constraint:
        low = name.lower()
        if "duplex" in low:
            found.setdefault("adf-duplex", name)
        elif "back" in low and "front" not in low:
            continue  # back side only: not a way we scan
        elif any(w in low for w in ("adf", "feeder", "automatic", "sheetfed", "front")):
            found.setdefault("adf", name)
        elif "flatbed" in low or "normal" in low or "document table" in low:
            found.setdefault("flatbed", name)
    if "adf-duplex" in found and "adf" not in found:
        found["adf"] = found["adf-duplex"]
    return found


def _duplex_option(opts: Mapping[str, Any]) -> str | None:
    duplex = opts.get("duplex")
    if duplex is not None and duplex.type == TYPE_BOOL and duplex.is_settable():
        return "duplex"
    adf_mode = opts.get("adf-mode")
    if (
        adf_mode is not None
        and isinstance(adf_mode.constraint, list)
        and any("duplex" in str(v).lower() for v in adf_mode.constraint)
    ):
        return "adf-mode"
    return None


def resolution_option(opts: Mapping[str, Any]) -> Any:
    """The option that sets the resolution: `resolution`, else `x-resolution`."""
    opt = opts.get("resolution") or opts.get("x-resolution")
    if opt is None:
        raise UsageError(
            "This SANE device has no resolution option.",
            hint="Use another device or report the scanner model.",
        )
    return opt


def _resolution(opts: Mapping[str, Any]) -> tuple[int, int, tuple[int, ...] | None]:
    c = resolution_option(opts).constraint
    if isinstance(c, list) and c:
        values = tuple(sorted({round(v) for v in c}))
        return values[0], values[-1], values
    if isinstance(c, tuple):
        low, high, quant = math.ceil(c[0] - 1e-6), math.floor(c[1] + 1e-6), c[2]
        if quant and quant > 1 and (high - low) / quant < MAX_LISTED_DPI:
            return low, high, tuple(range(low, high + 1, round(quant)))
        return low, high, None
    raise UsageError(
        "This SANE device does not say which resolutions it offers.",
        hint="Report the scanner model; set the resolution with an extra option for now.",
    )


def _area(opts: Mapping[str, Any]) -> tuple[float, float] | None:
    spans = []
    for start, end in (("tl-x", "br-x"), ("tl-y", "br-y")):
        tl, br = opts.get(start), opts.get(end)
        if tl is None or br is None or br.unit != UNIT_MM:
            return None
        if not isinstance(br.constraint, tuple) or not isinstance(tl.constraint, tuple):
            return None
        spans.append(float(br.constraint[1]) - float(tl.constraint[0]))
    return spans[0], spans[1]
