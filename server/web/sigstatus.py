"""A signed PDF's signatures as verified now on the server, and whether each is B-LT."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf

from server.signatures import SignatureChecker

from .present import when


@dataclass(frozen=True)
class Signature:
    """One signature as the document page shows it."""

    signer: str
    time: str
    valid: bool
    level: str  # "B-LT" when a timestamp and the validation data (DSS) are embedded
    problems: tuple[str, ...]


def _has_dss(data: bytes) -> bool:
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return "/DSS" in pdf.Root
    except pikepdf.PdfError:
        return False


def check(checker: SignatureChecker, data: bytes, name: str) -> tuple[bool, list[Signature]]:
    """(every signature valid, each signature) for the PDF bytes `data`."""
    report = checker.report(data, name)
    dss = _has_dss(data)
    found = []
    for sig in report.signatures:
        stamped = sig.timestamp_time is not None
        level = "B-LT" if stamped and dss else "B-T" if stamped else "B-B"
        found.append(
            Signature(
                signer=sig.signer,
                time=when(sig.timestamp_time or sig.signing_time),
                valid=sig.ok,
                level=level,
                problems=tuple(sig.problems),
            )
        )
    return report.valid, found
