"""What the catalog reads from a PDF: its page count and the text of each page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from app.errors import InputError


def page_texts(path: Path) -> list[str]:
    """The text layer of every page ("" for image-only pages); InputError if unreadable."""
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as err:
        raise InputError(
            f"{path} is not a readable PDF: {err}", hint="Choose the PDF/A the station wrote."
        ) from err
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()
