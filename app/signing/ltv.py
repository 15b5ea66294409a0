"""Extend signed files to PAdES B-LT (certificates and revocation data in the DSS), at sync time."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers, timestamps
from pyhanko.sign.validation import add_validation_info
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko_certvalidator import ValidationContext

from .errors import DocumentRejected, NetworkUnavailable
from .sign import write_bytes
from .verify import verify_bytes


@dataclass(frozen=True)
class ExtendResult:
    """What the extension added."""

    path: Path
    signatures: int
    level: str  # "B-LT", "B-LTA", or "LT data without a signature timestamp"


def _has_signature_timestamp(sig: EmbeddedPdfSignature) -> bool:
    unsigned = sig.signer_info["unsigned_attrs"]
    types = [attr["type"].native for attr in unsigned] if unsigned.native else []
    return "signature_time_stamp_token" in types


def _check(data: bytes, path: Path, roots: list[asn1_x509.Certificate]) -> None:
    report = verify_bytes(data, path, roots, online=False)
    if not report.valid:
        problems = [*report.problems, *(p for s in report.signatures for p in s.problems)]
        raise DocumentRejected(
            f"Extending {path.name} would break its signature ({problems[0]}); file unchanged.",
            f"Bổ sung dữ liệu kiểm tra cho {path.name} sẽ làm hỏng chữ ký; tệp giữ nguyên.",
        )


def extend_to_lt(
    path: Path,
    roots: list[asn1_x509.Certificate],
    *,
    output: Path | None = None,
    tsa_url: str | None = None,
) -> ExtendResult:
    """Embed the chain and OCSP/CRL data of every signature of `path` (B-LT) as incremental updates.

    With `tsa_url`, a document timestamp is added last (B-LTA). Needs the network; when OCSP/CRL
    cannot be fetched, raises NetworkUnavailable and leaves the file untouched. The result is
    verified before it replaces anything.
    """
    data = path.read_bytes()
    reader = PdfFileReader(BytesIO(data), strict=False)
    signatures = reader.embedded_regular_signatures
    if not signatures:
        raise DocumentRejected(f"{path.name} has no signature.", f"{path.name} chưa được ký.")
    stamped = all(_has_signature_timestamp(s) for s in signatures)
    for index in range(len(signatures)):
        context = ValidationContext(
            trust_roots=roots, allow_fetching=True, revocation_mode="hard-fail"
        )
        current = PdfFileReader(BytesIO(data), strict=False).embedded_regular_signatures[index]
        try:
            out = add_validation_info(current, context)
        except Exception as err:  # network and validation failures surface in many types
            raise NetworkUnavailable(
                f"Could not fetch revocation data for {path.name}: {err}; file unchanged.",
                f"Không lấy được dữ liệu thu hồi (OCSP/CRL) cho {path.name}; tệp giữ nguyên.",
                hint="Run the extension again when the station is online (at the next sync).",
            ) from err
        data = out.getvalue()
    level = "B-LT" if stamped else "LT data without a signature timestamp"
    if tsa_url:
        context = ValidationContext(trust_roots=roots, allow_fetching=True)
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        out = BytesIO()
        try:
            signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url)).timestamp_pdf(
                writer, "sha256", context, output=out
            )
        except Exception as err:  # as above
            raise NetworkUnavailable(
                f"The timestamp server {tsa_url} did not answer: {err}; the file is unchanged.",
                f"Máy chủ dấu thời gian {tsa_url} không phản hồi; tệp giữ nguyên.",
                hint="Run the extension again when the station is online.",
            ) from err
        data = out.getvalue()
        level = "B-LTA"
    target = output or path
    _check(data, target, roots)
    write_bytes(target, data)
    return ExtendResult(target, len(signatures), level)
