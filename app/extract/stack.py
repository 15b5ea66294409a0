"""`convert --split`: find separators on processed pages and write one PDF/A per document."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from app.extract.firstpage import looks_like_first_page
from app.extract.patch import detect_patch
from app.extract.separator import detect_separator
from app.extract.splitter import DocumentSpan, PageInfo, split
from app.pdf.pdfa import DocumentInfo, PdfPage, write_pdfa
from app.pipeline.steps import PageOutcome


def page_info(index: int, outcome: PageOutcome) -> PageInfo:
    """What separation needs from a processed page (its cleaned image is decoded again)."""
    image = np.asarray(Image.open(io.BytesIO(outcome.encoded.data)).convert("L"))
    separator = detect_separator(image)
    patch = separator is None and detect_patch(image, outcome.encoded.dpi)
    size = (outcome.encoded.width, outcome.encoded.height)
    first = separator is None and not patch and looks_like_first_page(outcome.ocr, size)
    return PageInfo(index, separator, patch, outcome.page.findings.blank, first)


def document_path(out: Path, span: DocumentSpan, position: int) -> Path:
    """`{docCode}.pdf` (TT 05/2025 naming) when the hồ sơ is known, else `{stem}-NNN.pdf`."""
    if span.doc_code is not None:
        return out.with_name(f"{span.doc_code}.pdf")
    return out.with_name(f"{out.stem}-{position:03d}.pdf")


def write_documents(outcomes: Sequence[PageOutcome], out: Path, title: str) -> list[dict[str, Any]]:
    """Split the processed pages and write each document next to `out`; return the splits."""
    infos = [page_info(i, o) for i, o in enumerate(outcomes)]
    spans = split(infos)
    report: list[dict[str, Any]] = []
    for k, span in enumerate(spans, 1):
        path = document_path(out, span, k)
        pages = [PdfPage(image=outcomes[i].encoded, words=outcomes[i].ocr.words)
                 for i in span.pages]
        write_pdfa(pages, path, DocumentInfo(title=span.doc_code or f"{title} ({k})",
                                             language="vi"))
        report.append({"output": str(path), **span.to_json()})
    return report
