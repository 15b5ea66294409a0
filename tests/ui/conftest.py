"""UI test set-up: offscreen Qt, a catalog with users, no worker, timer or traceback left."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hermetic Qt: no desktop session bus, accessibility bridge or platform theme from the host, so
# nothing Qt starts can wait on a service that CI machines may half-provide.
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
os.environ["QT_ACCESSIBILITY"] = "0"
os.environ["NO_AT_BRIDGE"] = "1"
os.environ.pop("QT_QPA_PLATFORMTHEME", None)

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.catalog.models import Role
from app.ui import i18n
from app.ui.desk import Desk
from app.ui.main import open_desk
from app.ui.prefs import Prefs
from app.ui.scan.view import ScanView
from app.ui.workers import live_tasks

PASSWORD = "mat-khau-123"
ORG = "Ủy ban MTTQ Việt Nam quận Thử"
ORG_CODE = "000.00.00.G09"


TRACEBACK = "Traceback (most recent call last)"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "defect_expected: the test provokes a defect on purpose; its traceback is "
        "allowed (an expected refusal never prints or logs one)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Fail a desk test when a Python traceback reached stderr (a slot's exception, a thread's)."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.passed and TRACEBACK in report.capstderr \
            and item.get_closest_marker("defect_expected") is None:
        report.outcome = "failed"
        report.longrepr = f"a Python traceback was printed on stderr:\n{report.capstderr[-6000:]}"


class _TracebackLog(logging.Handler):
    """Keeps every record logged at ERROR or above with a traceback attached."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


@pytest.fixture(autouse=True)
def no_logged_tracebacks(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a desk test that logged a traceback: an expected refusal is one line at INFO."""
    handler = _TracebackLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if request.node.get_closest_marker("defect_expected") is None:
        logged = [f"{r.name}: {r.getMessage()}" for r in handler.records]
        assert logged == [], "tracebacks were logged at ERROR"


@pytest.fixture(scope="session", autouse=True)
def translations() -> None:
    """The build step `make run` / `make test` do: compile the .ts files."""
    i18n.compile_translations()


@pytest.fixture(autouse=True)
def no_leftovers(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves workers running or timers active; close its windows."""
    yield
    tasks = [t.name for t in live_tasks()]
    timers = [
        t.objectName() or repr(t)
        for w in qapp.topLevelWidgets()
        for t in w.findChildren(QTimer)
        if t.isActive() and t.interval() > 0 and w.isVisible()
    ]
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    deadline = 200
    while live_tasks() and deadline:
        qapp.processEvents()
        QTimer.singleShot(50, lambda: None)
        deadline -= 1
    qapp.processEvents()
    assert not tasks, f"workers left running: {tasks}"
    assert not timers, f"timers left running: {timers}"


def settle(qtbot: object, timeout: int = 20000) -> None:
    """Wait until every worker has finished and its signals were delivered."""
    for _ in range(3):
        qtbot.waitUntil(lambda: not live_tasks(), timeout=timeout)  # type: ignore[attr-defined]
        qtbot.wait(30)  # type: ignore[attr-defined]




def document_meta(pages: int) -> dict[str, str]:
    """The metadata a clerk keys for a `pages`-page plan (kế hoạch)."""
    return {
        "typeName": "10",
        "issuedDate": "05/01/2025",
        "organName": "Ủy ban MTTQ Việt Nam quận Thử",
        "subject": "Kế hoạch số hóa tài liệu lưu trữ năm 2025",
        "codeNumber": "12",
        "codeNotation": "KH-MTTQ",
        "numberOfPage": str(pages),
    }

def sane_scan_view(qtbot: object, desk: Desk, device: str) -> ScanView:
    """The clerk's scan view set to SANE's `test` device, its feeder, at 100 dpi."""
    view = ScanView(desk)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    settle(qtbot)
    view.controls.device.setCurrentIndex(view.controls.device.findData(f"sane:{device}"))
    view.controls.dpi.setValue(100)
    view.controls.source.setCurrentIndex(view.controls.source.findData("adf"))
    return view


def open_returned(qtbot: object, view: ScanView, reason: str) -> None:
    """As clerk `lan`: the one document sent back (with `reason`) opened from the queue."""
    view.desk.session.sign_in("lan", PASSWORD)
    view.filing.refresh_queue()
    settle(qtbot)
    assert view.filing.queue.count() == 1 and reason in view.filing.queue.item(0).text()
    view.filing.queue.itemActivated.emit(view.filing.queue.item(0))
    settle(qtbot)

@pytest.fixture
def prefs(tmp_path: Path) -> Prefs:
    prefs = Prefs(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    prefs.ocr = "none"
    return prefs


@pytest.fixture
def desk(tmp_path: Path, prefs: Prefs) -> Iterator[Desk]:
    """A set-up catalog: admin `admin` (all roles), clerk `lan`, supervisor `hung`, signer `mai`."""
    desk = open_desk(tmp_path / "catalog", prefs)
    session = desk.session
    session.first_run(ORG, ORG_CODE, "tt05-2025", "admin", PASSWORD, "Quản trị")
    session.sign_in("admin", PASSWORD)
    session.add_user("lan", [Role.CLERK], PASSWORD, "Nguyễn Thị Lan")
    session.add_user("hung", [Role.SUPERVISOR], PASSWORD, "Trần Văn Hùng")
    session.add_user("mai", [Role.SIGNER], PASSWORD, "Lê Thị Mai")
    yield desk
    desk.pools.wait()
    desk.session.close()


HOSO = {
    "title": "Hồ sơ kế hoạch số hóa năm 2025",
    "maintenance": "01",
    "mode": "01",
    "language": ["01"],
    "startDate": "01/01/2025",
    "endDate": "31/12/2025",
    "paperFileCode": "H49.64.33.160",
}
