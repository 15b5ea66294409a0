"""Shared test set-up: SANE on its `test` backend only, logs in a temporary folder, fixtures."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

pytest_plugins = (
    "tests.fixtures.servers",
    "tests.fixtures.tokens",
    "tests.fixtures.ltvpki",
    "tests.fixtures.seaweed",
)

_TEST_CONF = """\
number_of_devices 1
mode Color
depth 8
resolution_min 1.0
resolution_max 1200.0
resolution_quant 1.0
resolution 50.0
test-picture "Solid white"
read-status-code "Default"
geometry_min 0.0
geometry_max 200.0
geometry_quant 1.0
tl_x 0.0
tl_y 0.0
br_x 80.0
br_y 100.0
"""
_config_dir: Path | None = None
_log_dir = Path(tempfile.mkdtemp(prefix="scanstation-logs-"))
if "PYTEST_XDIST_WORKER" in os.environ:  # each worker its own logs (not the controller's)
    os.environ["SCANSTATION_LOG_DIR"] = str(_log_dir)
os.environ.setdefault("SCANSTATION_LOG_DIR", str(_log_dir))  # never the user's own logs
# The test backend logs each call and buffer (to sane-driver.log, never to stderr), so a test
# whose driver stops answering shows how far the backend got (see pytest_runtest_makereport).
os.environ.setdefault("SANE_DEBUG_TEST", "2")
DRIVER_LOG_TAIL = 40  # lines shown under a failed test


def pytest_configure(config: pytest.Config) -> None:
    """Set SANE_CONFIG_DIR before any test can call sane.init() (once per process).

    Always a folder of this process's own, even when the environment names one (a developer's
    SANE set-up, or the pytest-xdist controller's folder): libsane then loads the `test`
    backend only, never a network backend that may probe the LAN for minutes.
    """
    global _config_dir
    _config_dir = Path(tempfile.mkdtemp(prefix="sane-test-"))
    (_config_dir / "dll.conf").write_text("test\n")
    (_config_dir / "test.conf").write_text(_TEST_CONF)
    os.environ["SANE_CONFIG_DIR"] = str(_config_dir)


# Modules that take minutes, longest first (measured: `--durations`). pytest-xdist (`make
# pytest`: --dist loadfile --no-loadscope-reorder) hands out whole modules in this order, so
# the longest start at once and the many short ones fill both workers up to the end.
LONG_MODULES = (
    "tests/sync/test_reliability.py",
    "tests/installers/test_linux_bundle.py",
    "tests/backup/test_kill.py",
    "tests/cli/test_convert.py",
    "tests/server/test_s3.py",
    "tests/catalog/test_processes.py",
    "tests/pipeline/test_journal.py",
    "tests/extract/test_cli.py",
    "tests/ui/test_fresh_start.py",
    "tests/ui/test_kill_recovery.py",
    "tests/ui/test_review_keys.py",
    "tests/ui/test_vietnamese_throughout.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: place for place, name in enumerate(LONG_MODULES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Under a failed test, the end of the SANE driver's log (the worker's own)."""
    report = yield
    if report.failed:
        from app.logs import log_folder
        from app.scanner.sane_worker import DRIVER_LOG

        path = log_folder() / DRIVER_LOG
        if path.is_file():
            lines = path.read_text(errors="replace").splitlines()[-DRIVER_LOG_TAIL:]
            report.sections.append((f"{path} (end)", "\n".join(lines)))
    return report


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_log_dir, ignore_errors=True)
    if _config_dir is not None:
        shutil.rmtree(_config_dir, ignore_errors=True)


@pytest.fixture
def sane_device() -> Iterator[str]:
    """The SANE test device's name.

    The test backend keeps option values across close/open within a process, so the
    options tests change are put back afterwards.
    """
    yield "test:0"
    from app.scanner.sane_backend import SaneScanner

    with SaneScanner("test:0") as scanner:
        scanner.set_option("read-return-value", "Default")
        scanner.set_option("test-picture", "Solid white")
