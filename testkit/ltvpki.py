"""A test PKI on 127.0.0.1 that answers OCSP, serves its CRL and stamps time (RFC 3161)."""

from __future__ import annotations

import contextlib
import datetime
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509 import ocsp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.signing.certs import to_asn1
from testkit.pki import TestCa, new_rsa, pem

UTC = datetime.UTC


def _pkcs8(key: rsa.RSAPrivateKey) -> asn1_keys.PrivateKeyInfo:
    return asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@dataclass
class Responder:
    """What the loopback server answers: OCSP for the certificates the CA issued, the CRL, and
    timestamps. `requests` counts what was asked (by path)."""

    ca: TestCa
    issued: dict[int, x509.Certificate] = field(default_factory=dict)
    revoked: set[int] = field(default_factory=set)
    tsa: DummyTimeStamper | None = None
    requests: dict[str, int] = field(default_factory=dict)

    def ocsp(self, body: bytes) -> bytes:
        request = ocsp.load_der_ocsp_request(body)
        cert = self.issued.get(request.serial_number)
        if cert is None:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.UNAUTHORIZED
            ).public_bytes(serialization.Encoding.DER)
        now = datetime.datetime.now(UTC)
        revoked = request.serial_number in self.revoked
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=cert,
                issuer=self.ca.cert,
                algorithm=request.hash_algorithm,
                cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
                this_update=now - datetime.timedelta(minutes=1),
                next_update=now + datetime.timedelta(days=1),
                revocation_time=now - datetime.timedelta(minutes=2) if revoked else None,
                revocation_reason=None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, self.ca.cert)
        )
        for extension in request.extensions:
            if isinstance(extension.value, x509.OCSPNonce):
                builder = builder.add_extension(extension.value, critical=False)
        return builder.sign(self.ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _handler(responder: Responder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._count()
            self._reply(responder.ca.crl(tuple(responder.revoked)), "application/pkix-crl")

        def do_POST(self) -> None:
            self._count()
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.path == "/ocsp":
                self._reply(responder.ocsp(body), "application/ocsp-response")
                return
            assert responder.tsa is not None
            stamp = responder.tsa.request_tsa_response(tsp.TimeStampReq.load(body))
            self._reply(stamp.dump(), "application/timestamp-reply")

        def _count(self) -> None:
            responder.requests[self.path] = responder.requests.get(self.path, 0) + 1

        def _reply(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@dataclass
class LtvPki:
    """The CA (root in `root_pem`), its loopback responder and a signer with a B-T signer.

    Its responder can go offline: for B-LT / B-LTA before upload. Its signer makes B-T signatures.
    """

    responder: Responder
    root_pem: Path
    port: int
    signer: signers.SimpleSigner
    server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tsa_url(self) -> str:
        return self.base_url + "/tsa"

    def serve(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), _handler(self.responder))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def shutdown(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @contextlib.contextmanager
    def offline(self) -> Iterator[None]:
        """The CA's OCSP, CRL and TSA unreachable (connection refused) inside the block."""
        self.shutdown()
        try:
            yield
        finally:
            self.serve()

    def sign(self, source: Path, out: Path, signer: signers.SimpleSigner | None = None) -> Path:
        """A PAdES B-T signature (signature timestamp from the loopback TSA)."""
        writer = IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()))
        buffer = io.BytesIO()
        signers.sign_pdf(
            writer,
            signers.PdfSignatureMetadata(
                field_name="SaoY1", subfilter=fields.SigSeedSubFilter.PADES
            ),
            signer=signer or self.signer,
            timestamper=timestamps.HTTPTimeStamper(self.tsa_url),
            output=buffer,
            bytes_reserved=16384,
        )
        out.write_bytes(buffer.getvalue())
        return out

    def new_signer(self, name: str) -> signers.SimpleSigner:
        """Another signer certificate of this CA (e.g. to revoke it)."""
        return _issue_signer(self.responder, name)


def _issue_signer(responder: Responder, name: str) -> signers.SimpleSigner:
    key = new_rsa()
    cert = responder.ca.issue(key.public_key(), name)
    responder.issued[cert.serial_number] = cert
    return signers.SimpleSigner(
        signing_cert=to_asn1(cert),
        signing_key=_pkcs8(key),
        cert_registry=SimpleCertificateStore.from_certs([to_asn1(responder.ca.cert)]),
    )


def make_ltv_pki(folder: Path) -> LtvPki:
    """Create the CA (CRL and OCSP URLs on a free loopback port) and start its responder."""
    probe = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = int(probe.server_address[1])
    probe.server_close()
    base = f"http://127.0.0.1:{port}"
    ca = TestCa.create(base + "/ca.crl", base + "/ocsp")
    responder = Responder(ca)
    tsa_key = new_rsa()
    tsa_cert = ca.issue(tsa_key.public_key(), "Test TSA", timestamping=True)
    responder.issued[tsa_cert.serial_number] = tsa_cert
    responder.tsa = DummyTimeStamper(
        tsa_cert=to_asn1(tsa_cert), tsa_key=_pkcs8(tsa_key), certs_to_embed=None
    )
    root = folder / "ltv-root.pem"
    root.write_bytes(pem(ca.cert))
    pki = LtvPki(responder, root, port, _issue_signer(responder, "Văn thư (B-LT)"))
    pki.serve()
    return pki
