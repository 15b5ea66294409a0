"""The Liberation fonts are found where an installer put them, else in Debian's folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.fonts import DEBIAN_DIR, liberation

SERIF = "LiberationSerif-Regular.ttf"


def test_debian_folder_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCANSTATION_FONT_DIR", raising=False)
    assert liberation(SERIF) == DEBIAN_DIR / SERIF and liberation(SERIF).is_file()


def test_a_shipped_fonts_folder_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(DEBIAN_DIR / SERIF, tmp_path / SERIF)
    monkeypatch.setenv("SCANSTATION_FONT_DIR", str(tmp_path))
    assert liberation(SERIF) == tmp_path / SERIF


def test_a_missing_font_names_where_it_was_expected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCANSTATION_FONT_DIR", raising=False)
    missing = liberation("NoSuchFont.ttf")
    assert missing == DEBIAN_DIR / "NoSuchFont.ttf" and not missing.exists()
