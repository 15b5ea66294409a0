"""Users: list, disable and enable, the last admin, password reset and change, in the audit."""

from __future__ import annotations

import sqlite3

import pytest

from app.catalog import Catalog
from app.catalog.audit import entries, verify
from app.catalog.errors import AccountRefused, NotFound, Refused
from app.catalog.models import Role
from testkit.catalog import PASSWORD

TEMPORARY = "tam-thoi-2025"


def _reason(excinfo: pytest.ExceptionInfo[AccountRefused]) -> str:
    return excinfo.value.reason


def test_users_are_listed_with_roles_and_state(catalog: Catalog) -> None:
    users = {u.name: u for u in catalog.users()}
    assert sorted(users) == ["admin", "hung", "lan", "mai"]
    assert users["admin"].roles == {Role.ADMIN} and users["lan"].roles == {Role.CLERK}
    assert not any(u.disabled or u.must_change_password for u in users.values())


def test_a_disabled_user_cannot_sign_in_or_act_until_enabled(catalog: Catalog, hoso) -> None:
    assert catalog.set_disabled("lan", True, by="admin").disabled
    with pytest.raises(AccountRefused) as refused:
        catalog.authenticate("lan", PASSWORD)
    assert _reason(refused) == "disabled" and "khóa" in refused.value.message_vi
    with pytest.raises(AccountRefused) as wrong:  # a wrong password says nothing about the state
        catalog.authenticate("lan", "not-the-password")
    assert _reason(wrong) == "wrong-password"
    with pytest.raises(Refused, match="disabled"):  # nor may the account act in the core
        catalog.start_batch("lan", "demo", {})
    assert not catalog.set_disabled("lan", False, by="admin").disabled
    assert catalog.authenticate("lan", PASSWORD).name == "lan"
    actions = [(e.user, e.action, e.entity_id) for e in entries("lan")]
    assert ("admin", "disable", "lan") in actions and ("admin", "enable", "lan") in actions
    assert verify() == []


def test_an_admin_cannot_disable_the_last_admin_nor_themselves(catalog: Catalog) -> None:
    with pytest.raises(AccountRefused) as last:
        catalog.set_disabled("admin", True, by="admin")
    assert _reason(last) == "last-admin" and "cuối cùng" in last.value.message_vi
    catalog.add_user("thu", [Role.ADMIN, Role.SIGNER], PASSWORD, by="admin")
    with pytest.raises(AccountRefused) as own:  # another admin exists, still not oneself
        catalog.set_disabled("admin", True, by="admin")
    assert _reason(own) == "self-disable"
    catalog.set_disabled("admin", True, by="thu")  # another admin may
    with pytest.raises(Refused, match="disabled"):  # a disabled admin cannot act
        catalog.set_disabled("thu", True, by="admin")
    with pytest.raises(AccountRefused) as now_last:
        catalog.set_disabled("thu", True, by="thu")
    assert _reason(now_last) == "last-admin"
    catalog.set_disabled("admin", False, by="thu")
    assert [u.name for u in catalog.users() if Role.ADMIN in u.roles and not u.disabled] == [
        "admin",
        "thu",
    ]


def test_a_second_user_of_the_same_name_is_refused(catalog: Catalog) -> None:
    with pytest.raises(AccountRefused) as twice:
        catalog.add_user("lan", [Role.CLERK], PASSWORD, by="admin")
    assert _reason(twice) == "exists" and "đã có" in twice.value.message_vi


def test_non_admins_and_unknown_users_are_refused(catalog: Catalog) -> None:
    with pytest.raises(Refused, match="admin"):
        catalog.set_disabled("lan", True, by="hung")
    with pytest.raises(Refused, match="admin"):
        catalog.reset_password("lan", TEMPORARY, by="lan")
    with pytest.raises(NotFound):
        catalog.set_disabled("nobody", True, by="admin")
    assert not catalog.user("lan").disabled


def test_reset_password_forces_a_change_at_next_sign_in(catalog: Catalog) -> None:
    with pytest.raises(AccountRefused) as short:
        catalog.reset_password("lan", "ngan", by="admin")
    assert _reason(short) == "short-password"
    user = catalog.reset_password("lan", TEMPORARY, by="admin")
    assert user.must_change_password
    with pytest.raises(AccountRefused):
        catalog.authenticate("lan", PASSWORD)  # the old password is gone
    assert catalog.authenticate("lan", TEMPORARY).must_change_password
    with pytest.raises(AccountRefused) as same:
        catalog.change_password("lan", TEMPORARY, TEMPORARY)
    assert _reason(same) == "same-password"
    with pytest.raises(AccountRefused) as wrong:
        catalog.change_password("lan", "not-the-temporary", "moi-hoan-toan-2025")
    assert _reason(wrong) == "wrong-password"
    with pytest.raises(AccountRefused) as short_new:
        catalog.change_password("lan", TEMPORARY, "1234567")
    assert _reason(short_new) == "short-password"
    changed = catalog.change_password("lan", TEMPORARY, "moi-hoan-toan-2025")
    assert not changed.must_change_password
    assert not catalog.authenticate("lan", "moi-hoan-toan-2025").must_change_password
    actions = [(e.user, e.action) for e in entries("lan")]
    assert ("admin", "reset-password") in actions and ("lan", "change-password") in actions
    assert all("mat" not in str(e.data) for e in entries("lan"))  # no password in the log
    assert verify() == []


def test_an_imported_account_without_a_password_cannot_sign_in(catalog: Catalog) -> None:
    catalog.db.execute_sql(
        "INSERT INTO user (name, full_name, roles, password_hash, created_at) "
        "VALUES ('cu', '', 'clerk', '!', '2025-01-01T00:00:00+07:00')"
    )
    with pytest.raises(AccountRefused) as refused:
        catalog.authenticate("cu", "!")
    assert _reason(refused) == "wrong-password"


def test_a_version_3_catalog_gains_the_user_state_and_keeps_its_users(folder) -> None:
    from app.catalog import migrations
    from app.catalog.db import DB_NAME
    from tests.catalog.conftest import setup_catalog

    setup_catalog(folder)
    con = sqlite3.connect(folder / DB_NAME)  # back to the version-3 user table
    with con:
        con.execute("ALTER TABLE user DROP COLUMN disabled")
        con.execute("ALTER TABLE user DROP COLUMN must_change_password")
        con.execute("PRAGMA user_version = 3")
    con.close()
    with Catalog.open(folder) as catalog:
        assert migrations.schema_version(catalog.db) == migrations.LATEST >= 4
        users = catalog.users()
        assert len(users) == 4 and not any(u.disabled or u.must_change_password for u in users)
        assert catalog.authenticate("lan", PASSWORD).name == "lan"
    assert list((folder / "backups").glob("catalog-v3-*.sqlite3"))  # copied before migrating
