"""The catalog's organisation and its users: who owns the catalog, who may do what."""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

from app.catalog import audit, codes, convert, lookup, profiles
from app.catalog.base import CatalogBase
from app.catalog.errors import InvalidMetadata, Problem, Refused
from app.catalog.models import Organisation, Role, User
from app.catalog.rows import OrganisationRow, UserRow
from app.catalog.text import nfc

_hasher = PasswordHasher()


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
                raise Refused("This catalog already has an organisation.")
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
            raise Refused("A user needs a name and at least one role.")
        if len(password) < 8:
            raise Refused("The password must have at least 8 characters.")
        with self.db.atomic():
            if UserRow.select().exists():
                lookup.require(by, {Role.ADMIN})
            if UserRow.get_or_none(UserRow.name == name):
                raise Refused(f"The user {name} already exists.")
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
        """The user if the password is right; Refused otherwise (same message either way)."""
        row = UserRow.get_or_none(UserRow.name == nfc(name))
        try:
            if row is None:
                raise VerificationError
            _hasher.verify(row.password_hash, password)
        except VerificationError:
            raise Refused("Wrong user name or password.") from None
        return convert.user(row)

    def user(self, name: str) -> User:
        return convert.user(lookup.user_row(name))
