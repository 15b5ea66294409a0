"""What one check found: a status and its title, detail and fix in Vietnamese and English."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

LANGUAGES = ("vi", "en")  # Vietnamese is the default


class Status(StrEnum):
    """How a check came out; only FAIL means the station cannot work (doctor exits 1)."""

    OK = "ok"
    INFO = "info"  # worth knowing, nothing to do now (no scanner plugged in, no server set up)
    WARN = "warn"  # something to fix soon; the station still works
    FAIL = "fail"  # the station cannot do its work until this is fixed


@dataclass(frozen=True)
class Text:
    """One message in Vietnamese and in English."""

    vi: str
    en: str

    def in_(self, lang: str) -> str:
        """The message in `lang` ("vi" or "en"), NFC."""
        return unicodedata.normalize("NFC", self.vi if lang == "vi" else self.en)

    def __bool__(self) -> bool:
        return bool(self.vi or self.en)


NOTHING = Text("", "")
# A fix that names one of these is typed in a terminal: for a technician, not the desk's user.
_TERMINAL = re.compile(r"\b(sudo|apt-get|systemctl|scanstation|scanimage|usermod)\b|/etc/")


@dataclass(frozen=True)
class Result:
    """One check's finding; `fix` is the exact thing to do (empty when nothing is needed)."""

    id: str
    status: Status
    title: Text
    detail: Text
    fix: Text = NOTHING

    @property
    def for_technician(self) -> bool:
        """Whether the fix is a command to type in a terminal (the desk shows it as text to
        hand to a technician, and offers buttons only for what it can do itself)."""
        return bool(_TERMINAL.search(self.fix.en))

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        """For JSON: the texts in `lang`, or in both languages when `lang` is None."""

        def text(value: Text) -> Any:
            if lang is None:
                return {"vi": value.in_("vi"), "en": value.in_("en")}
            return value.in_(lang)

        return {
            "id": self.id,
            "status": str(self.status),
            "title": text(self.title),
            "detail": text(self.detail),
            "fix": text(self.fix),
        }


def install_fix(packages: str, windows_vi: str, windows_en: str) -> Text:
    """The command that installs Debian `packages`; on Windows, what to do instead."""
    if sys.platform == "win32":
        return Text(windows_vi, windows_en)
    command = f"sudo apt-get install {packages}"
    return Text(f"Cài đặt: {command}", f"Install it: {command}")

