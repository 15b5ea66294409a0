"""Every screen in Vietnamese, as admin, clerk, supervisor and signer: no English left visible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.catalog.models import Document
from app.ui import i18n
from app.ui.document_view import DocumentDialog
from app.ui.firstrun import FirstRunDialog
from app.ui.main_window import MainWindow
from app.ui.screenshots import FILED, ORG, ORG_CODE, PASSWORD, USERS, Stage
from app.ui.signin import SignInDialog
from tests.ui import walker
from tests.ui.conftest import settle
from tests.ui.walker import Seen


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stage]:
    """A demo office (users, a hồ sơ, six documents in every state), made once for the walk."""
    i18n.install("vi")
    made = Stage(tmp_path_factory.mktemp("walk"), "none")
    assert made.filed
    yield made
    made.close()


@pytest.fixture(autouse=True)
def vietnamese() -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.install("en")


def _data(stage: Stage) -> set[str]:
    """Texts the desk shows as they were entered: names, subjects, codes, the org."""
    shown = {ORG, ORG_CODE, "Phạm Minh Quân", "admin"}
    shown |= {full for _, _, full in USERS} | {name for name, _, _ in USERS}
    shown |= {row[1].subject for row in FILED}
    return shown


def _check(seen: list[Seen], stage: Stage) -> None:
    """The walk opens every tab of the main window, the dialogs (first run, sign-in, restore,
    backup, new hồ sơ, shortcuts, send back, a document's tabs) and provokes the typical refusals
    (wrong password, an empty form, a state change that is not allowed, signing without a token, a
    short password, a backup without a drive); after each step it reads every text of every window
    on the screen (tests/ui/walker.py) and fails here on English, ISO dates or text that is not NFC.
    """
    assert len({s.text for s in seen}) > 20, "the walk saw too little to judge"
    found = walker.problems(seen, _data(stage))
    assert found == [], "\n".join(found)


def _ok(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _every_tab(qtbot, window: QWidget, seen: list[Seen]) -> None:
    walker.every_tab(window, lambda: settle(qtbot), seen)


def _window(qtbot, stage: Stage, user: str) -> MainWindow:
    window = MainWindow(stage.as_user(user))
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    settle(qtbot)
    return window


def _doc(stage: Stage, fate: str) -> Document:
    return next(d for d, row in zip(stage.filed, FILED, strict=True) if row[-1] == fate)


def test_before_sign_in(qtbot, stage, tmp_path):
    seen: list[Seen] = []
    # The first-run form on the demo office's desk: it reaches the catalog only once accepted
    # (one catalog per process: opening an empty one would take the demo office's place).
    first = FirstRunDialog(stage.desk.session, stage.desk.pools, stage.prefs)
    first.password.setText(PASSWORD)
    qtbot.addWidget(first)
    first.show()
    settle(qtbot)
    seen.extend(walker.on_screen())
    first.again.setText("khac-mat-khau")  # the two passwords differ
    _ok(first)
    settle(qtbot)
    seen.extend(walker.on_screen())
    restore = first.open_restore()
    settle(qtbot)
    seen.extend(walker.on_screen())
    restore.close()
    first.close()

    sign_in = SignInDialog(stage.desk.session, stage.desk.pools)
    sign_in.name.setText("lan")
    qtbot.addWidget(sign_in)
    sign_in.show()
    settle(qtbot)
    seen.extend(walker.on_screen())
    sign_in.password.setText("sai-mat-khau")
    _ok(sign_in)
    settle(qtbot)
    seen.extend(walker.on_screen())
    assert sign_in.error.text()
    sign_in.close()
    _check(seen, stage)


def test_as_admin(qtbot, stage):
    seen: list[Seen] = []
    window = _window(qtbot, stage, "admin")
    _every_tab(qtbot, window, seen)
    users = window.settings.user_list
    window.tabs.setCurrentWidget(window.settings)
    adding = users.open_add()
    adding.user_name.setText("moi")
    adding.check()  # no role
    seen.extend(walker.on_screen())
    next(iter(adding.roles.values())).setChecked(True)
    adding.password.password.setText("ngan")  # too short
    adding.check()
    seen.extend(walker.on_screen())
    adding.user_name.setText("lan")  # a user that exists: refused by the catalog
    adding.password.password.setText(PASSWORD)
    adding.password.again.setText(PASSWORD)
    adding.check()
    settle(qtbot)
    assert users.message.text()
    seen.extend(walker.on_screen())
    backup = window.open_backup()
    settle(qtbot)
    seen.extend(walker.on_screen())
    backup.begin()  # no drive chosen
    settle(qtbot)
    seen.extend(walker.on_screen())
    backup.close()
    window.tabs.setCurrentWidget(window.search)
    window.search.query.setText("hội nghị")
    window.search.search()
    settle(qtbot)
    seen.extend(walker.on_screen())
    window.close()
    _check(seen, stage)


def test_as_clerk(qtbot, stage):
    seen: list[Seen] = []
    window = _window(qtbot, stage, "lan")
    _every_tab(qtbot, window, seen)
    view = window.scan
    assert view is not None
    window.tabs.setCurrentWidget(view)
    view.save()  # nothing scanned, no hồ sơ: refused with a message
    settle(qtbot)
    seen.extend(walker.on_screen())
    controls = view.controls
    controls.device.addItem("Scanstation Máy quét mô phỏng (demo)", "demo:7")
    controls.device.setCurrentIndex(controls.device.count() - 1)
    controls.dpi.setValue(100)  # below what the demo scanner offers: refused
    controls.start_scan(max_pages=2)
    settle(qtbot)
    seen.extend(walker.on_screen())
    controls.dpi.setValue(150)
    controls.start_scan(max_pages=2)
    qtbot.waitUntil(lambda: len(view.strip.pages()) == 2 and controls.scan_task is None,
                    timeout=120_000)
    settle(qtbot)
    view.strip.setCurrentRow(0)
    settle(qtbot)
    seen.extend(walker.on_screen())
    view.save()  # the form is empty: the fields in red
    settle(qtbot)
    seen.extend(walker.on_screen())
    view.bulk.remove_blank()  # the list of blank pages, or why there is none
    settle(qtbot)
    seen.extend(walker.on_screen())
    if view.bulk.dialog is not None:
        view.bulk.dialog.reject()
    view.bulk.find_splits()  # the proposed cuts, to tick
    settle(qtbot)
    seen.extend(walker.on_screen())
    if view.bulk.dialog is not None:
        view.bulk.dialog.reject()
    walker.while_modal(view.filing.show_help, seen)
    walker.while_modal(view.filing.new_hoso, seen, _ok)
    window.sign_out()  # refused: pages in the strip
    seen.extend(walker.on_screen())
    view.keeper.close()  # the desk dies with the pages not filed…
    window.close()
    settle(qtbot)
    again = _window(qtbot, stage, "lan")  # …and offers them back when it starts again
    scan = again.scan
    assert scan is not None
    qtbot.waitUntil(lambda: scan.keeper.dialog is not None, timeout=30_000)
    settle(qtbot)
    seen.extend(walker.on_screen())
    assert scan.keeper.dialog is not None
    scan.keeper.dialog.restore_button.click()
    settle(qtbot)
    seen.extend(walker.on_screen())
    again.close()
    _check(seen, stage)


def test_as_supervisor(qtbot, stage):
    seen: list[Seen] = []
    window = _window(qtbot, stage, "hung")
    _every_tab(qtbot, window, seen)
    review = window.review
    assert review is not None
    window.tabs.setCurrentWidget(review)
    review.pending_only.setChecked(False)
    settle(qtbot)
    approved = _doc(stage, "approved").doc_code
    cells = [review.table.item(r, 0) for r in range(review.table.rowCount())]
    codes = [cell.text() if cell else "" for cell in cells]
    row = codes.index(approved)
    review.table.clearSelection()  # the first document is selected on loading
    review.table.selectRow(row)
    settle(qtbot)
    seen.extend(walker.on_screen())
    review.approve()  # approved → approved: the trial's "cannot go from approved to approved"
    settle(qtbot)
    assert review.message.text() == f"{approved} không thể chuyển từ “đã duyệt” sang “đã duyệt”."
    seen.extend(walker.on_screen())
    walker.while_modal(review.reject, seen)
    dialog = DocumentDialog(stage.desk, _doc(stage, "rescanned").doc_code)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    _every_tab(qtbot, dialog, seen)
    dialog.close()
    window.close()
    _check(seen, stage)


def test_as_signer(qtbot, stage, tmp_path: Path):
    seen: list[Seen] = []
    window = _window(qtbot, stage, "mai")
    _every_tab(qtbot, window, seen)
    sign = window.sign
    assert sign is not None
    window.tabs.setCurrentWidget(sign)
    settle(qtbot)
    sign.check_all(True)
    sign.sign_chosen()  # no token plugged in: refused with a message
    settle(qtbot)
    seen.extend(walker.on_screen())
    window.close()
    _check(seen, stage)


def test_the_walker_finds_english(qapp):
    """The walk is not blind: an English label, an ISO date and NFD text are each caught."""
    dialog = QDialog()
    dialog.setWindowTitle("Cài đặt")
    walker_seen = [
        Seen("label", "cannot go from approved to approved."),
        Seen("label", "Ngày ký: 2025-01-05"),
        Seen("label", "Hoa\u0300 Bi\u0300nh"),
        Seen("button", "Cancel"),
        Seen("label", "Đã duyệt 3/3 văn bản."),
    ]
    found = walker.problems(walker_seen)
    assert len(found) == 4 and not any("Đã duyệt" in f for f in found)
    dialog.deleteLater()
