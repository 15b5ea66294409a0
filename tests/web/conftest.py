"""A real server with two districts under one province, three supervisors and synced data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.catalog import Catalog, State
from app.sync.worker import SyncWorker
from server.auth import hash_password
from server.localpg import free_port
from testkit.serverproc import ORG_A, ORG_B, ServerProcess, write_config
from testkit.signing import PdfSigner
from testkit.station import add_signed, client_for, enroll_station, new_catalog

PROVINCE = "000.00.00.T01"
PASSWORD = "mat-khau-web"
USERS = {"lanh-dao": ["*"], "quan-a": [ORG_A], "tinh-tp": [PROVINCE]}
SUBJECTS_A = ["Kế hoạch số hóa tài liệu lưu trữ", "Báo cáo công tác Mặt trận quý 3"]
SUBJECTS_B = ["Kế hoạch đại đoàn kết toàn dân tộc"]
REJECT_REASON = "Ảnh mờ, quét lại trang 1"


@dataclass(frozen=True)
class Figures:
    """What a station's own catalog rows say was done (what a report must show)."""

    documents: int
    pages: int
    signed: int
    reasons: tuple[str, ...]
    rescans: int
    clerks: dict[str, tuple[int, int]]


@dataclass
class WebSite:
    """The running server and what was sent to it."""

    server: ServerProcess
    docs: dict[str, str]  # subject → document uuid
    org_of: dict[str, str]  # subject → organisation
    figures: dict[str, Figures]  # organisation → its station's figures

    @property
    def url(self) -> str:
        return self.server.url


def _extra(hashed: str) -> str:
    users = "".join(
        f'\n[[supervisors]]\nname = "{name}"\npassword_hash = "{hashed}"\n'
        f"orgs = {json.dumps(orgs)}\n"
        for name, orgs in USERS.items()
    )
    return (
        users
        + f'\n[org_parents]\n"{ORG_A}" = "{PROVINCE}"\n"{ORG_B}" = "{PROVINCE}"\n'
        + f'\n[org_names]\n"{PROVINCE}" = "Ủy ban MTTQ Việt Nam thành phố Hà Nội"\n'
    )


def _station(
    server: ServerProcess, folder: Path, org: str, pdfs: tuple[Path, Path], subjects: list[str]
) -> Figures:
    with new_catalog(folder, org) as catalog:
        hoso = catalog.list_hoso()[0].file_code
        if org == ORG_A:  # one document sent back with a reason, rescanned, then signed
            doc = catalog.add_document(
                pdfs[0], _meta("Tờ trình xin kinh phí"), "lan", hoso=hoso, page_texts=["to trinh"]
            )
            catalog.set_state(doc.doc_code, State.INDEXED, "lan")
            catalog.set_state(doc.doc_code, State.REJECTED, "hung", REJECT_REASON)
            catalog.replace_scan(doc.doc_code, pdfs[0], "lan", page_texts=["trang 1", "trang 2"])
            catalog.set_state(doc.doc_code, State.INDEXED, "lan")
            catalog.set_state(doc.doc_code, State.APPROVED, "hung")
            catalog.record_signed(doc.doc_code, pdfs[1], "mai")
        add_signed(catalog, *pdfs, len(subjects), subject=lambda i: subjects[i])
        creds = enroll_station(server, catalog, org)
        client = client_for(creds)
        assert SyncWorker(catalog, client).run_once().sent == len(subjects) + (org == ORG_A)
        client.close()
        return _figures(catalog, hoso)


def _figures(catalog: Catalog, hoso: str) -> Figures:
    docs = catalog.documents(hoso)
    events = [e for d in docs for e in catalog.history(d.doc_code)]
    clerks: dict[str, tuple[int, int]] = {}
    for doc in docs:
        count, pages = clerks.get(doc.clerk, (0, 0))
        clerks[doc.clerk] = (count + 1, pages + doc.page_count)
    return Figures(
        documents=len(docs),
        pages=sum(d.page_count for d in docs),
        signed=len({e.entity_id for e in events if e.action == "sign"}),
        reasons=tuple(str(e.data["reason"]) for e in events if e.data.get("to") == "rejected"),
        rescans=sum(e.action == "rescan" for e in events),
        clerks=clerks,
    )


def _meta(subject: str) -> dict[str, str]:
    from testkit.catalog import doc_meta

    return doc_meta(subject=subject)


@pytest.fixture(scope="module")
def site(
    signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebSite]:
    folder = tmp_path_factory.mktemp("web")
    config = write_config(folder / "server", signer.root_pem, port=free_port())
    with config.open("a", encoding="utf-8") as handle:
        handle.write(_extra(hash_password(PASSWORD)))
    server = ServerProcess(config).start()
    try:
        figures = {
            ORG_A: _station(server, folder / "a", ORG_A, pdfs, SUBJECTS_A),
            ORG_B: _station(server, folder / "b", ORG_B, pdfs, SUBJECTS_B),
        }
        rows = server.sql(
            "SELECT v.subject, d.uuid, d.org FROM document d JOIN version v"
            " ON v.document_uuid = d.uuid AND v.version = d.latest"
        )
        yield WebSite(
            server,
            {str(r[0]): str(r[1]) for r in rows},
            {str(r[0]): str(r[2]) for r in rows},
            figures,
        )
    finally:
        server.stop()
