"""Demo data for `make run-server`: two district stations' documents, sent through real sync."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from fpdf import FPDF
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from app.catalog import Catalog, State
from app.catalog.models import Role
from app.fonts import liberation
from app.sync import credentials
from app.sync.client import SyncClient, enroll
from app.sync.worker import SyncWorker

PASSWORD = "demo-password"
HOSO = {
    "title": "Hồ sơ công tác Mặt trận năm 2026",
    "maintenance": "01",
    "mode": "01",
    "language": ["01"],
    "startDate": "01/2026",
    "endDate": "12/2026",
}
DOCUMENTS = (  # typeName, number, notation, date, subject, page text
    (
        "10",
        "12",
        "KH-MTTQ",
        "05/01/2026",
        "Kế hoạch số hóa tài liệu lưu trữ năm 2026",
        "Kế hoạch số hóa tài liệu lưu trữ, phục vụ tra cứu của lãnh đạo.",
    ),
    (
        "11",
        "31",
        "BC-MTTQ",
        "30/03/2026",
        "Báo cáo kết quả công tác Mặt trận quý I năm 2026",
        "Báo cáo kết quả công tác Mặt trận quý I.",
    ),
    (
        "02",
        "45",
        "QĐ-MTTQ",
        "12/04/2026",
        "Quyết định thành lập Ban vận động quỹ Vì người nghèo",
        "Quyết định thành lập Ban vận động quỹ Vì người nghèo.",
    ),
    (
        "10",
        "58",
        "KH-MTTQ",
        "20/05/2026",
        "Kế hoạch giám sát và phản biện xã hội năm 2026",
        "Kế hoạch giám sát và phản biện xã hội.",
    ),
    (
        "05",
        "77",
        "TB-MTTQ",
        "02/07/2026",
        "Thông báo kết luận hội nghị đại đoàn kết toàn dân tộc",
        "Thông báo kết luận hội nghị đại đoàn kết toàn dân tộc.",
    ),
)


def _page(path: Path, org_name: str, row: tuple[str, ...]) -> Path:
    """A one-page A4 document with Vietnamese text (Liberation Serif)."""
    pdf = FPDF(format="A4")
    pdf.add_font("Serif", "", str(liberation("LiberationSerif-Regular.ttf")))
    pdf.add_font("Serif", "B", str(liberation("LiberationSerif-Bold.ttf")))
    pdf.add_page()
    pdf.set_font("Serif", "B", 13)
    pdf.multi_cell(0, 7, org_name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 12)
    pdf.cell(
        0, 7, f"Số: {row[1]}/{row[2]}   ngày {row[3]}", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(10)
    pdf.set_font("Serif", "B", 15)
    pdf.multi_cell(0, 8, row[4].upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(
        0, 7, row[5] + " (Tài liệu mẫu của máy chủ demo.)", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.output(str(path))
    return path


def _sign(signer: signers.SimpleSigner, source: Path, out: Path) -> Path:
    writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()))
    buffer = io.BytesIO()
    signers.sign_pdf(
        writer,
        signers.PdfSignatureMetadata(field_name="SaoY1"),
        signer=signer,
        output=buffer,
        bytes_reserved=8192,
    )
    out.write_bytes(buffer.getvalue())
    return out


def send_station(
    url: str,
    code: str,
    org: str,
    org_name: str,
    signer: signers.SimpleSigner,
    folder: Path,
    count: int,
) -> int:
    """A station of `org` files, reviews and signs `count` documents (one sent back and
    rescanned first), enrolls with the one-time `code` and syncs; the number sent.

    The documents are signed with the demo CA's key (server/democa.py) and go up through the real
    sync protocol, so the web catalog has something to show.
    """
    with Catalog.open(folder / "catalog") as catalog:
        catalog.init_organisation(org_name, org)
        catalog.add_user("admin", [Role.ADMIN], PASSWORD)
        catalog.add_user("lan", [Role.CLERK], PASSWORD, by="admin")
        catalog.add_user("hung", [Role.SUPERVISOR], PASSWORD, by="admin")
        catalog.add_user("mai", [Role.SIGNER], PASSWORD, by="admin")
        hoso = catalog.create_hoso({**HOSO, "paperFileCode": f"{org}.HS01"}, "lan").file_code
        for index, row in enumerate(DOCUMENTS[:count]):
            scan = _page(folder / f"{index}.pdf", org_name, row)
            meta = {
                "typeName": row[0],
                "codeNumber": row[1],
                "codeNotation": row[2],
                "issuedDate": row[3],
                "organName": org_name,
                "subject": row[4],
            }
            doc = catalog.add_document(scan, meta, "lan", hoso=hoso, page_texts=[row[5]])
            catalog.set_state(doc.doc_code, State.INDEXED, "lan")
            if index == 1:
                catalog.set_state(doc.doc_code, State.REJECTED, "hung", "Ảnh mờ, cần quét lại")
                catalog.replace_scan(doc.doc_code, scan, "lan", page_texts=[row[5]])
                catalog.set_state(doc.doc_code, State.INDEXED, "lan")
            catalog.set_state(doc.doc_code, State.APPROVED, "hung")
            signed = _sign(signer, scan, folder / f"{index}.signed.pdf")
            catalog.record_signed(doc.doc_code, signed, "mai")
        made = enroll(url, code, f"Máy trạm demo {org}")
        credentials.save(catalog.folder, made)
        client = SyncClient(made)
        try:
            return SyncWorker(catalog, client).run_once().sent
        finally:
            client.close()


def work_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="scanstation-demo-stations-"))
