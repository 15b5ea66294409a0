"""Pages → PDF/A: one document, or (`convert --split`) one per document found in the stack."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.extract.splitter import split
from app.extract.stack import document_path, page_info
from app.pdf.pdfa import DocumentInfo, PdfPage, write_pdfa
from app.pipeline.steps import PageOutcome


def write_pages(pages: Sequence[PdfPage], out: Path, title: str) -> Path:
    """Write the encoded pages with their OCR words as one Vietnamese PDF/A-2b at `out`."""
    write_pdfa(pages, out, DocumentInfo(title=title, language="vi"))
    return out


def pdf_page(outcome: PageOutcome) -> PdfPage:
    """A processed page as the PDF takes it: its encoded image and its words."""
    return PdfPage(image=outcome.encoded, words=outcome.ocr.words)


def write_documents(outcomes: Sequence[PageOutcome], out: Path, title: str) -> list[dict[str, Any]]:
    """Split the processed pages and write each document next to `out`; return the splits."""
    infos = [
        page_info(i, o.encoded, o.ocr, o.page.findings.blank) for i, o in enumerate(outcomes)
    ]
    report: list[dict[str, Any]] = []
    for k, span in enumerate(split(infos), 1):
        path = write_pages(
            [pdf_page(outcomes[i]) for i in span.pages],
            document_path(out, span, k),
            span.doc_code or f"{title} ({k})",
        )
        report.append({"output": str(path), **span.to_json()})
    return report
