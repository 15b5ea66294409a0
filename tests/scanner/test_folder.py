"""The folder: backend reads a folder's supported files in natural order."""

from __future__ import annotations

import pytest
from PIL import Image

from app.errors import DeviceError
from app.scanner.base import ScanSettings
from app.scanner.folder import FolderScanner
from app.scanner.recovery import RecoveryFolder


def _png(path, value):
    Image.new("L", (4, 4), value).save(path)


def test_reads_supported_files_in_natural_order(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, value in [("page10.png", 10), ("page2.png", 2), ("page1.PNG", 1)]:
        _png(src / name, value)
    (src / "notes.txt").write_text("not a page")
    (src / "sub").mkdir()
    _png(src / "sub" / "page0.png", 0)
    store = RecoveryFolder(tmp_path / "store")
    with FolderScanner(src) as scanner:
        pages = list(scanner.scan(ScanSettings(dpi=150), store))
    values = [Image.open(p.path).getpixel((0, 0)) for p in pages]
    assert values == [1, 2, 10]
    assert {(p.dpi, p.source, p.mode) for p in pages} == {(150.0, "file", "gray")}


def test_max_pages(tmp_path):
    for i in range(4):
        _png(tmp_path / f"{i}.png", i)
    store = RecoveryFolder(tmp_path / "store")
    with FolderScanner(tmp_path) as scanner:
        assert len(list(scanner.scan(ScanSettings(max_pages=2), store))) == 2


def test_missing_folder(tmp_path):
    with pytest.raises(DeviceError, match="does not exist"):
        FolderScanner(tmp_path / "nope").__enter__()


def test_folder_without_pages(tmp_path):
    (tmp_path / "readme.txt").write_text("hi")
    with pytest.raises(DeviceError, match="no JPEG, PNG, TIFF or PDF"):
        FolderScanner(tmp_path).__enter__()
