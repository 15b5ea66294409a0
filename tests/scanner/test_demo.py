"""The demo scanner: validated settings, pages saved as they come, right dpi, mode and sources."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import UsageError
from app.scanner.base import ScanSettings
from app.scanner.demo import DemoScanner
from app.scanner.recovery import RecoveryFolder


def test_flatbed_gives_one_saved_page(tmp_path: Path) -> None:
    store = RecoveryFolder(tmp_path)
    with DemoScanner(seed=1) as scanner:
        assert scanner.info.id == "demo" and scanner.info.kind == "virtual"
        pages = list(scanner.scan(ScanSettings(dpi=150), store))
    assert len(pages) == 1
    page = pages[0]
    assert page.source == "flatbed" and page.dpi == 150 and page.mode == "color"
    with Image.open(page.path) as img:
        assert img.mode == "RGB"
        assert round(img.info["dpi"][0]) == 150
        assert img.width > round(210 / 25.4 * 150)  # the sheet and some bed around it


def test_adf_duplex_alternates_front_and_back(tmp_path: Path) -> None:
    store = RecoveryFolder(tmp_path)
    scanner = DemoScanner(seed=2, pages=3)
    seen = []
    for page in scanner.scan(ScanSettings(dpi=150, source="adf", duplex=True), store):
        assert page.path.exists()  # saved before it is yielded
        seen.append(page)
    assert [p.source for p in seen] == ["adf-front", "adf-back"] * 3
    assert [p.index for p in seen] == list(range(6))
    assert store.pages() == [p.path for p in seen]


def test_max_pages_and_gray_mode(tmp_path: Path) -> None:
    store = RecoveryFolder(tmp_path)
    settings = ScanSettings(dpi=150, mode="gray", source="adf", max_pages=2)
    pages = list(DemoScanner(seed=3, pages=9).scan(settings, store))
    assert len(pages) == 2 and all(p.mode == "gray" for p in pages)
    with Image.open(pages[0].path) as img:
        assert img.mode == "L"


def test_same_seed_same_pages(tmp_path: Path) -> None:
    def run(folder: Path) -> list[np.ndarray]:
        pages = DemoScanner(seed=5).scan(
            ScanSettings(dpi=150, source="adf", max_pages=2), RecoveryFolder(folder)
        )
        return [np.asarray(Image.open(p.path)) for p in pages]

    a, b = run(tmp_path / "a"), run(tmp_path / "b")
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    ("settings", "allowed"),
    [
        (ScanSettings(dpi=100), "from 150 to 600 dpi"),
        (ScanSettings(dpi=1200), "from 150 to 600 dpi"),
        (ScanSettings(mode="lineart"), "color, gray"),
        (ScanSettings(source="tray"), "flatbed, adf"),
        (ScanSettings(duplex=True), "adf"),
        (ScanSettings(source="adf", max_pages=0), "1"),
        (ScanSettings(page_size_mm=(300, 420)), "226×313 mm"),
    ],
)
def test_bad_settings_are_refused_before_scanning(
    tmp_path: Path, settings: ScanSettings, allowed: str
) -> None:
    store = RecoveryFolder(tmp_path)
    with pytest.raises(UsageError) as err:
        DemoScanner(seed=0).scan(settings, store)  # raised at the call, not on iteration
    assert allowed in str(err.value)
    assert store.pages() == []


def test_page_size_cuts_the_scan_window(tmp_path: Path) -> None:
    settings = ScanSettings(dpi=150, page_size_mm=(100, 150))
    page = next(iter(DemoScanner(seed=0).scan(settings, RecoveryFolder(tmp_path))))
    with Image.open(page.path) as img:
        assert img.size == (round(100 / 25.4 * 150), round(150 / 25.4 * 150))


def test_capabilities() -> None:
    caps = DemoScanner().capabilities()
    assert (caps.dpi_min, caps.dpi_max, caps.dpi_values) == (150, 600, None)
    assert caps.modes == ("color", "gray") and caps.sources == ("flatbed", "adf") and caps.duplex
