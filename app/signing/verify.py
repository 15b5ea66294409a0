"""Verify the signatures of a PDF: integrity, coverage, signer, time, trust chain, revocation."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.generic_cms import validate_sig_integrity
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from .errors import DocumentRejected

ACCEPTED_LATER = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
)
_LEVEL_TEXT = {
    ModificationLevel.NONE: "nothing",
    ModificationLevel.LTA_UPDATES: "validation data or document timestamps only",
    ModificationLevel.FORM_FILLING: "later signatures only",
    ModificationLevel.ANNOTATIONS: "annotations",
    ModificationLevel.OTHER: "other changes",
}


@dataclass(frozen=True)
class SignatureReport:
    """The verdict on one signature."""

    field: str
    signer: str
    signing_time: datetime.datetime | None
    timestamp_time: datetime.datetime | None
    intact: bool
    valid: bool
    whole_file: bool
    appended_bytes: int
    later_revisions: int
    changes_after: str  # what the later revisions did, or ""
    changes_ok: bool
    trusted: bool
    trust_problem: str
    revocation: str  # "good", "revoked", "not checked: …"
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when this signature is valid for the office's purposes."""
        return not self.problems


@dataclass(frozen=True)
class VerifyReport:
    """The verdict on a file."""

    path: Path
    signatures: tuple[SignatureReport, ...] = ()
    problems: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> bool:
        """True only if the file has signatures and every one is valid."""
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures)


def _signer_name(cert: asn1_x509.Certificate) -> str:
    return str(cert.subject.human_friendly)


def check_signed_bytes(data: bytes, field_name: str) -> None:
    """Raise DocumentRejected unless `field_name`'s signature is intact and covers all `data`."""
    reader = PdfFileReader(BytesIO(data), strict=False)
    for sig in reader.embedded_regular_signatures:
        if sig.field_name != field_name:
            continue
        intact, valid = validate_sig_integrity(
            sig.signer_info, sig.signer_cert, "data", sig.compute_digest()
        )
        if (
            intact
            and valid
            and sig.evaluate_signature_coverage() == SignatureCoverageLevel.ENTIRE_FILE
        ):
            return
    raise DocumentRejected(
        "The newly signed copy did not verify; nothing was written.",
        "Bản vừa ký không kiểm tra được; không ghi tệp nào.",
        hint="Try again; if it repeats, the token may be faulty.",
        code="signing.not_verified",
    )


def _changes(
    sig: EmbeddedPdfSignature, status: PdfSignatureStatus, size: int
) -> tuple[int, int, str, bool]:
    """Bytes and revisions appended after `sig`, what they did, and whether that is acceptable."""
    start, length = sig.byte_range[2], sig.byte_range[3]
    appended = size - (start + length)
    later = sig.reader.xrefs.total_revisions - 1 - sig.signed_revision
    if appended <= 0 and later <= 0:
        return 0, 0, "", True
    diff = status.diff_result
    if isinstance(diff, SuspiciousModification):
        return appended, later, f"unexpected changes: {diff}", False
    level = status.modification_level or ModificationLevel.OTHER
    text = f"{appended} byte(s) in {later} later revision(s): {_LEVEL_TEXT[level]}"
    return appended, later, text, level in ACCEPTED_LATER and status.docmdp_ok is not False


def _revocation(status: PdfSignatureStatus, context: ValidationContext, online: bool) -> str:
    if status.revoked:
        return "revoked"
    if not online:
        return "not checked: offline"
    failures = context.soft_fail_exceptions
    if failures:
        return f"not checked: {failures[0]}"
    return "good"


Validate = Callable[[EmbeddedPdfSignature, ValidationContext], PdfSignatureStatus]


def _validate(sig: EmbeddedPdfSignature, context: ValidationContext) -> PdfSignatureStatus:
    return validate_pdf_signature(sig, signer_validation_context=context)


def _report(
    sig: EmbeddedPdfSignature,
    roots: list[asn1_x509.Certificate],
    online: bool,
    size: int,
    validate: Validate,
) -> SignatureReport:
    context = ValidationContext(
        trust_roots=roots, allow_fetching=online, revocation_mode="soft-fail"
    )
    status = validate(sig, context)
    appended, later, changes, changes_ok = _changes(sig, status, size)
    problems: list[str] = []
    warnings: list[str] = []
    if not status.intact:
        end = sig.byte_range[2] + sig.byte_range[3]
        problems.append(
            f"the signed content was changed after signing (bytes 0–{end} of revision "
            f"{sig.signed_revision + 1} no longer match the signature)"
        )
    elif not status.valid:
        problems.append("the signature value is not valid for the signer's key")
    if not changes_ok:
        problems.append(f"modified after signing: {changes}")
    elif changes:
        warnings.append(f"added after signing: {changes}")
    trust_problem = ""
    if not roots:
        trust_problem = "no trust roots are configured"
    elif not status.trusted:
        trust_problem = str(status.trust_problem_indic or "the chain does not reach a trust root")
    if trust_problem:
        problems.append(f"untrusted signer: {trust_problem}")
    revocation = _revocation(status, context, online)
    if revocation == "revoked":
        problems.append("the signer's certificate is revoked")
    elif revocation != "good" and not trust_problem:
        warnings.append(f"revocation {revocation} (OCSP/CRL unreachable)")
    stamp = status.timestamp_validity
    return SignatureReport(
        field=str(sig.field_name),
        signer=_signer_name(status.signing_cert),
        signing_time=status.signer_reported_dt,
        timestamp_time=stamp.timestamp if stamp is not None else None,
        intact=status.intact,
        valid=status.valid,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        appended_bytes=appended,
        later_revisions=later,
        changes_after=changes,
        changes_ok=changes_ok,
        trusted=status.trusted,
        trust_problem=trust_problem,
        revocation=revocation,
        problems=tuple(problems),
        warnings=tuple(warnings),
    )


def verify_file(
    path: Path, roots: list[asn1_x509.Certificate], *, online: bool = True
) -> VerifyReport:
    """Check every signature in `path` against `roots`; fetch OCSP/CRL only when `online`."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return VerifyReport(path, problems=(f"cannot read the file: {err.strerror}",))
    return verify_bytes(data, path, roots, online=online)


def verify_bytes(
    data: bytes,
    path: Path,
    roots: list[asn1_x509.Certificate],
    *,
    online: bool = True,
    validate: Validate = _validate,
) -> VerifyReport:
    """verify_file on the bytes of a file (`path` only names it in the report). `validate`
    runs pyHanko's validation of one signature (the server runs it on an event loop of its
    own per thread instead of a new one per call)."""
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
    except (PdfReadError, ValueError) as err:
        return VerifyReport(path, problems=(f"not a readable PDF: {err}",))
    if not signatures:
        return VerifyReport(path, problems=("the file has no signature",))
    reports = []
    for sig in signatures:
        try:
            reports.append(_report(sig, roots, online, len(data), validate))
        except (SignatureValidationError, ValueError) as err:
            return VerifyReport(
                path, tuple(reports), problems=(f"signature {sig.field_name}: {err}",)
            )
    return VerifyReport(path, tuple(reports))
