"""The machine checks against the real components: Tesseract, fonts, disk, SANE, PKCS#11."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytesseract
import pytest

from app.doctor import (
    CHECKS,
    Check,
    Context,
    Result,
    Status,
    Text,
    devices,
    disk,
    fonts,
    ocr,
    run_check,
    run_checks,
)
from app.ocr import tesseract
from testkit.softhsm import SOFTHSM
from tests.fixtures.tokens import TOKEN, Pki


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    return Context(tmp_path / "catalog", data_folder=tmp_path / "data")


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point pytesseract at a program that does not exist (as on a machine without it)."""
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    tesseract.tesseract_version.cache_clear()
    tesseract.installed_languages.cache_clear()
    yield
    tesseract.tesseract_version.cache_clear()
    tesseract.installed_languages.cache_clear()


def test_tesseract_with_the_vietnamese_model(ctx: Context) -> None:
    result = ocr.check(ctx)
    assert result.status is Status.OK
    assert "vie" in result.detail.vi and "Tesseract 5" in result.detail.en
    assert not result.fix


def test_missing_tesseract_fails_with_the_install_command(ctx: Context, no_tesseract: None) -> None:
    result = ocr.check(ctx)
    assert result.status is Status.FAIL
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-vie" in result.fix.vi
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-vie" in result.fix.en


