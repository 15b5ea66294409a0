"""A genuine station catalog and its packages: the material every hostile case is made of."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.catalog import State
from app.catalog.export.limits import Limits
from testkit.catalog import hoso_meta
from testkit.serverproc import ORG_A, ORG_B
from testkit.signing import PdfSigner
from testkit.station import add_signed, new_catalog
from tests.exchange.packages import Context


@dataclass(frozen=True)
class Genuine:
    """Two hồ sơ of one station exported as SIPs, and one document's network package."""

    first: bytes  # hồ sơ 1 as a SIP (one signed document: a scan and its signed version)
    second: bytes  # hồ sơ 2 as a SIP
    network: bytes  # hồ sơ 1's document as sent upward
    network_second: bytes  # hồ sơ 2's document as sent upward
    signed_sha: str


@pytest.fixture(scope="session")
def genuine(
    signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Genuine:
    folder = tmp_path_factory.mktemp("source")
    with new_catalog(folder / "catalog", ORG_A) as catalog:
        first = add_signed(catalog, *pdfs, 1)[0]
        hoso1 = catalog.list_hoso()[0].file_code
        hoso2 = catalog.create_hoso(hoso_meta(title="Hồ sơ thứ hai năm 2024"), "lan").file_code
        scan, signed = signer.pair(folder, "thu-hai")
        doc = catalog.add_document(
            scan, catalog.document(first).metadata, "lan", hoso=hoso2, page_texts=["trang"]
        )
        catalog.set_state(doc.doc_code, State.INDEXED, "lan")
        catalog.set_state(doc.doc_code, State.APPROVED, "hung")
        catalog.record_signed(doc.doc_code, signed, "mai")
        out = [
            catalog.export(hoso1, folder / "1.zip", "hung", fmt="sip"),
            catalog.export(hoso2, folder / "2.zip", "hung", fmt="sip"),
            catalog.network_package(first, folder / "n1.zip"),
            catalog.network_package(doc.doc_code, folder / "n2.zip"),
        ]
    first_sip, second_sip, network, network_second = (p.read_bytes() for p in out)
    signed_sha = hashlib.sha256(pdfs[1].read_bytes()).hexdigest()
    return Genuine(first_sip, second_sip, network, network_second, signed_sha)


def context(canary: Path, stored_sha: str, limits: Limits) -> Context:
    canary.mkdir(parents=True, exist_ok=True)
    return Context(canary, stored_sha, ORG_B, limits.metadata_bytes, limits.entries)


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file under `folder` (names containing a `skip` part aside) → its SHA-256."""
    out = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not any(s in rel for s in skip):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table of a SQLite catalog."""
    with sqlite3.connect(db) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
