"""A PKCS#12 (.pfx/.p12) file as the signing key; the password comes through the PIN prompter."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .certs import CertificateInfo, to_asn1
from .errors import DocumentRejected, PinRejected, SigningCancelled
from .token import PinPrompter, PinRequest


class Pkcs12Key:
    """The key and certificate of a PKCS#12 file, opened once; a context manager."""

    def __init__(self, path: Path, prompter: PinPrompter, *, pss: bool = False) -> None:
        self._path = path
        self._prompter = prompter
        self._pss = pss
        self._signer: SimpleSigner | None = None
        self._info: CertificateInfo | None = None

    def __enter__(self) -> Pkcs12Key:
        try:
            data = self._path.read_bytes()
        except OSError as err:
            raise DocumentRejected(
                f"Cannot read {self._path}: {err.strerror}",
                f"Không đọc được tệp {self._path}",
            ) from err
        password = self._prompter(PinRequest(self._path.name))
        if password is None:
            raise SigningCancelled("Password entry cancelled.", "Đã hủy nhập mật khẩu.")
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
        except ValueError:
            raise PinRejected(
                f"Wrong password for {self._path.name}, or not a PKCS#12 file; not retried.",
                f"Sai mật khẩu của tệp {self._path.name}, hoặc tệp không phải PKCS#12.",
                hint="Check the password and sign again.",
            ) from None
        finally:
            del password
        if key is None or cert is None:
            raise DocumentRejected(
                f"{self._path.name} holds no private key with its certificate.",
                f"Tệp {self._path.name} không chứa khóa bí mật kèm chứng thư số.",
            )
        info = CertificateInfo.of(cert)
        problem = info.problem()
        if problem is not None:
            raise problem
        private = asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
        )
        self._signer = SimpleSigner(
            signing_cert=to_asn1(cert),
            signing_key=private,
            cert_registry=SimpleCertificateStore.from_certs([to_asn1(c) for c in extra]),
            prefer_pss=self._pss,
        )
        self._info = info
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._signer = None

    @property
    def signer(self) -> SimpleSigner:
        assert self._signer is not None, "use the key inside `with`"
        return self._signer

    @property
    def certificate(self) -> CertificateInfo:
        assert self._info is not None, "use the key inside `with`"
        return self._info
