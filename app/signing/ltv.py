"""Extend signed files to PAdES B-LT (certificates and revocation data in the DSS), at sync time."""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Literal, overload

import pikepdf
from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers, timestamps
from pyhanko.sign.validation import add_validation_info
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import (
    CertificateFetchError,
    InsufficientRevinfoError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from .errors import DocumentRejected, NetworkUnavailable
from .sign import write_bytes

SIGNING_TIME_GRAIN = datetime.timedelta(seconds=1)
TIMESTAMP_RESERVED = 16384  # bytes for the document timestamp token (no size-probing request)


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


def _extended(signatures: list[EmbeddedPdfSignature]) -> bool:
    """Whether something follows the newest signature (a DSS or a document timestamp)."""
    newest = signatures[-1]
    return (
        newest.sig_object_type != "/Sig"
        or newest.evaluate_signature_coverage() != SignatureCoverageLevel.ENTIRE_FILE
    )


def _causes(err: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = err
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _refusal(path: Path, err: Exception) -> Exception:
    """What a failed collection means: a chain or revocation verdict waiting will not change
    (DocumentRejected), or data that could not be fetched now (NetworkUnavailable)."""
    causes = _causes(err)
    if any(isinstance(c, RevokedError) for c in causes):
        return DocumentRejected(
            f"The signing certificate of {path.name} is revoked: {err}; file unchanged.",
            f"Chứng thư ký của {path.name} đã bị thu hồi; tệp giữ nguyên.",
        )
    untrusted = [
        c
        for c in causes
        if (isinstance(c, PathBuildingError) and not isinstance(c, CertificateFetchError))
        or (isinstance(c, PathValidationError) and not isinstance(c, InsufficientRevinfoError))
    ]
    if untrusted:  # no path to a root, a bad signature in it, an expired certificate…
        return DocumentRejected(
            f"The signature of {path.name} does not chain to a trusted root or its chain is "
            f"not valid: {err}; file unchanged.",
            f"Chữ ký của {path.name} không dẫn tới chứng thư gốc tin cậy hoặc chuỗi chứng thư "
            "không hợp lệ; tệp giữ nguyên.",
            hint="Add the CA's root certificate to the trust folder.",
        )
    return NetworkUnavailable(
        f"Could not fetch revocation data for {path.name}: {err}; file unchanged.",
        f"Không lấy được dữ liệu thu hồi (OCSP/CRL) cho {path.name}; tệp giữ nguyên.",
        hint="Run the extension again when the station is online (at the next sync).",
    )


def _check(original: bytes, data: bytes, path: Path) -> None:
    """The extension only appended (so every signed byte range is untouched) and the result
    opens as a PDF without repair; a full validation here would double the cost per document."""
    try:
        if not data.startswith(original):
            raise ValueError("the signed bytes changed")
        with pikepdf.open(BytesIO(data), attempt_recovery=False):
            pass
    except (ValueError, pikepdf.PdfError) as err:
        raise DocumentRejected(
            f"Extending {path.name} would break its signature ({err}); file unchanged.",
            f"Bổ sung dữ liệu kiểm tra cho {path.name} sẽ làm hỏng chữ ký; tệp giữ nguyên.",
        ) from err


@overload
def extend_to_lt(
    path: Path,
    roots: list[asn1_x509.Certificate],
    *,
    output: Path | None = None,
    tsa_url: str | None = None,
    unless_extended: Literal[False] = False,
) -> ExtendResult: ...


@overload
def extend_to_lt(
    path: Path,
    roots: list[asn1_x509.Certificate],
    *,
    output: Path | None = None,
    tsa_url: str | None = None,
    unless_extended: bool,
) -> ExtendResult | None: ...


def extend_to_lt(
    path: Path,
    roots: list[asn1_x509.Certificate],
    *,
    output: Path | None = None,
    tsa_url: str | None = None,
    unless_extended: bool = False,
) -> ExtendResult | None:
    """Embed the chain and OCSP/CRL data of every signature of `path` (B-LT) as incremental updates.

    With `tsa_url`, a document timestamp is added last (B-LTA). Needs the network; when OCSP/CRL
    cannot be fetched, raises NetworkUnavailable, and DocumentRejected when the chain is not
    trusted or a certificate is revoked; either way the file is left untouched. With
    `unless_extended`, a file whose newest signature is already followed by validation data or
    a timestamp is left alone (returns None). For a run of files, use one LtExtender.
    """
    return LtExtender(roots, tsa_url).extend(path, output=output, unless_extended=unless_extended)


class LtExtender:
    """Extends a run of files with one validation context, so the chain and revocation answers
    fetched for one file serve the next ones of the same signer. Answers are reused only for
    files signed before they were fetched, and for at most REUSE_SECONDS. Safe to share between
    threads (the sync worker's): files are extended one at a time, as the context is not
    thread-safe."""

    REUSE_SECONDS = 300.0

    def __init__(self, roots: list[asn1_x509.Certificate], tsa_url: str | None = None) -> None:
        self.roots = roots
        self.tsa_url = tsa_url
        self._context: ValidationContext | None = None
        self._lock = threading.Lock()
        self._since = datetime.datetime.min.replace(tzinfo=datetime.UTC)

    def _context_for(self, signatures: list[EmbeddedPdfSignature]) -> ValidationContext:
        now = datetime.datetime.now(datetime.UTC)
        newest = max((s.self_reported_timestamp or now for s in signatures), default=now)
        stale = (now - self._since).total_seconds() > self.REUSE_SECONDS
        # signing times are often whole seconds: one within a second of the fetch may be later
        if self._context is None or stale or newest + SIGNING_TIME_GRAIN >= self._since:
            self._context = ValidationContext(
                trust_roots=self.roots, allow_fetching=True, revocation_mode="hard-fail"
            )
            self._since = now
        return self._context

    def extend(
        self, path: Path, *, output: Path | None = None, unless_extended: bool = False
    ) -> ExtendResult | None:
        """Extend one file (see extend_to_lt)."""
        with self._lock:
            return self._extend(path, output, unless_extended)

    def _extend(
        self, path: Path, output: Path | None, unless_extended: bool
    ) -> ExtendResult | None:
        original = path.read_bytes()
        everything = PdfFileReader(BytesIO(original), strict=False).embedded_signatures
        signatures = [s for s in everything if s.sig_object_type == "/Sig"]
        if not signatures:
            raise DocumentRejected(f"{path.name} has no signature.", f"{path.name} chưa được ký.")
        if unless_extended and _extended(everything):
            return None
        stamped = all(_has_signature_timestamp(s) for s in signatures)
        context = self._context_for(signatures)
        data = original
        for index, parsed in enumerate(signatures):
            current = (  # the file changes after the first: read the next one from the new file
                parsed
                if index == 0
                else PdfFileReader(BytesIO(data), strict=False).embedded_regular_signatures[index]
            )
            try:
                data = add_validation_info(current, context).getvalue()
            except Exception as err:  # network and validation failures surface in many types
                self._context = None  # a failure may leave half-fetched answers behind
                raise _refusal(path, err) from err
        level = "B-LT" if stamped else "LT data without a signature timestamp"
        if self.tsa_url:
            data = _timestamp(path, data, context, self.tsa_url)
            level = "B-LTA"
        target = output or path
        _check(original, data, target)
        write_bytes(target, data)
        return ExtendResult(target, len(signatures), level)


def _timestamp(path: Path, data: bytes, context: ValidationContext, tsa_url: str) -> bytes:
    """A document timestamp (with its own validation data) appended to `data`."""
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    out = BytesIO()
    try:
        signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url)).timestamp_pdf(
            writer, "sha256", context, bytes_reserved=TIMESTAMP_RESERVED, output=out
        )
    except Exception as err:  # network failures surface in many types
        raise NetworkUnavailable(
            f"The timestamp server {tsa_url} did not answer: {err}; {path.name} is unchanged.",
            f"Máy chủ dấu thời gian {tsa_url} không phản hồi; {path.name} giữ nguyên.",
            hint="Run the extension again when the station is online.",
        ) from err
    return out.getvalue()
