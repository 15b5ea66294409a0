"""What every part of the desk's session shares: the catalog folder, the open catalog, who is in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.catalog import Catalog, Document
from app.catalog.models import Role, User

ALL_LIMIT = 5000  # the most documents a desk list asks for


@dataclass
class SessionBase:
    """The catalog folder, the open catalog and the signed-in user."""

    folder: Path
    catalog: Catalog = field(init=False)
    user: User | None = None

    def __post_init__(self) -> None:
        self.catalog = Catalog.open(self.folder)

    def close(self) -> None:
        self.catalog.close()

    @property
    def name(self) -> str:
        assert self.user is not None, "nobody is signed in"
        return self.user.name

    def has(self, role: Role) -> bool:
        return self.user is not None and role in self.user.roles

    def file_of(self, doc: Document) -> Path:
        """Where the document's current version is stored (read only)."""
        return self.catalog.file_path(doc.current.sha256)

    @contextmanager
    def workdir(self) -> Iterator[Path]:
        """Scratch space inside the catalog folder (documents never go to the system temp)."""
        with self.catalog.store.workdir() as work:
            yield work
