"""Structural PDF/A-2 checks that pikepdf can make; a quick guard, not a full validator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf

_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _fonts(
    resources: pikepdf.Object | None, seen: set[tuple[int, int]]
) -> Iterator[pikepdf.Object]:
    """Every font in `resources`, descending into form XObjects once each."""
    if not isinstance(resources, pikepdf.Dictionary):
        return
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        yield from fonts.values()
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for xobject in xobjects.values():
        if xobject.get("/Subtype") != pikepdf.Name.Form or xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        yield from _fonts(xobject.get("/Resources"), seen)


def _unembedded(font: pikepdf.Object) -> str | None:
    """The font's name if a font that must carry its program does not."""
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return None
    described = font.DescendantFonts[0] if font.get("/Subtype") == pikepdf.Name.Type0 else font
    descriptor = described.get("/FontDescriptor")
    if isinstance(descriptor, pikepdf.Dictionary) and any(k in descriptor for k in _FONT_FILES):
        return None
    return str(font.get("/BaseFont", "(unnamed)"))


def _metadata_problems(pdf: pikepdf.Pdf) -> list[str]:
    if "/Metadata" not in pdf.Root:
        return ["no XMP metadata stream in the catalog"]
    problems = []
    if "/Filter" in pdf.Root.Metadata:
        problems.append("the XMP metadata stream is compressed")
    xmp = pdf.open_metadata()
    part, conformance = xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")
    if part != "2" or conformance not in ("A", "B", "U"):
        problems.append(
            f"XMP does not identify PDF/A-2 (pdfaid:part={part}, conformance={conformance})"
        )
    info = pdf.trailer.get("/Info")
    info_title = (
        str(info.Title) if isinstance(info, pikepdf.Dictionary) and "/Title" in info else None
    )
    if info_title != xmp.get("dc:title"):
        problems.append(
            f"Info /Title {info_title!r} differs from XMP dc:title {xmp.get('dc:title')!r}"
        )
    return problems


def _output_intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if not intents:
        return ["no PDF/A output intent (/GTS_PDFA1)"]
    if any("/DestOutputProfile" not in i for i in intents):
        return ["the PDF/A output intent has no ICC profile"]
    return []


def _action_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        problems.append("the document contains JavaScript")
    if "/AA" in pdf.Root:
        problems.append("the catalog has additional actions (/AA)")
    return problems


def validate_pdfa_basics(path: Path) -> list[str]:
    """Return the PDF/A-2 problems found in the file at `path`; an empty list if none."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return ["the file is encrypted"]
    except pikepdf.PdfError as err:
        return [f"not a readable PDF: {err}"]
    with pdf:
        problems: list[str] = []
        if pdf.is_encrypted:
            problems.append("the file is encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("no /ID in the trailer")
        problems += _metadata_problems(pdf)
        problems += _output_intent_problems(pdf)
        problems += _action_problems(pdf)
        seen: set[tuple[int, int]] = set()
        for number, page in enumerate(pdf.pages, 1):
            for font in _fonts(page.obj.get("/Resources"), seen):
                name = _unembedded(font)
                if name is not None:
                    problems.append(f"page {number}: font {name} is not embedded")
        return problems
