"""The organisation tree (district → province → …) from the server's configuration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from server.config import Config


@dataclass(frozen=True)
class OrgTree:
    """Names and parents of every known organisation; a code not listed is its own root."""

    names: dict[str, str]
    parents: dict[str, str]
    kids: dict[str, list[str]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for child, parent in sorted(self.parents.items()):
            self.kids.setdefault(parent, []).append(child)

    @classmethod
    def from_config(cls, config: Config) -> OrgTree:
        names = {**config.org_names, **config.orgs}
        for child, parent in config.org_parents.items():
            names.setdefault(child, child)
            names.setdefault(parent, parent)
        return cls(names, dict(config.org_parents))

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    def children(self, code: str) -> list[str]:
        return self.kids.get(code, [])

    def subtree(self, code: str) -> list[str]:
        """`code` and everything below it, parents before their children."""
        out: dict[str, None] = {}
        stack = [code]
        while stack:
            here = stack.pop()
            if here not in out:  # a loop in a hand-written configuration stops here
                out[here] = None
                stack.extend(reversed(self.children(here)))
        return list(out)

    def roots(self, codes: Iterable[str]) -> list[str]:
        """The codes of `codes` whose parent is not in `codes` (tops of the given forest)."""
        chosen = set(codes)
        return sorted(c for c in chosen if self.parents.get(c) not in chosen)

    def depth(self, code: str, among: set[str]) -> int:
        """How many ancestors of `code` are in `among`."""
        seen = 0
        for _ in range(32):  # a loop in a hand-written configuration ends here
            if code not in self.parents:
                break
            code = self.parents[code]
            seen += code in among
        return seen

    def readable(self, granted: Iterable[str]) -> set[str] | None:
        """The organisations a reader granted `granted` may read: those and everything below
        them (None = all, for "*")."""
        grant = set(granted)
        if "*" in grant:
            return None
        out: set[str] = set()
        for code in grant:
            out.update(self.subtree(code))
        return out

    def ordered(self, codes: Iterable[str]) -> list[str]:
        """`codes` in tree order: each root, then its subtree."""
        chosen = set(codes)
        out: dict[str, None] = {}
        for root in self.roots(chosen):
            out.update((c, None) for c in self.subtree(root) if c in chosen)
        return list(out)
