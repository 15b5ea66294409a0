"""The sane: backend against SANE's real `test` device."""

from __future__ import annotations

import pytest
from PIL import Image

from app.errors import DeviceError, UsageError
from app.scanner.base import ScanInterrupted, ScanSettings
from app.scanner.recovery import RecoveryFolder
from app.scanner.sane_backend import SaneScanner, list_sane_devices

SMALL = (40.0, 50.0)  # mm: keeps every scan tiny


@pytest.fixture
def store(tmp_path):
    return RecoveryFolder(tmp_path / "pages")


def test_lists_the_test_device(sane_device):
    devices = list_sane_devices()
    assert [d.id for d in devices] == [f"sane:{sane_device}"]
    assert devices[0].kind == "virtual"
    assert devices[0].model == "frontend-tester"


def test_reads_capabilities(sane_device):
    with SaneScanner(sane_device) as scanner:
        caps = scanner.capabilities()
        assert scanner.info.kind == "flatbed+adf"
    assert (caps.dpi_min, caps.dpi_max, caps.dpi_values) == (1, 1200, None)
    assert set(caps.modes) == {"color", "gray"}
    assert caps.sources == ("flatbed", "adf")
    assert caps.duplex is False
    assert caps.max_area_mm == (200.0, 200.0)


def test_flatbed_colour_page(sane_device, store):
    settings = ScanSettings(dpi=200, mode="color", page_size_mm=SMALL)
    with SaneScanner(sane_device, extra_options={"test-picture": "Color pattern"}) as scanner:
        pages = list(scanner.scan(settings, store))
    assert len(pages) == 1
    page = pages[0]
    assert (page.dpi, page.source, page.mode, page.index) == (200.0, "flatbed", "color", 0)
    assert page.path.suffix == ".png" and store.pages() == [page.path]
    with Image.open(page.path) as im:
        assert im.mode == "RGB"
        assert im.size == (314, 393)  # 40 × 50 mm at 200 dpi, rounded down by the backend
        assert im.info["dpi"] == pytest.approx((200, 200), abs=0.01)
        assert len(im.getcolors(1 << 16) or []) > 2  # a pattern, not a solid page


def test_gray_mode(sane_device, store):
    settings = ScanSettings(dpi=75, mode="gray", page_size_mm=SMALL)
    with SaneScanner(sane_device) as scanner:
        (page,) = scanner.scan(settings, store)
    assert page.mode == "gray"
    with Image.open(page.path) as im:
        assert im.mode == "L"


def test_feeder_ends_cleanly_when_empty(sane_device, store):
    settings = ScanSettings(dpi=50, source="adf", page_size_mm=SMALL)
    with SaneScanner(sane_device) as scanner:
        pages = list(scanner.scan(settings, store))
    assert len(pages) == 10  # the test backend's feeder holds 10 sheets
    assert {p.source for p in pages} == {"adf-front"}
    assert len(store.pages()) == 10


def test_feeder_stops_at_max_pages(sane_device, store):
    settings = ScanSettings(dpi=50, source="adf", page_size_mm=SMALL, max_pages=3)
    with SaneScanner(sane_device) as scanner:
        assert len(list(scanner.scan(settings, store))) == 3


def test_empty_feeder_before_any_page(sane_device, store):
    settings = ScanSettings(dpi=50, source="adf", page_size_mm=SMALL)
    options = {"read-return-value": "SANE_STATUS_NO_DOCS"}
    scanner = SaneScanner(sane_device, extra_options=options)
    with scanner, pytest.raises(DeviceError, match="feeder is empty") as info:
        list(scanner.scan(settings, store))
    assert not isinstance(info.value, ScanInterrupted)
    assert "Put the paper in the feeder" in str(info.value)


def test_jam_mid_batch_keeps_pages(sane_device, store):
    settings = ScanSettings(dpi=50, source="adf", page_size_mm=SMALL)
    with SaneScanner(sane_device) as scanner:
        pages = scanner.scan(settings, store)
        kept = [next(pages), next(pages)]
        scanner.set_option("read-return-value", "SANE_STATUS_JAMMED")
        with pytest.raises(ScanInterrupted, match="jammed") as info:
            next(pages)
    assert info.value.pages_kept == 2
    assert store.pages() == [p.path for p in kept]


def test_jam_on_first_sheet(sane_device, store):
    settings = ScanSettings(dpi=50, source="adf", page_size_mm=SMALL)
    options = {"read-return-value": "SANE_STATUS_JAMMED"}
    scanner = SaneScanner(sane_device, extra_options=options)
    with scanner, pytest.raises(ScanInterrupted) as info:
        list(scanner.scan(settings, store))
    assert info.value.pages_kept == 0
    assert store.pages() == []


@pytest.mark.parametrize(
    ("settings", "named", "listed"),
    [
        (ScanSettings(dpi=5000), "5000 dpi", "from 1 to 1200 dpi"),
        (ScanSettings(mode="lineart"), "'lineart'", "color, gray"),
        (ScanSettings(source="transparency"), "'transparency'", "flatbed, adf"),
        (ScanSettings(source="adf", duplex=True), "both sides", "one side only"),
        (ScanSettings(page_size_mm=(210, 297)), "210×297 mm", "200×200 mm"),
    ],
)
def test_invalid_settings_name_the_value(sane_device, store, settings, named, listed):
    with SaneScanner(sane_device) as scanner, pytest.raises(UsageError) as info:
        scanner.scan(settings, store)
    assert named in str(info.value) and listed in str(info.value)
    assert store.pages() == []


def test_bad_extra_options(sane_device):
    with pytest.raises(UsageError, match="no option 'colour-boost'"):
        SaneScanner(sane_device, extra_options={"colour-boost": 1}).__enter__()
    with pytest.raises(UsageError, match="'Plaid'") as info:
        SaneScanner(sane_device, extra_options={"test-picture": "Plaid"}).__enter__()
    assert "'Color pattern'" in str(info.value)


def test_unknown_device(sane_device):
    with pytest.raises(DeviceError, match="nosuch:0"):
        SaneScanner("nosuch:0").__enter__()