def test_missing_second_model_fails_with_its_package(ctx: Context,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The script model that reads typewritten lines again is checked like vie."""
    monkeypatch.setattr(ocr, "installed_languages", lambda: frozenset({"vie", "eng", "osd"}))
    result = ocr.check(ctx)
    assert result.status is Status.FAIL
    assert "Vietnamese" in result.detail.en and "Vietnamese" in result.detail.vi
    assert "tesseract-ocr-script-viet" in result.fix.vi
    assert "tesseract-ocr-script-viet" in result.fix.en


def test_font_has_every_vietnamese_letter(ctx: Context) -> None:
    result = fonts.check(ctx)
    assert result.status is Status.OK
    assert "146" in result.detail.vi


def test_missing_or_broken_font_fails(tmp_path: Path) -> None:
    missing = fonts.check(Context(tmp_path, font=tmp_path / "LiberationSerif-Regular.ttf"))
    assert missing.status is Status.FAIL
    assert "fonts-liberation2" in missing.fix.vi
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all" * 10)
    assert fonts.check(Context(tmp_path, font=broken)).status is Status.FAIL


def test_a_font_without_vietnamese_letters_is_named(tmp_path: Path) -> None:
    """DejaVu-less machines fall back to fonts lacking ư/ơ: the check lists what is missing."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "a"])
    builder.setupCharacterMap({ord("a"): "a"})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf({".notdef": empty, "a": empty})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "a": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Latin Only", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    path = tmp_path / "latin.ttf"
    builder.save(str(path))
    result = fonts.check(Context(tmp_path, font=path))
    assert result.status is Status.FAIL
    assert "ư" in result.detail.vi and "Đ" in result.detail.en


def _batch_of(tmp_path: Path, pages: int) -> Context:
    return Context(tmp_path / "catalog", data_folder=tmp_path / "data", batch_pages=pages)


def test_disk_space_against_the_batch_size(tmp_path: Path) -> None:
    """The verdict follows the room for whole batches on this disk, whatever its size."""
    one_page = disk.RAW_PAGE_BYTES + disk.STORED_PAGE_BYTES  # same disk: both folders in tmp
    pages_free = shutil.disk_usage(tmp_path).free // one_page
    ok = disk.check(_batch_of(tmp_path, max(1, pages_free // (disk.COMFORT_BATCHES * 2))))
    assert ok.status is Status.OK and not ok.fix.en
    tight = disk.check(_batch_of(tmp_path, pages_free // 2))  # room for two batches, not four
    assert tight.status is Status.WARN and "room for 2" in tight.detail.en
    result = disk.check(_batch_of(tmp_path, 10**9))
    assert result.status is Status.FAIL
    assert "batches" in result.fix.vi  # never advise deleting the unsaved pages
    assert not (tmp_path / "catalog").exists() and not (tmp_path / "data").exists()


def test_scanners_seen_through_sane(ctx: Context) -> None:
    result = devices.check_scanners(ctx)
    assert result.status is Status.OK
    assert "sane:test:0" in result.detail.vi


def test_known_modules_without_a_token_are_information(ctx: Context) -> None:
    result = devices.check_tokens(ctx)
    assert result.status in (Status.OK, Status.INFO)
    if result.status is Status.INFO:
        assert result.fix


def test_a_token_on_the_chosen_module(tmp_path: Path, pki: Pki) -> None:
    result = devices.check_tokens(Context(tmp_path, pkcs11_module=Path(SOFTHSM)))
    assert result.status is Status.OK
    assert f"'{TOKEN}'" in result.detail.vi and "SoftHSM" in result.detail.en


def test_a_chosen_module_that_does_not_load_is_a_warning(tmp_path: Path) -> None:
    bogus = tmp_path / "vnptca_p11_v8.so"
    bogus.write_bytes(b"\x7fELF not really")
    result = devices.check_tokens(Context(tmp_path, pkcs11_module=bogus))
    assert result.status is Status.WARN
    assert "VNPT-CA" in result.detail.vi
    assert "PKCS#11" in result.fix.vi


def test_vendor_names() -> None:
    assert devices.vendor(Path("viettel-ca_v6.dll")) == "Viettel-CA"
    assert devices.vendor(Path("BkavCA.dll")) == "BKAV-CA"
    assert devices.vendor(Path("libbit4xpki.so")).startswith("Bit4id")
    assert devices.vendor(Path("other.so")) == "other.so"


def test_a_check_that_hangs_is_cut_off(ctx: Context) -> None:
    release = threading.Event()
    fix = Text("sửa", "fix")

    finished = threading.Event()

    def hangs(c: Context) -> Result:
        release.wait(30)
        finished.set()
        return Result("hang", Status.OK, Text("", ""), Text("", ""))

    hang = Check("hang", Text("Treo", "Hang"), hangs, 0.3, fix)
    result = run_check(hang, ctx)
    assert not finished.is_set()  # answered without waiting for the hung check
    release.set()
    assert result.status is Status.WARN and result.fix == fix
    assert "0.3" in result.detail.en


def test_a_check_that_crashes_is_reported_not_raised(ctx: Context) -> None:
    def crash(c: Context) -> Result:
        raise RuntimeError("driver exploded")

    result = run_check(Check("crash", Text("Hỏng", "Crash"), crash, 5, Text("", "")), ctx)
    assert result.status is Status.WARN
    assert "driver exploded" in result.detail.vi


def test_every_check_runs_in_order_and_reports_as_it_goes(ctx: Context) -> None:
    seen: list[str] = []
    results = run_checks(ctx, on_result=lambda r: seen.append(r.id))
    assert [r.id for r in results] == seen == [c.id for c in CHECKS]
    assert all(r.title.vi and r.title.en and r.detail.vi and r.detail.en for r in results)
    assert all(r.fix for r in results if r.status is not Status.OK)
    stopped = run_checks(ctx, cancelled=lambda: True)
    assert stopped == []


def test_cancelling_stops_a_long_check_at_once(ctx: Context) -> None:
    release = threading.Event()

    def quick(c: Context) -> Result:
        return Result("quick", Status.OK, Text("Nhanh", "Quick"), Text("xong", "done"))

    finished = threading.Event()

    def slow(c: Context) -> Result:
        release.wait(30)
        finished.set()
        return quick(c)

    checks = [Check("quick", Text("", ""), quick, 5, Text("", "")),
              Check("slow", Text("", ""), slow, 30, Text("", ""))]
    started = time.monotonic()
    results = run_checks(ctx, checks, cancelled=lambda: time.monotonic() - started > 0.3)
    assert not finished.is_set()  # stopped without waiting for the slow check
    release.set()
    assert [r.id for r in results] == ["quick"]


def test_fixes_typed_in_a_terminal_are_for_a_technician() -> None:
    def result(fix: Text) -> Result:
        return Result("x", Status.WARN, Text("t", "t"), Text("d", "d"), fix)

    assert result(Text("Cài: sudo apt-get install x", "Install: sudo apt-get install x")) \
        .for_technician
    assert result(devices._RENEW).for_technician is False  # the desk's own Sign screen
    assert result(Text("Cắm ổ sao lưu", "Plug in a backup drive")).for_technician is False
