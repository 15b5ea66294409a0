"""A SoftHSM2 token for tests and the bench: its own config folder, keys made on the token."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pkcs11
from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters
from pkcs11.util.rsa import encode_rsa_public_key

from testkit.pki import ENCIPHER_USAGE, TestCa

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"
SO_PIN = "13572468"
SOON_DAYS = 10  # the "soon" certificate's days left


def configure_softhsm(folder: Path) -> None:
    """Point SoftHSM2 at a token folder of its own (before the module is first loaded)."""
    (folder / "tokens").mkdir(parents=True, exist_ok=True)
    (folder / "softhsm2.conf").write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(folder / "softhsm2.conf")


def init_token(label: str, pin: str) -> None:
    """A fresh token in the first free slot."""
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--so-pin",
            SO_PIN,
            "--pin",
            pin,
        ],
        check=True,
        capture_output=True,
    )


def asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _import_cert(
    session: pkcs11.Session, cert: x509.Certificate, label: str, key_id: bytes
) -> None:
    session.create_object(
        {
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.LABEL: label,
            Attribute.ID: key_id,
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.ISSUER: cert.issuer.public_bytes(),
            Attribute.SERIAL_NUMBER: asn1_cert(cert)
            .serial_number.to_bytes(20, "big")
            .lstrip(b"\0"),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        }
    )


def fill_token(
    ca: TestCa, label: str, pin: str, kinds: tuple[str, ...] = ("rsa", "ec", "expired", "encipher")
) -> dict[str, x509.Certificate]:
    """RSA and EC signing keys, plus an expired and a wrongly-used certificate; a kind
    "soon" is an RSA key whose certificate ends in SOON_DAYS days."""
    token = pkcs11.lib(SOFTHSM).get_token(token_label=label)
    certs: dict[str, x509.Certificate] = {}
    with token.open(user_pin=pin, rw=True) as session:
        for index, (label, kind) in enumerate(
            ((k, "ec" if k == "ec" else "rsa") for k in kinds), 1
        ):
            key_id = bytes([index])
            if kind == "rsa":
                public, _ = session.generate_keypair(
                    KeyType.RSA, 2048, store=True, label=label, id=key_id
                )
                der = encode_rsa_public_key(public)
                loaded = serialization.load_der_public_key(
                    asn1_keys.PublicKeyInfo(
                        {
                            "algorithm": {"algorithm": "rsa"},
                            "public_key": asn1_keys.RSAPublicKey.load(der),
                        }
                    ).dump()
                )
            else:
                params = session.create_domain_parameters(
                    KeyType.EC,
                    {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")},
                    local=True,
                )
                public, _ = params.generate_keypair(store=True, label=label, id=key_id)
                loaded = serialization.load_der_public_key(encode_ec_public_key(public))
            cert = ca.issue(
                loaded,  # type: ignore[arg-type]
                f"Văn thư ({label})",
                expired=label == "expired",
                usage=ENCIPHER_USAGE if label == "encipher" else None,
                ends_in_days=SOON_DAYS + 0.5 if label == "soon" else 365,
            )
            _import_cert(session, cert, label, key_id)
            certs[label] = cert
    return certs
