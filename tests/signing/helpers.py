"""Shared checks for the signing tests: pdfsig's verdict, qpdf, PDF/A basics."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf

from app.pdf.validate import validate_pdfa_basics
from app.signing.verify import VerifyReport


def pdfsig(path: Path) -> list[dict[str, str]]:
    """pdfsig's view of each signature: field name, validation line, whole-file coverage."""
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    sigs = []
    for block in re.split(r"\nSignature #\d+:\n", out)[1:]:
        fields = dict(re.findall(r"  - ([^:\n]+): (.*)", block))
        fields["whole"] = "yes" if "Total document signed" in block else "no"
        sigs.append(fields)
    return sigs


def assert_pdfsig_agrees(report: VerifyReport) -> None:
    """pdfsig says 'Signature is Valid.' exactly where we find the signature intact and valid."""
    theirs = pdfsig(report.path)
    assert len(theirs) == len(report.signatures), theirs
    for ours, their in zip(report.signatures, theirs, strict=True):
        assert their["Signature Field Name"] == ours.field
        assert (their["Signature Validation"] == "Signature is Valid.") == (
            ours.intact and ours.valid
        ), (their, ours)
        assert (their["whole"] == "yes") == ours.whole_file, (their, ours)


def assert_still_pdfa(path: Path) -> None:
    """qpdf finds no error and the PDF/A-2b basics (XMP part 2, fonts embedded) still hold."""
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "WARNING" not in check.stdout + check.stderr
    assert validate_pdfa_basics(path) == []
    with pikepdf.open(path) as pdf:
        xmp = pdf.open_metadata()
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("2", "B")
        for annot in pdf.pages[0].obj.get("/Annots", []):
            assert int(annot.F) & 4, "widgets must carry the Print flag (PDF/A)"
