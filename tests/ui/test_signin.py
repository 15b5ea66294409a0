"""First run and sign-in; the tabs follow the roles."""

from __future__ import annotations

from app.ui.firstrun import FirstRunDialog
from app.ui.main import open_desk
from app.ui.main_window import MainWindow
from app.ui.signin import SignInDialog
from tests.ui.conftest import PASSWORD, settle


def test_first_run_creates_the_office_and_its_admin(qtbot, tmp_path, prefs):
    desk = open_desk(tmp_path / "catalog", prefs)
    assert desk.session.needs_first_run()
    dialog = FirstRunDialog(desk.session, desk.pools, prefs)
    qtbot.addWidget(dialog)
    settle(qtbot)
    dialog.org_name.setText("Ủy ban MTTQ Việt Nam quận Thử")
    dialog.org_code.setText("000.00.00.G09")
    dialog.admin.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.submit()
    settle(qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not desk.session.needs_first_run()
    desk.session.close()


def test_sign_in_and_tabs_by_role(qtbot, desk):
    dialog = SignInDialog(desk.session, desk.pools)
    qtbot.addWidget(dialog)
    dialog.name.setText("lan")
    dialog.password.setText("wrong-password")
    dialog.submit()
    settle(qtbot)
    assert dialog.error.text()
    dialog.password.setText(PASSWORD)
    dialog.submit()
    settle(qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted
    window = MainWindow(desk)
    qtbot.addWidget(window)
    settle(qtbot)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert len(tabs) == 4 and window.scan is not None and window.review is None
    window.show()
    settle(qtbot)
    assert window.health.results and not window.health.has_failures  # checked at start-up
    assert "Sync" in window.desk.status.sync_label.text() or "Đồng bộ" in \
        window.desk.status.sync_label.text()
    window.close()
