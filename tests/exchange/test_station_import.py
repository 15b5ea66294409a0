"""`scanstation import-package` against every hostile package: exit 3, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog.db import DB_NAME
from app.catalog.export.limits import Limits, PackageRefused
from app.catalog.export.reader import read_package
from app.cli.main import main
from testkit.serverproc import ORG_B
from testkit.station import new_catalog
from tests.exchange.conftest import Genuine, context, row_counts, tree
from tests.exchange.packages import CASES, Case, build

STATION_CASES = [c for c in CASES if not c.server_only]
VOLATILE = (DB_NAME, "logs/")  # the database is compared row by row instead


@pytest.fixture(scope="module")
def station(genuine: Genuine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station of another organisation that already imported hồ sơ 1."""
    base = tmp_path_factory.mktemp("station")
    with new_catalog(base / "catalog", ORG_B):
        pass
    (base / "first.zip").write_bytes(genuine.first)
    assert _import(base, base / "first.zip") == 0
    return base


def _import(base: Path, package: Path) -> int:
    argv = ["import-package", str(package), "--catalog", str(base / "catalog"), "--user", "admin"]
    return main(argv)


@pytest.mark.parametrize("case", STATION_CASES, ids=lambda c: c.name)
def test_hostile_package_is_refused_and_nothing_is_written(
    case: Case,
    genuine: Genuine,
    station: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx = context(station / "canary", genuine.signed_sha, Limits())
    package = tmp_path / f"{case.name}.zip"
    package.write_bytes(build(case, genuine.first, ctx))
    before = tree(station, VOLATILE), row_counts(station / "catalog" / DB_NAME)
    capsys.readouterr()
    assert _import(station, package) == 3
    message = capsys.readouterr().err
    assert "refused" in message and "store/tmp" not in message  # names no work file
    assert (tree(station, VOLATILE), row_counts(station / "catalog" / DB_NAME)) == before
    assert not any(ctx.canary.iterdir())
    assert not any((station / "catalog" / "store" / "tmp").iterdir())
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(PackageRefused) as refused:
        read_package(package, work)
    assert refused.value.reason in case.reasons, refused.value


def test_station_goes_on_with_the_next_package(genuine: Genuine, station: Path) -> None:
    (station / "second.zip").write_bytes(genuine.second)
    assert _import(station, station / "second.zip") == 0
