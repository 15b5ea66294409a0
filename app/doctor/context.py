"""What the checks look at: the catalog folder (or the desk's open catalog) and the limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path

from app.signing.appearance import LIBERATION_SERIF

if TYPE_CHECKING:
    from app.catalog.service import Catalog

BATCH_PAGES = 200  # a full feeder run: the disk check wants room for at least one such batch
SERVER_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class Context:
    """Where to look; the desk passes its open catalog and the token module chosen in Settings."""

    catalog_folder: Path
    catalog: Catalog | None = None  # the desk's open catalog, used instead of opening one
    pkcs11_module: Path | None = None  # the module chosen by the user, tried before the known ones
    token_label: str = ""  # the token and certificate chosen in the Sign screen (expiry warning)
    key_label: str = ""
    data_folder: Path = field(default_factory=lambda: user_data_path("scanstation"))
    batch_pages: int = BATCH_PAGES
    font: Path = LIBERATION_SERIF
    server_timeout_s: float = SERVER_TIMEOUT_S

    @property
    def batches_folder(self) -> Path:
        """Where scanned pages wait, losslessly, until their PDF/A is written."""
        return self.data_folder / "batches"
