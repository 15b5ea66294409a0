"""Signing certificates: what the user sees of them, whether they may sign, and the key protocol."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Protocol

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import Signer

from .errors import CertificateRejected

SIGNING_USAGES = ("digital_signature", "content_commitment")  # content_commitment = nonRepudiation
EXPIRY_WARNING_DAYS = 30  # the desk and the doctor warn this many days before a certificate ends
_USAGE_NAMES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
)


@dataclass(frozen=True)
class CertificateInfo:
    """One certificate as listed to the user."""

    subject: str
    issuer: str
    serial: str  # lower-case hex, no separators
    not_before: datetime.datetime
    not_after: datetime.datetime
    key_usage: tuple[str, ...]
    algorithm: str  # "RSA-2048", "EC-secp256r1"
    is_ca: bool
    label: str = ""
    key_id: bytes = b""
    holder: str = ""  # the subject's CN
    holder_org: str = ""  # the subject's O
    issuer_name: str = ""  # the issuer's CN (else its O)

    @classmethod
    def of(cls, cert: x509.Certificate, label: str = "", key_id: bytes = b"") -> CertificateInfo:
        try:
            usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
            usages = tuple(n for n in _USAGE_NAMES if getattr(usage, n))
        except x509.ExtensionNotFound:
            usages = ()
        try:
            is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            is_ca = False
        key = cert.public_key()
        if isinstance(key, rsa.RSAPublicKey):
            algorithm = f"RSA-{key.key_size}"
        elif isinstance(key, ec.EllipticCurvePublicKey):
            algorithm = f"EC-{key.curve.name}"
        else:
            algorithm = type(key).__name__
        return cls(
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            serial=f"{cert.serial_number:x}",
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            key_usage=usages,
            algorithm=algorithm,
            is_ca=is_ca,
            label=label,
            key_id=key_id,
            holder=_attribute(cert.subject, NameOID.COMMON_NAME),
            holder_org=_attribute(cert.subject, NameOID.ORGANIZATION_NAME),
            issuer_name=_attribute(cert.issuer, NameOID.COMMON_NAME)
            or _attribute(cert.issuer, NameOID.ORGANIZATION_NAME),
        )

    @property
    def for_signing(self) -> bool:
        """An end-entity certificate whose key usage allows signing."""
        return not self.is_ca and any(u in self.key_usage for u in SIGNING_USAGES)

    def days_left(self, now: datetime.datetime | None = None) -> int:
        """Whole days until the certificate ends (negative once it has ended)."""
        moment = now or datetime.datetime.now(datetime.UTC)
        return (self.not_after - moment) // datetime.timedelta(days=1)

    def expires_soon(
        self, now: datetime.datetime | None = None, within: int = EXPIRY_WARNING_DAYS
    ) -> bool:
        """Still valid, but for `within` days or fewer."""
        moment = now or datetime.datetime.now(datetime.UTC)
        return moment <= self.not_after and self.days_left(moment) <= within

    def matches_serial(self, serial: str) -> bool:
        """True if `serial` (hex, any case, colons or spaces allowed, or decimal) is this one's."""
        cleaned = serial.replace(":", "").replace(" ", "").lower().removeprefix("0x")
        return cleaned.lstrip("0") == self.serial.lstrip("0") or cleaned == str(
            int(self.serial, 16)
        )

    def problem(self, now: datetime.datetime | None = None) -> CertificateRejected | None:
        """Why this certificate may not sign a copy now, or None."""
        moment = now or datetime.datetime.now(datetime.UTC)
        if moment > self.not_after:
            return CertificateRejected(
                f"The certificate {self.subject} expired on {self.not_after:%Y-%m-%d}.",
                f"Chứng thư số {self.subject} đã hết hạn ngày {self.not_after:%d/%m/%Y}.",
                hint="Renew the certificate with the CA, or choose another one.",
                code="signing.certificate_expired",
                params={"subject": self.subject, "date": self.not_after.date().isoformat()},
            )
        if moment < self.not_before:
            return CertificateRejected(
                f"The certificate {self.subject} is not valid before {self.not_before:%Y-%m-%d}.",
                f"Chứng thư số {self.subject} chưa có hiệu lực (từ {self.not_before:%d/%m/%Y}).",
                hint="Check the computer's clock, or choose another certificate.",
                code="signing.certificate_not_yet_valid",
                params={"subject": self.subject, "date": self.not_before.date().isoformat()},
            )
        if not any(u in self.key_usage for u in SIGNING_USAGES):
            return CertificateRejected(
                f"The certificate {self.subject} is not for signing (key usage: "
                f"{', '.join(self.key_usage) or 'none'}).",
                f"Chứng thư số {self.subject} không dùng để ký (thiếu digitalSignature/"
                "nonRepudiation).",
                hint="Choose the token's signing certificate.",
                code="signing.certificate_usage", params={"subject": self.subject},
            )
        return None


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    """The asn1crypto form pyHanko wants."""
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


class SigningKey(Protocol):
    """An open signing key: a token session or a PKCS#12 file."""

    @property
    def signer(self) -> Signer:
        """The pyHanko signer; valid while the key is open."""
        ...

    @property
    def certificate(self) -> CertificateInfo:
        """The certificate the signatures are made with."""
        ...
