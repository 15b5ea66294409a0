"""Fixtures for the catalog tests: a real catalog folder in a tmp dir, with users and a hồ sơ."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalog import Catalog, Hoso
from app.catalog.models import Role
from testkit.catalog import PASSWORD, hoso_meta

ORG_CODE = "000.00.00.G09"


def setup_catalog(folder: Path) -> str:
    """Create a catalog with an organisation, four users and one hồ sơ; return its code."""
    with Catalog.open(folder) as catalog:
        catalog.init_organisation("Ủy ban MTTQ Việt Nam quận Ba Đình", ORG_CODE)
        catalog.add_user("admin", [Role.ADMIN], PASSWORD)
        catalog.add_user("lan", [Role.CLERK], PASSWORD, by="admin")
        catalog.add_user("hung", [Role.SUPERVISOR], PASSWORD, by="admin")
        catalog.add_user("mai", [Role.SIGNER], PASSWORD, by="admin")
        return catalog.create_hoso(hoso_meta(), "lan").file_code


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "catalog"


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One set-up catalog per session (argon2 hashing is slow on purpose); tests copy it."""
    folder = tmp_path_factory.mktemp("template") / "catalog"
    setup_catalog(folder)
    return folder


@pytest.fixture
def catalog(folder: Path, template: Path) -> Iterator[Catalog]:
    shutil.copytree(template, folder)
    with Catalog.open(folder) as opened:
        yield opened


@pytest.fixture
def hoso(catalog: Catalog) -> Hoso:
    return catalog.list_hoso()[0]
