"""One call for the CLI and the web page: catch up on new packages, build, render."""

from __future__ import annotations

from app.reports.header import Header
from app.reports.model import Report
from app.reports.pdf import to_pdf
from app.reports.period import Period
from app.reports.xlsx import to_xlsx
from server.config import Config
from server.db import Pool
from server.storage import BlobStore

from . import facts
from .build import build
from .orgtree import OrgTree

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def report(
    pool: Pool,
    store: BlobStore,
    config: Config,
    period: Period,
    readable: set[str] | None,
    org: str = "",
) -> Report:
    """The report of `period`, after indexing every package received since the last one."""
    facts.refresh(pool, store)
    return build(pool, OrgTree.from_config(config), period, readable, org)


def default_header(config: Config, org: str) -> Header:
    """The letterhead when none is given: the organisation reported on, or the server's."""
    tree = OrgTree.from_config(config)
    return Header(issuer=tree.name(org) if org else "Cơ quan tổng hợp số liệu số hóa")


def render(report_: Report, header: Header, fmt: str) -> bytes:
    """The report as `fmt` (xlsx or pdf)."""
    return to_xlsx(report_, header) if fmt == "xlsx" else to_pdf(report_, header)
