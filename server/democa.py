"""The `make run-server` demo's certificate authority: FOR TESTING ONLY."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.sign.signers import SimpleSigner

PASSWORD = "demo-only"  # the PKCS#12 password (a demo file, printed on the console)
WARNING = "CHỈ ĐỂ THỬ NGHIỆM - FOR TESTING ONLY"
UTC = datetime.UTC


@dataclass(frozen=True)
class DemoCa:
    """The demo CA's files, made once per demo folder.

    A root certificate the demo server trusts and a signing certificate (PKCS#12) a station can
    sign with (`scanstation sign --pkcs12`), so a signed upload is accepted by the demo. Every name
    in them says they are for testing; never trust this root outside the demo, never sign a real
    document with this key.
    """
    root_pem: Path  # the trust root the demo server is configured with
    signer_p12: Path  # the station's signing key and certificate, password PASSWORD


def _name(common_name: str, org: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, WARNING),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def ensure_demo_ca(folder: Path, org: str) -> DemoCa:
    """The demo CA in `folder`, made on first use (kept for later runs of the demo)."""
    made = DemoCa(folder / "demo-ca.pem", folder / "demo-signer.p12")
    if made.root_pem.is_file() and made.signer_p12.is_file():
        return made
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name("Scanstation DEMO CA - FOR TESTING ONLY", "Scanstation demo")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)
        .sign(root_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Văn thư demo - FOR TESTING ONLY", org))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(ca=False), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False
        )
        .sign(root_key, hashes.SHA256())
    )
    bundle = pkcs12.serialize_key_and_certificates(
        b"demo-signer",
        key,
        cert,
        [root],
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    _write_private(made.signer_p12, bundle)
    made.root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    return made


def load_signer(ca: DemoCa) -> SimpleSigner:
    """The demo signing key, as the demo's own stations use it."""
    signer = SimpleSigner.load_pkcs12(ca.signer_p12, passphrase=PASSWORD.encode())
    if signer is None:
        raise RuntimeError(f"{ca.signer_p12} holds no usable key; delete the demo-ca folder.")
    return signer
