"""Doctor test set-up: a real catalog with one stored document, logs kept in tmp."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalog import Catalog
from testkit.catalog import doc_meta, make_pdf
from tests.catalog.conftest import setup_catalog


@pytest.fixture(autouse=True)
def quiet_logging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Log files go to tmp; handlers a test adds to the root logger are removed after it."""
    folder = tmp_path / "logs"
    monkeypatch.setenv("SCANSTATION_LOG_DIR", str(folder))
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield folder
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture(scope="session")
def doctor_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalog with users, a hồ sơ and one filed document (argon2 is slow: made once)."""
    folder = tmp_path_factory.mktemp("doctor") / "catalog"
    hoso = setup_catalog(folder)
    with Catalog.open(folder) as catalog:
        pdf = make_pdf(folder.parent / "scan.pdf", "so hoa")
        catalog.add_document(pdf, doc_meta(), "lan", hoso=hoso, page_texts=["Kế hoạch số hóa"])
    return folder


@pytest.fixture
def good_catalog(doctor_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(doctor_template, folder)
    return folder
