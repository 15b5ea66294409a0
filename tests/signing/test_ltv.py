"""B-LT extension at sync time: DSS with certificates and CRLs; the signature stays valid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from app.signing.appearance import Appearance
from app.signing.errors import NetworkUnavailable
from app.signing.ltv import extend_to_lt
from app.signing.sign import SignOptions, sign_document
from app.signing.token import TokenSession
from app.signing.trust import load_roots
from app.signing.verify import verify_file
from testkit.softhsm import SOFTHSM
from tests.fixtures import tokens
from tests.fixtures.tokens import ORG, PIN, TOKEN, Pki
from tests.signing.helpers import assert_pdfsig_agrees, assert_still_pdfa


@pytest.fixture
def signed(pki: Pki, station_pdf: Path, tmp_path: Path) -> Path:
    out = tmp_path / "signed.pdf"
    options = SignOptions(Appearance(ORG), tsa_url=pki.tsa_url)
    with TokenSession(Path(SOFTHSM), TOKEN, lambda r: PIN, key_label="rsa") as session:
        sign_document(session, station_pdf, out, options)
    return out


def test_extend_to_b_lt_keeps_the_signature_valid(pki: Pki, signed: Path) -> None:
    roots = load_roots([pki.root_pem], use_defaults=False)
    before = signed.read_bytes()
    result = extend_to_lt(signed, roots)
    assert result.level == "B-LT" and result.signatures == 1
    after = signed.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    with pikepdf.open(signed) as pdf:
        dss = pdf.Root.DSS
        assert len(dss.Certs) >= 2 and len(dss.CRLs) >= 1
    report = verify_file(signed, roots, online=False)
    assert report.valid, report
    assert report.signatures[0].later_revisions == 1 and report.signatures[0].changes_ok
    assert_pdfsig_agrees(report)
    assert_still_pdfa(signed)


def test_extend_offline_leaves_the_file_alone(pki: Pki, signed: Path, tmp_path: Path) -> None:
    roots = load_roots([pki.root_pem], use_defaults=False)
    copy = tmp_path / "copy.pdf"
    shutil.copy(signed, copy)
    saved = tokens._Handler.crl
    try:
        tokens._Handler.crl = b"unreachable"
        with pytest.raises(NetworkUnavailable, match="unchanged") as caught:
            extend_to_lt(signed, roots)
        assert caught.value.message_vi
    finally:
        tokens._Handler.crl = saved
    assert signed.read_bytes() == copy.read_bytes()
