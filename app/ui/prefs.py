"""The desk's settings kept between runs (QSettings): language, folders, token, scan profiles."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from app.pipeline.batches import DEFAULT_RETENTION_DAYS
from app.ui.i18n import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class ScanProfile:
    """A saved scan set-up the clerk picks; an admin can lock it against changes."""

    name: str
    dpi: int = 300
    mode: str = "color"
    source: str = "adf"
    duplex: bool = False
    locked: bool = False


DEFAULT_PROFILES = (
    ScanProfile("A4 300 dpi, khay ADF", 300, "color", "adf"),
    ScanProfile("A4 300 dpi, hai mặt", 300, "color", "adf", duplex=True),
    ScanProfile("Kính phẳng 300 dpi", 300, "color", "flatbed"),
    ScanProfile("Bản đồ, bản vẽ 400 dpi", 400, "color", "flatbed"),
)


class Prefs:
    """Typed access to the settings file."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings("scanstation", "desk")

    def _get(self, key: str, default: str) -> str:
        value = self.q.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        return self._get("language", DEFAULT_LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("language", value)

    @property
    def catalog_folder(self) -> Path:
        default = platformdirs.user_data_path("scanstation") / "catalog"
        return Path(self._get("catalogFolder", str(default)))

    @property
    def ocr(self) -> str:
        return self._get("ocr", "tesseract")

    @ocr.setter
    def ocr(self, value: str) -> None:
        self.q.setValue("ocr", value)

    def token(self) -> tuple[str, str, str]:
        """PKCS#11 module path ("" = probe the known ones), token label, key label."""
        return (self._get("token/module", ""), self._get("token/label", ""),
                self._get("token/key", ""))

    def set_token(self, module: str, label: str, key: str) -> None:
        self.q.setValue("token/module", module)
        self.q.setValue("token/label", label)
        self.q.setValue("token/key", key)

    @property
    def device(self) -> str:
        return self._get("device", "")

    @device.setter
    def device(self, value: str) -> None:
        self.q.setValue("device", value)

    @property
    def batch_retention_days(self) -> int:
        """How long a scan batch nobody came back for stays on disk (its unsaved pages)."""
        try:
            return max(1, int(self._get("batchRetentionDays", str(DEFAULT_RETENTION_DAYS))))
        except ValueError:
            return DEFAULT_RETENTION_DAYS

    @batch_retention_days.setter
    def batch_retention_days(self, value: int) -> None:
        self.q.setValue("batchRetentionDays", str(value))

    def scan_profiles(self) -> list[ScanProfile]:
        raw = self._get("scanProfiles", "")
        if not raw:
            return list(DEFAULT_PROFILES)
        return [ScanProfile(**item) for item in json.loads(raw)]

    def save_scan_profiles(self, items: list[ScanProfile]) -> None:
        self.q.setValue("scanProfiles", json.dumps([asdict(p) for p in items], ensure_ascii=False))
