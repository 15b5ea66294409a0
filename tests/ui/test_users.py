"""The admin's user list, and sign-in for disabled users and after a password reset."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from app.catalog.audit import entries
from app.catalog.models import Role
from app.ui import i18n
from app.ui.settings_view import SettingsView
from app.ui.signin import SignInDialog
from app.ui.users_view import UsersPanel
from tests.ui.conftest import PASSWORD, settle

TEMPORARY = "tam-thoi-2025"


def _ok(buttons: QDialogButtonBox) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _panel(qtbot, desk) -> UsersPanel:
    view = SettingsView(desk)
    qtbot.addWidget(view)
    settle(qtbot)
    return view.user_list


def _row(panel: UsersPanel, name: str) -> list[str]:
    row = [u.name for u in panel.users].index(name)
    items = [panel.table.item(row, col) for col in range(panel.table.columnCount())]
    return [item.text() if item is not None else "" for item in items]


def _sign_in(qtbot, desk, name: str, password: str) -> SignInDialog:
    dialog = SignInDialog(desk.session, desk.pools)
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    dialog.password.setText(password)
    _ok(dialog.buttons)
    settle(qtbot)
    return dialog


def test_the_admin_sees_every_user_with_roles_and_adds_one(qtbot, desk):
    i18n.install("vi")
    panel = _panel(qtbot, desk)
    assert [u.name for u in panel.users] == ["admin", "hung", "lan", "mai"]
    assert _row(panel, "lan") == ["lan", "Nguyễn Thị Lan", "cán bộ số hóa", "đang hoạt động"]
    header = panel.table.horizontalHeaderItem(2)
    assert header is not None and header.text() == "Vai trò"
    dialog = panel.open_add()
    _ok(dialog.buttons)  # nothing typed: refused in words, nothing saved
    assert dialog.isVisible() and dialog.error.text() == "Hãy nhập tên đăng nhập."
    dialog.user_name.setText("thu")
    dialog.full_name.setText("Phạm Thu")
    _ok(dialog.buttons)
    assert dialog.error.text() == "Hãy chọn ít nhất một vai trò."
    dialog.roles[Role.SIGNER].setChecked(True)
    dialog.roles[Role.ADMIN].setChecked(True)
    dialog.password.password.setText("ngan")
    _ok(dialog.buttons)
    assert "ít nhất 8 ký tự" in dialog.error.text()
    dialog.password.password.setText(PASSWORD)
    dialog.password.again.setText(PASSWORD + "x")
    _ok(dialog.buttons)
    assert dialog.error.text() == "Hai mật khẩu không khớp."
    dialog.password.again.setText(PASSWORD)
    _ok(dialog.buttons)
    settle(qtbot)
    assert not dialog.isVisible() and panel.message.text() == "Đã thêm người dùng thu."
    assert _row(panel, "thu")[2] == "văn thư ký số, quản trị"
    assert desk.session.catalog.authenticate("thu", PASSWORD).roles == {Role.SIGNER, Role.ADMIN}
    dialog = panel.open_add()  # the same name again: the core's refusal, worded
    dialog.user_name.setText("thu")
    dialog.roles[Role.CLERK].setChecked(True)
    dialog.password.password.setText(PASSWORD)
    dialog.password.again.setText(PASSWORD)
    _ok(dialog.buttons)
    settle(qtbot)
    assert panel.message.text() == "Tên đăng nhập này đã có người dùng: hãy chọn tên khác."
    assert len(panel.users) == 5


def test_a_disabled_user_cannot_sign_in_until_enabled(qtbot, desk):
    i18n.install("vi")
    panel = _panel(qtbot, desk)
    panel.select("lan")
    assert panel.toggle_button.text() == "Khóa tài khoản"
    panel.toggle_button.click()
    settle(qtbot)
    assert _row(panel, "lan")[3] == "đã khóa"
    assert panel.message.text() == "Đã khóa lan; người này không đăng nhập được nữa."
    assert panel.toggle_button.text() == "Mở khóa"
    dialog = _sign_in(qtbot, desk, "lan", PASSWORD)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Tài khoản này đã bị khóa.")
    wrong = _sign_in(qtbot, desk, "lan", "sai-mat-khau")  # a wrong password tells nothing more
    assert wrong.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    panel.toggle_button.click()
    settle(qtbot)
    assert _row(panel, "lan")[3] == "đang hoạt động"
    assert _sign_in(qtbot, desk, "lan", PASSWORD).result() == dialog.DialogCode.Accepted
    actions = [e.action for e in entries("lan")]
    assert actions.count("disable") == 1 and actions.count("enable") == 1


def test_the_admin_cannot_disable_the_last_admin_or_themselves(qtbot, desk):
    i18n.install("vi")
    panel = _panel(qtbot, desk)
    panel.select("admin")
    panel.toggle_button.click()
    settle(qtbot)
    assert panel.message.text().startswith("Đây là quản trị viên cuối cùng còn hoạt động")
    assert _row(panel, "admin")[3] == "đang hoạt động"
    desk.session.add_user("thu", [Role.ADMIN], PASSWORD, "Phạm Thu")
    panel.refresh()
    settle(qtbot)
    panel.select("admin")
    panel.toggle_button.click()
    settle(qtbot)
    assert panel.message.text() == ("Không thể tự khóa tài khoản của chính mình; "
                                    "quản trị viên khác có thể làm việc này.")
    assert not desk.session.catalog.user("admin").disabled


def test_a_reset_password_must_be_changed_at_the_next_sign_in(qtbot, desk):
    i18n.install("vi")
    panel = _panel(qtbot, desk)
    panel.select("hung")
    dialog = panel.open_reset()
    assert dialog is not None
    dialog.password.password.setText(TEMPORARY)
    dialog.password.again.setText("khac-hoan-toan")
    _ok(dialog.buttons)
    assert dialog.error.text() == "Hai mật khẩu không khớp."
    dialog.password.again.setText(TEMPORARY)
    _ok(dialog.buttons)
    settle(qtbot)
    assert _row(panel, "hung")[3] == "đang hoạt động, phải đổi mật khẩu"
    desk.session.user = None
    signin = _sign_in(qtbot, desk, "hung", TEMPORARY)
    assert signin.changing and signin.result() != signin.DialogCode.Accepted
    assert desk.session.user is None  # not signed in until the password is replaced
    signin.new_password.password.setText(TEMPORARY)
    signin.new_password.again.setText(TEMPORARY)
    _ok(signin.buttons)
    settle(qtbot)
    assert signin.error.text() == "Mật khẩu mới phải khác mật khẩu hiện tại."
    signin.new_password.password.setText("hung-moi-2025")
    signin.new_password.again.setText("hung-moi-2025")
    _ok(signin.buttons)
    settle(qtbot)
    assert signin.result() == signin.DialogCode.Accepted
    assert desk.session.user is not None and desk.session.user.name == "hung"
    assert not desk.session.catalog.authenticate("hung", "hung-moi-2025").must_change_password
    actions = [(e.user, e.action) for e in entries("hung")]
    assert ("admin", "reset-password") in actions and ("hung", "change-password") in actions


def test_other_users_see_no_user_list(qtbot, desk):
    desk.session.sign_in("lan", PASSWORD)
    view = SettingsView(desk)
    qtbot.addWidget(view)
    settle(qtbot)
    assert view.users.isHidden() and not view.users.isEnabled() and view.user_list.users == []
