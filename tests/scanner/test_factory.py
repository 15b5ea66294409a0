"""Picking a backend from a device id, and listing devices."""

from __future__ import annotations

import sys

import pytest

from app.errors import DeviceError, UsageError
from app.scanner.factory import list_devices, open_scanner
from app.scanner.folder import FolderScanner
from app.scanner.sane_backend import SaneScanner
from app.scanner.twain_backend import TwainScanner


def test_sane_id(sane_device):
    scanner = open_scanner(f"sane:{sane_device}", extra_options={"test-picture": "Grid"})
    assert isinstance(scanner, SaneScanner) and scanner.info.id == "sane:test:0"


def test_folder_id(tmp_path):
    scanner = open_scanner(f"folder:{tmp_path}")
    assert isinstance(scanner, FolderScanner) and scanner.info.kind == "folder"


@pytest.mark.parametrize("bad", ["", "sane:", "scanner1", "demo:abc", "folder:"])
def test_unknown_id_lists_accepted_forms(bad):
    with pytest.raises(UsageError) as info:
        open_scanner(bad)
    assert "sane:<device>" in str(info.value) and "folder:<path>" in str(info.value)


def test_options_only_for_sane(tmp_path):
    with pytest.raises(UsageError, match="only for sane"):
        open_scanner(f"folder:{tmp_path}", extra_options={"x": 1})


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows message")
def test_twain_off_windows():
    with pytest.raises(DeviceError, match="TWAIN is only available on Windows") as info:
        open_scanner("twain:Some Scanner")
    assert "sane:" in str(info.value)
    with pytest.raises(DeviceError):
        TwainScanner("Some Scanner")


def test_list_devices(sane_device):
    notes: list[str] = []
    ids = [d.id for d in list_devices(notes=notes)]
    assert ids == ["sane:test:0", "demo"]
    assert notes == []


def test_listing_survives_a_sane_failure(monkeypatch):
    import app.scanner.sane_backend as sane_backend

    def broken():
        raise DeviceError("SANE could not list devices: Error during device I/O")

    monkeypatch.setattr(sane_backend, "list_sane_devices", broken)
    notes: list[str] = []
    assert [d.id for d in list_devices(notes=notes, fresh=True)] == ["demo"]
    assert "I/O" in notes[0]
    monkeypatch.undo()
    assert [d.id for d in list_devices(fresh=True)] == ["sane:test:0", "demo"]  # not kept


@pytest.mark.parametrize("device_id", ["demo", "demo:7"])
def test_demo_id(device_id):
    assert open_scanner(device_id).info.id == "demo"
