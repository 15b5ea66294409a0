"""The doctor's report: for the terminal (Vietnamese or English) and as JSON."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import Any

from app import __version__

from .registry import failed
from .result import Result, Status

LABELS = {
    "vi": {Status.OK: "ĐẠT", Status.INFO: "THÔNG TIN", Status.WARN: "CẢNH BÁO", Status.FAIL: "LỖI"},
    "en": {Status.OK: "OK", Status.INFO: "INFO", Status.WARN: "WARN", Status.FAIL: "FAIL"},
}
WORDS = {
    "heading": {"vi": "Kiểm tra trạm số hóa", "en": "Scanning station check"},
    "fix": {"vi": "Cách khắc phục", "en": "Fix"},
    "summary": {
        "vi": "Kết quả: {ok} đạt, {info} thông tin, {warn} cảnh báo, {fail} lỗi.",
        "en": "Result: {ok} OK, {info} to note, {warn} warning(s), {fail} failure(s).",
    },
    "failed": {
        "vi": "Có lỗi làm trạm không làm việc được: sửa theo hướng dẫn trên rồi chạy lại "
        "scanstation doctor.",
        "en": "Something stops the station from working: apply the fixes above, then run "
        "scanstation doctor again.",
    },
}
WIDTH = 100


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent,
        break_long_words=False, break_on_hyphens=False,
    )


def counts(results: Sequence[Result]) -> dict[str, int]:
    """How many results have each status."""
    found = Counter(str(r.status) for r in results)
    return {str(status): found.get(str(status), 0) for status in Status}


def as_text(results: Sequence[Result], lang: str) -> str:
    """The report a person reads in the terminal."""
    width = max(len(label) for label in LABELS[lang].values()) + 2
    indent = " " * (width + 1)
    lines = [f"{WORDS['heading'][lang]} — scanstation {__version__}", ""]
    for result in results:
        label = f"[{LABELS[lang][result.status]}]".ljust(width)
        lines.append(f"{label} {result.title.in_(lang)}")
        lines.append(_wrap(result.detail.in_(lang), indent))
        if result.fix:
            lines.append(_wrap(f"→ {WORDS['fix'][lang]}: {result.fix.in_(lang)}", indent))
    lines += ["", WORDS["summary"][lang].format(**counts(results))]
    if failed(results):
        lines.append(WORDS["failed"][lang])
    return "\n".join(lines) + "\n"


def as_json(results: Sequence[Result], lang: str | None) -> dict[str, Any]:
    """The report as data: texts in `lang`, or in both languages when `lang` is None."""
    return {
        "scanstation": __version__,
        "ok": not failed(results),
        "counts": counts(results),
        "checks": [r.as_dict(lang) for r in results],
    }
