"""Our text layer of some words on a blank PDF page, read back by poppler's pdftotext."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pikepdf

from app.ocr.base import Word
from app.pdf.font import add_glyphless_font
from app.pdf.textlayer import text_layer


def pdftotext_of(words: Sequence[Word], folder: Path, dpi: float = 300,
                 size: tuple[float, float] = (595, 842)) -> str:
    """The text pdftotext reads from a page of `size` points holding our layer of `words`."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=size)
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(FOcr=add_glyphless_font(pdf)))
    page.Contents = pdf.make_stream(text_layer(words, dpi, size[1]))
    pdf.save(folder / "layer.pdf")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(folder / "layer.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout


def blocks_of(words: Sequence[Word], folder: Path, dpi: float = 300,
              size: tuple[float, float] = (595, 842)) -> list[list[str]]:
    """The blocks pdftotext finds in our layer of `words` (`-bbox-layout`), each as its lines."""
    pdftotext_of(words, folder, dpi, size)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(folder / "layer.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [[" ".join(html.unescape(w) for w in re.findall(r"<word[^>]*>(.*?)</word>", line))
             for line in re.findall(r"<line[^>]*>(.*?)</line>", block, re.S)]
            for block in re.findall(r"<block[^>]*>(.*?)</block>", xml, re.S)]
