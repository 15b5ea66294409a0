"""The desk's people: the office's first run, signing in, users and the profile in force."""

from __future__ import annotations

from app.catalog import profiles
from app.catalog.models import Organisation, Role, User
from app.ui.session.base import SessionBase


class People(SessionBase):
    """The organisation, its users and who is signed in."""

    def needs_first_run(self) -> bool:
        return not self._has_organisation()

    def _has_organisation(self) -> bool:
        try:
            self.catalog.organisation()
        except Exception:
            return False
        return True

    def first_run(self, org_name: str, org_code: str, profile: str, admin: str,
                  password: str, full_name: str = "") -> User:
        """Record the office and its first admin (who may also scan, review and sign)."""
        self.catalog.init_organisation(org_name, org_code, profile)
        roles = [Role.ADMIN, Role.CLERK, Role.SUPERVISOR, Role.SIGNER]
        return self.catalog.add_user(admin, roles, password, full_name=full_name)

    def sign_in(self, name: str, password: str) -> User:
        """The user, signed in unless their password must be changed first (then nobody is)."""
        user = self.catalog.authenticate(name, password)
        self.user = None if user.must_change_password else user
        return user

    def change_password(self, name: str, current: str, new: str) -> User:
        """Replace the password (the temporary one after a reset) and sign the user in."""
        self.user = self.catalog.change_password(name, current, new)
        return self.user

    def add_user(self, name: str, roles: list[Role], password: str, full_name: str = "") -> User:
        return self.catalog.add_user(name, roles, password, full_name=full_name, by=self.name)

    def users(self) -> list[User]:
        return self.catalog.users()

    def set_disabled(self, name: str, disabled: bool) -> User:
        return self.catalog.set_disabled(name, disabled, by=self.name)

    def reset_password(self, name: str, temporary: str) -> User:
        return self.catalog.reset_password(name, temporary, by=self.name)

    def organisation(self) -> Organisation:
        return self.catalog.organisation()

    def profile(self) -> profiles.Profile:
        return profiles.load(self.organisation().profile)
