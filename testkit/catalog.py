"""Documents for tests and benches: tiny PDFs, real station PDF/As, valid metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pikepdf

from app.pdf.image import encode_image
from app.pdf.metadata import DocumentInfo
from app.pdf.pdfa import PdfPage, write_pdfa
from app.synth.document import render_page

PASSWORD = "mat-khau-123"


def make_pdf(path: Path, text: str, pages: int = 1) -> Path:
    """A small PDF whose pages carry `text` (ASCII) in Helvetica."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for index in range(pages):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        content = f"BT /F1 12 Tf 72 720 Td ({text} {index + 1}) Tj ET".encode("latin-1")
        page.Contents = pdf.make_stream(content)
    pdf.save(path)
    return path


def hoso_meta(**changes: Any) -> dict[str, Any]:
    """A hồ sơ's valid metadata for the TT 05/2025 profile, with `changes` applied."""
    meta: dict[str, Any] = {
        "title": "Hồ sơ số hóa công tác mặt trận năm 2024",
        "maintenance": "01",
        "mode": "01",
        "language": ["01"],
        "startDate": "01/2024",
        "endDate": "12/2024",
        "paperFileCode": "H49.64.33.160",
    }
    meta.update(changes)
    return meta


def doc_meta(**changes: Any) -> dict[str, Any]:
    """A document's valid metadata for the TT 05/2025 profile, with `changes` applied."""
    meta: dict[str, Any] = {
        "typeName": "10",
        "codeNumber": "15",
        "codeNotation": "KH-MTTQ",
        "issuedDate": "05/01/2024",
        "organName": "Ủy ban MTTQ Việt Nam quận Ba Đình",
        "subject": "Kế hoạch số hóa tài liệu lưu trữ năm 2024",
    }
    meta.update(changes)
    return meta


def make_station_pdf(path: Path, *, pages: int = 1, seed: int = 3, dpi: int = 100) -> Path:
    """A real station PDF/A-2b made of synthetic administrative pages."""
    rng = np.random.default_rng(seed)
    rendered = [render_page(rng, dpi=dpi, first_page=i == 0) for i in range(pages)]
    write_pdfa(
        [PdfPage(encode_image(p.image, p.dpi), ()) for p in rendered],
        path,
        DocumentInfo(title="Bản sao thử nghiệm"),
    )
    return path
