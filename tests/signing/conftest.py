"""Signing fixtures: SoftHSM2 tokens with RSA and EC keys, a test CA, a loopback CRL/TSA server."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from app.pdf.image import encode_image
from app.pdf.metadata import DocumentInfo
from app.pdf.pdfa import PdfPage, write_pdfa
from app.synth.document import render_page
from tests.signing.pki import TestCa, new_rsa, pem
from tests.signing.softhsm import asn1_cert, configure_softhsm, fill_token, init_token

TOKEN = "MTTQ Quan Thu"
PIN = "246810"
ORG = "Ủy ban MTTQ Việt Nam quận Thử"

_softhsm_dir = Path(tempfile.mkdtemp(prefix="softhsm-test-"))
configure_softhsm(_softhsm_dir)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_softhsm_dir, ignore_errors=True)


class _Handler(BaseHTTPRequestHandler):
    crl = b""
    tsa: DummyTimeStamper | None = None

    def do_GET(self) -> None:
        self._reply(self.crl, "application/pkix-crl")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        assert self.tsa is not None
        response = self.tsa.request_tsa_response(tsp.TimeStampReq.load(body))
        self._reply(response.dump(), "application/timestamp-reply")

    def _reply(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@dataclass
class Pki:
    """The test CA, its root file, the loopback CRL/TSA server and the token's certificates."""

    ca: TestCa
    root_pem: Path
    base_url: str
    certs: dict[str, x509.Certificate]
    pkcs12_path: Path
    pkcs12_password: str

    @property
    def tsa_url(self) -> str:
        return self.base_url + "/tsa"


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pki]:
    """Initialise the tokens and the CA once; serve the CRL and the TSA on 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ca = TestCa.create(base + "/ca.crl")
    _Handler.crl = ca.crl()
    tsa_key = new_rsa()
    tsa_cert = ca.issue(tsa_key.public_key(), "Test TSA", timestamping=True)
    _Handler.tsa = DummyTimeStamper(
        tsa_cert=asn1_cert(tsa_cert),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            tsa_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        certs_to_embed=None,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    folder = tmp_path_factory.mktemp("pki")
    root = folder / "root.pem"
    root.write_bytes(pem(ca.cert))
    init_token(TOKEN, PIN)
    certs = fill_token(ca, TOKEN, PIN)
    p12_key = new_rsa()
    p12_cert = ca.issue(p12_key.public_key(), "Văn thư (pkcs12)")
    p12 = folder / "office.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"office",
            p12_key,
            p12_cert,
            [ca.cert],
            serialization.BestAvailableEncryption(b"p12-secret"),
        )
    )
    certs["pkcs12"] = p12_cert
    yield Pki(ca, root, base, certs, p12, "p12-secret")
    server.shutdown()


def make_station_pdf(path: Path, *, pages: int = 1, seed: int = 3, dpi: int = 100) -> Path:
    """A real station PDF/A-2b made of synthetic administrative pages."""
    rng = np.random.default_rng(seed)
    rendered = [render_page(rng, dpi=dpi, first_page=i == 0) for i in range(pages)]
    write_pdfa(
        [PdfPage(encode_image(p.image, p.dpi), ()) for p in rendered],
        path,
        DocumentInfo(title="Bản sao thử nghiệm"),
    )
    return path


@pytest.fixture(scope="session")
def station_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_station_pdf(tmp_path_factory.mktemp("in") / "hoso.0000001.pdf")
