"""How much a package from outside may hold, and the refusal that names the limit it broke."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import InputError

MiB = 1 << 20

# reasons answered as 413 (too large) by the server; every other reason is 422
SIZE_REASONS = frozenset(
    {
        "too_many_entries",
        "entry_too_large",
        "package_too_large",
        "compression_ratio",
        "metadata_too_large",
    }
)


@dataclass(frozen=True)
class Limits:
    """Caps on what reading a package may unpack (checked while streaming, never trusted)."""

    entries: int = 10_000  # ZIP members
    file_bytes: int = 512 * MiB  # one unpacked member
    total_bytes: int = 2048 * MiB  # every unpacked member together
    ratio: int = 200  # unpacked / compressed, for members above RATIO_FLOOR
    metadata_bytes: int = 32 * MiB  # METS.xml, the EAD and station.json, each


RATIO_FLOOR = 1 * MiB  # small members may compress well (XML); the ratio cap starts here


class PackageRefused(InputError):
    """A package refused before anything was stored; `reason` is a stable machine code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(
            f"The package is refused: {message}",
            hint="Nothing was imported. Ask the sender for a package the station exported.",
            code="package.refused", params={"reason": reason},
        )
        self.reason = reason

    @property
    def too_large(self) -> bool:
        """Whether a size limit was hit (HTTP 413) rather than the content being wrong (422)."""
        return self.reason in SIZE_REASONS
