"""The catalog's organisation and its users: who owns the catalog, who may do what."""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.catalog import audit, codes, convert, lookup, profiles
from app.catalog.base import CatalogBase
from app.catalog.errors import AccountRefused, InvalidMetadata, Problem, Refused
from app.catalog.models import Organisation, Role, User
from app.catalog.rows import OrganisationRow, UserRow
from app.catalog.text import nfc

_hasher = PasswordHasher()
MIN_PASSWORD = 8


class Accounts(CatalogBase):
    """The organisation and the users of one catalog."""

    def init_organisation(
        self, name: str, code: str, profile: str = profiles.DEFAULT_PROFILE
    ) -> Organisation:
        """Record the office that owns this catalog (once)."""
        chosen = profiles.load(profile)
        name, code = nfc(name).strip(), nfc(code).strip()
        problems = [p for p in [codes.org_code_problem(chosen, code)] if p]
        if not name:
            problems.append(Problem("orgName", "Tên cơ quan", "bắt buộc, chưa nhập"))
        if problems:
            raise InvalidMetadata(problems)
        with self.db.atomic():
            if OrganisationRow.select().exists():
                raise Refused("This catalog already has an organisation.",
                              code="catalog.has_organisation")
            OrganisationRow.create(name=name, code=code, profile=chosen.id, created_at=audit.now())
            audit.append(
                lookup.SYSTEM, "create", "organisation", code, {"name": name, "profile": chosen.id}
            )
        return Organisation(name=name, code=code, profile=chosen.id)

    def organisation(self) -> Organisation:
        return lookup.organisation()

    def add_user(
        self,
        name: str,
        roles: Iterable[Role],
        password: str,
        *,
        full_name: str = "",
        by: str = lookup.SYSTEM,
    ) -> User:
        """Create a user; the password is stored only as an argon2 hash.

        The first user may be created by `system`; later ones need an admin.
        """
        name = nfc(name).strip()
        chosen = frozenset(Role(r) for r in roles)
        if not name or not chosen:
            raise Refused("A user needs a name and at least one role.", code="user.incomplete")
        if name.casefold() == lookup.SYSTEM:
            raise AccountRefused(
                "reserved",
                f"The name {name} is reserved for the station itself in the audit log.",
                f"Tên {name} được dành cho chính trạm trong nhật ký; hãy chọn tên khác.",
                hint="Choose another user name.", params={"name": name},
            )
        _check_password(password)
        with self.db.atomic():
            if UserRow.select().exists():
                lookup.require(by, {Role.ADMIN})
            if UserRow.get_or_none(UserRow.name == name):
                raise AccountRefused(
                    "exists",
                    f"The user {name} already exists.",
                    f"Người dùng {name} đã có.",
                    hint="Choose another user name.", params={"name": name},
                )
            UserRow.create(
                name=name,
                full_name=nfc(full_name),
                roles=",".join(sorted(chosen)),
                password_hash=_hasher.hash(password),
                created_at=audit.now(),
            )
            audit.append(by, "create", "user", name, {"roles": sorted(chosen)})
        return User(name=name, roles=chosen, full_name=nfc(full_name))

    def authenticate(self, name: str, password: str) -> User:
        """The user if the password is right and the account enabled; Refused otherwise.

        A wrong name and a wrong password get the same message; a disabled account is named
        only to someone who knows its password.
        """
        row = UserRow.get_or_none(UserRow.name == nfc(name))
        try:
            if row is None:
                raise VerificationError
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AccountRefused(
                "wrong-password", "Wrong user name or password.", "Sai tên đăng nhập hoặc mật khẩu."
            ) from None
        if row.disabled:
            raise AccountRefused(
                "disabled",
                f"The account {row.name} is disabled.",
                f"Tài khoản {row.name} đã bị khóa.",
                hint="Ask the station's admin to enable it again.",
                params={"name": row.name},
            )
        return convert.user(row)

    def user(self, name: str) -> User:
        return convert.user(lookup.user_row(name))

    def users(self) -> list[User]:
        """Every user, by name."""
        return [convert.user(row) for row in UserRow.select().order_by(UserRow.name)]

    def set_disabled(self, name: str, disabled: bool, *, by: str) -> User:
        """Disable or enable `name` (an admin acts); never the last enabled admin, never oneself.

        The actor must be an enabled admin, so the last enabled admin can only be the actor:
        that case is named as such (it says what to do: add another admin first).
        """
        with self.db.atomic():
            lookup.require(by, {Role.ADMIN})
            row = lookup.user_row(name)
            if bool(row.disabled) == disabled:
                return convert.user(row)
            if disabled and Role.ADMIN in convert.user(row).roles and _enabled_admins() <= 1:
                raise AccountRefused(
                    "last-admin",
                    f"{row.name} is the last enabled admin: the station would have none.",
                    f"{row.name} là quản trị viên cuối cùng còn hoạt động; không thể khóa.",
                    hint="Add another admin first.", params={"name": row.name},
                )
            if disabled and row.name == nfc(by):
                raise AccountRefused(
                    "self-disable",
                    "You cannot disable your own account.",
                    "Không thể tự khóa tài khoản của chính mình.",
                    hint="Another admin can do it.",
                )
            row.disabled = disabled
            row.save()
            audit.append(by, "disable" if disabled else "enable", "user", row.name, {})
        return convert.user(row)

    def reset_password(self, name: str, temporary: str, *, by: str) -> User:
        """An admin sets a temporary password; the user must change it at the next sign-in."""
        _check_password(temporary)
        with self.db.atomic():
            lookup.require(by, {Role.ADMIN})
            row = lookup.user_row(name)
            row.password_hash = _hasher.hash(temporary)
            row.must_change_password = True
            row.save()
            audit.append(by, "reset-password", "user", row.name, {})
        return convert.user(row)

    def recover_admin(self, name: str, temporary: str) -> User:
        """Break-glass from the station's console when no admin can sign in: give the admin
        `name` a temporary password (changed at the next sign-in) and enable the account.
        Whoever runs it already holds the catalog's files; the audit log records it as the
        station's own act, so the next admin sees it."""
        _check_password(temporary)
        with self.db.atomic():
            row = lookup.user_row(name)
            if Role.ADMIN not in convert.user(row).roles:
                raise AccountRefused(
                    "not-admin",
                    f"{row.name} is not an admin; an admin resets other users' passwords.",
                    f"{row.name} không phải quản trị viên; hãy nhờ quản trị viên đặt lại.",
                    hint="Recover an admin account, then reset this one from the desk.",
                    params={"name": row.name},
                )
            row.password_hash = _hasher.hash(temporary)
            row.must_change_password = True
            row.disabled = False
            row.save()
            audit.append(lookup.SYSTEM, "recover-admin", "user", row.name, {})
        return convert.user(row)

    def change_password(self, name: str, current: str, new: str) -> User:
        """The user replaces their password (the temporary one after a reset)."""
        _check_password(new)
        user = self.authenticate(name, current)
        if new == current:
            raise AccountRefused(
                "same-password",
                "The new password must differ from the current one.",
                "Mật khẩu mới phải khác mật khẩu hiện tại.",
            )
        with self.db.atomic():
            row = lookup.user_row(user.name)
            row.password_hash = _hasher.hash(new)
            row.must_change_password = False
            row.save()
            audit.append(user.name, "change-password", "user", user.name, {})
        return convert.user(row)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountRefused(
            "short-password",
            f"The password must have at least {MIN_PASSWORD} characters.",
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.",
            params={"min": MIN_PASSWORD},
        )


def _enabled_admins() -> int:
    rows = UserRow.select().where(UserRow.disabled == False)  # noqa: E712 (peewee expression)
    return sum(1 for row in rows if Role.ADMIN in convert.user(row).roles)
