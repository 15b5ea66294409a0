"""Backup test set-up: a real catalog with filed documents, a backup drive folder, a passphrase."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup import crypto
from app.catalog import Catalog
from testkit.catalog import doc_meta, make_pdf
from tests.catalog.conftest import setup_catalog

PASSPHRASE = "cụm mật khẩu sao lưu của văn phòng"
TEST_SCRYPT = {"n": 2**12, "r": 8, "p": 1}
SUBJECTS = ("Kế hoạch số hóa tài liệu", "Báo cáo công tác mặt trận", "Quyết định khen thưởng")


def add_documents(catalog: Catalog, work: Path, count: int, start: int = 0,
                  noise: int = 0) -> list[str]:
    """File `count` documents (each PDF unique, with `noise` random bytes); their docCodes."""
    hoso = catalog.list_hoso()[0].file_code
    codes = []
    for index in range(start, start + count):
        pdf = make_pdf(work / f"doc-{index}.pdf", f"tai lieu {index}")
        if noise:
            with pdf.open("ab") as handle:  # trailing bytes after %%EOF: still a readable PDF
                handle.write(b"\n%" + os.urandom(noise).hex().encode())
        subject = f"{SUBJECTS[index % len(SUBJECTS)]} số {index}"
        doc = catalog.add_document(pdf, doc_meta(subject=subject), "lan", hoso=hoso,
                                   page_texts=[subject])
        codes.append(doc.doc_code)
    return codes


@pytest.fixture(scope="session")
def backup_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog with users, one hồ sơ and three documents (argon2 is slow: made once)."""
    folder = tmp_path_factory.mktemp("backup") / "catalog"
    setup_catalog(folder)
    with Catalog.open(folder) as catalog:
        add_documents(catalog, folder.parent, 3)
    return folder


@pytest.fixture
def folder(backup_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(backup_template, folder)
    return folder


@pytest.fixture
def catalog(folder: Path) -> Iterator[Catalog]:
    with Catalog.open(folder) as opened:
        yield opened


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture(autouse=True)
def no_desk_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's real settings folder out of the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """New test sets use a cheaper scrypt cost (recorded in their header like any other);
    test_crypto checks the production cost separately."""
    monkeypatch.setattr(crypto, "SCRYPT", TEST_SCRYPT)
