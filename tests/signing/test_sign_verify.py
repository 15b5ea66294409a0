"""Sign and verify real station PDFs; every signed output is cross-checked with pdfsig and qpdf."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from asn1crypto import cms  # type: ignore[import-untyped]
from PIL import Image, ImageDraw, ImageFont
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from app.ocr.base import Word
from app.pdf.image import encode_image
from app.pdf.metadata import DocumentInfo
from app.pdf.pdfa import PdfPage, write_pdfa
from app.signing.appearance import Appearance
from app.signing.errors import DocumentRejected
from app.signing.pkcs12 import Pkcs12Key
from app.signing.sign import SignOptions, sign_document
from app.signing.token import PinRequest, TokenSession
from app.signing.trust import load_roots
from app.signing.verify import VerifyReport, verify_file
from testkit.catalog import make_station_pdf
from testkit.pages import SERIF
from testkit.pki import new_rsa
from testkit.softhsm import SOFTHSM
from tests.fixtures import tokens
from tests.fixtures.tokens import ORG, PIN, TOKEN, Pki
from tests.signing.helpers import assert_pdfsig_agrees, assert_still_pdfa

OPTIONS = SignOptions(Appearance(ORG))


def _pin(request: PinRequest) -> str:
    return PIN


@pytest.fixture(scope="module")
def rsa_session(pki: Pki) -> Iterator[TokenSession]:
    with TokenSession(Path(SOFTHSM), TOKEN, _pin, key_label="rsa") as session:
        yield session


def _verify(pki: Pki, path: Path, *, online: bool = False) -> VerifyReport:
    report = verify_file(path, load_roots([pki.root_pem], use_defaults=False), online=online)
    assert_pdfsig_agrees(report)
    return report


@pytest.mark.parametrize(("label", "pss"), [("rsa", False), ("rsa", True), ("ec", False)])
def test_signature_valid_for_pyhanko_and_pdfsig(
    pki: Pki, station_pdf: Path, tmp_path: Path, label: str, pss: bool
) -> None:
    out = tmp_path / "signed.pdf"
    with TokenSession(Path(SOFTHSM), TOKEN, _pin, key_label=label, pss=pss) as session:
        signed = sign_document(session, station_pdf, out, OPTIONS)
    report = _verify(pki, out)
    assert report.valid, report
    sig = report.signatures[0]
    assert sig.whole_file and sig.appended_bytes == 0 and sig.trusted
    assert f"Văn thư ({label})" in sig.signer
    assert sig.signing_time is not None and sig.signing_time == signed.signed_at
    assert station_pdf.read_bytes() == out.read_bytes()[: station_pdf.stat().st_size]
    assert_still_pdfa(out)
    with pikepdf.open(out) as pdf:
        sig_dict = pdf.Root.AcroForm.Fields[0].V
        assert sig_dict.SubFilter == "/ETSI.CAdES.detached"
    expected = {"rsa": "rsassa_pss" if pss else "rsassa_pkcs1v15", "ec": "sha256_ecdsa"}[label]
    assert _signature_algorithm(out) in (expected, "sha256_rsa" if not pss else expected)


def _signature_algorithm(path: Path) -> str:
    with pikepdf.open(path) as pdf:
        contents = bytes(pdf.Root.AcroForm.Fields[0].V.Contents)
    signed_data = cms.ContentInfo.load(contents.rstrip(b"\0") + b"\0\0")["content"]
    return str(signed_data["signer_infos"][0]["signature_algorithm"]["algorithm"].native)


def _page(path: Path, lines: range) -> list[Word]:
    """A 100-dpi A4 page with rows of text on `lines` (18 px apart), edge to edge."""
    image = Image.new("RGB", (827, 1169), (250, 246, 235))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, 18)
    words: list[Word] = []
    for line in lines:
        x: float = 4
        y = 4 + line * 18
        while x < 820:
            draw.text((x, y), "MTTQ", fill=(0, 0, 0), font=font)
            x0, y0, x1, y1 = (round(v) for v in draw.textbbox((x, y), "MTTQ", font=font))
            words.append(Word("MTTQ", (x0, y0, x1, y1), 95.0, (1, 1, line)))
            x = x1 + 6
    write_pdfa(
        [PdfPage(encode_image(np.asarray(image), 100), tuple(words))],
        path,
        DocumentInfo(title="Trang thử"),
    )
    return words


def test_appearance_text_and_place(rsa_session: TokenSession, tmp_path: Path):
    source = tmp_path / "margin.pdf"
    _page(source, range(12, 40))
    out = tmp_path / "signed.pdf"
    signed = sign_document(rsa_session, source, out, OPTIONS)
    assert not signed.placement.moved and signed.placement.factor == 1.0
    _, _, x1, y1 = signed.placement.rect
    with pdfium.PdfDocument(str(out)) as pdf:
        width, height = pdf[0].get_size()
    assert x1 > width * 0.9 and y1 > height * 0.9, "top right of page 1"
    text = _widget_text(out)
    stamp = signed.signed_at.strftime("%Y-%m-%dT%H:%M:%S") + "+07:00"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", stamp)
    assert "SAO Y" in text and ORG in text and stamp in text
    with pikepdf.open(out) as pdf:
        ap = pdf.pages[0].Annots[0].AP.N
        fonts = _fonts(ap)
        assert fonts and all("LiberationSerif" in str(f.get("/BaseFont")) for f in fonts)
        assert b"0 0 0 rg" in _content(ap)
        assert b" 10 Tf" in _content(ap)


def _widget_text(path: Path) -> str:
    """The /ActualText of every span in the widget's appearance, in order."""
    with pikepdf.open(path) as pdf:
        return "\n".join(_actual_text(pdf.pages[0].Annots[0].AP.N))


def _actual_text(xobject: Any) -> list[str]:
    found = [
        str(item.operands[1].ActualText)
        for item in pikepdf.parse_content_stream(xobject)
        if str(item.operator) == "BDC" and isinstance(item.operands[1], pikepdf.Dictionary)
    ]
    for child in xobject.get("/Resources", {}).get("/XObject", {}).values():
        found += _actual_text(child)
    return found


def _content(xobject: Any) -> bytes:
    parts = [xobject.read_bytes()]
    for child in xobject.get("/Resources", {}).get("/XObject", {}).values():
        parts.append(_content(child))
    return b"\n".join(parts)


def _fonts(xobject: Any) -> list[pikepdf.Object]:
    resources = xobject.get("/Resources", {})
    found = list(resources.get("/Font", {}).values())
    for child in resources.get("/XObject", {}).values():
        found += _fonts(child)
    return found


def test_box_never_covers_text_when_top_right_is_full(rsa_session: TokenSession, tmp_path: Path):
    source = tmp_path / "full.pdf"
    words = _page(source, range(22))
    out = tmp_path / "signed.pdf"
    signed = sign_document(rsa_session, source, out, OPTIONS)
    assert signed.placement.moved
    x0, y0, x1, y1 = signed.placement.rect
    page_h = 1169 * 72 / 100
    for word in words:
        wx0, wy0, wx1, wy1 = (v * 72 / 100 for v in word.box)
        overlap = min(x1, wx1) > max(x0, wx0) and min(y1, page_h - wy0) > max(y0, page_h - wy1)
        assert not overlap, (word, signed.placement)
    with pdfium.PdfDocument(str(source)) as pdf:
        grey = np.asarray(pdf[0].render(scale=1).to_pil().convert("L"))
    region = grey[int(page_h - y1) : int(page_h - y0), int(x0) : int(x1)]
    assert region.size and region.min() > 200, "the box sits on blank paper"
    report = verify_file(out, [], online=False)
    assert report.signatures[0].intact and report.signatures[0].whole_file
    assert_pdfsig_agrees(report)


def test_second_signature_keeps_the_first(
    pki: Pki, rsa_session: TokenSession, station_pdf: Path, tmp_path: Path
) -> None:
    once = tmp_path / "once.pdf"
    twice = tmp_path / "twice.pdf"
    first = sign_document(rsa_session, station_pdf, once, OPTIONS)
    with TokenSession(Path(SOFTHSM), TOKEN, _pin, key_label="ec") as ec_session:
        second = sign_document(ec_session, once, twice, OPTIONS)
    assert (first.field_name, second.field_name) == ("SaoY1", "SaoY2")
    report = _verify(pki, twice)
    assert report.valid, report
    one, two = report.signatures
    assert not one.whole_file and one.later_revisions == 1 and one.changes_ok
    assert two.whole_file
    a, b = first.placement.rect, second.placement.rect
    assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1])
    assert_still_pdfa(twice)


def test_bytes_changed_after_signing_fail_and_say_where(
    pki: Pki, rsa_session: TokenSession, station_pdf: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signed.pdf"
    sign_document(rsa_session, station_pdf, out, OPTIONS)
    data = out.read_bytes()
    at = data.index(b"Scanstation")
    out.write_bytes(data[:at] + b"Scanstatiom" + data[at + 11 :])
    report = _verify(pki, out)
    assert not report.valid
    problems = report.signatures[0].problems
    assert any("changed after signing" in p and "bytes 0–" in p for p in problems), problems


def test_page_changed_in_a_later_revision_fails_and_says_where(
    pki: Pki, rsa_session: TokenSession, station_pdf: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signed.pdf"
    sign_document(rsa_session, station_pdf, out, OPTIONS)
    writer = IncrementalPdfFileWriter(BytesIO(out.read_bytes()))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    extra = writer.add_object(generic.StreamObject(stream_data=b"0 0 0 rg 50 50 200 200 re f"))
    page["/Contents"] = generic.ArrayObject([page.raw_get("/Contents"), extra])
    writer.update_container(page)
    tampered = tmp_path / "tampered.pdf"
    with tampered.open("wb") as handle:
        writer.write(handle)
    report = _verify(pki, tampered)
    assert not report.valid
    sig = report.signatures[0]
    assert sig.intact and not sig.whole_file and sig.later_revisions == 1
    assert any("modified after signing" in p for p in sig.problems), sig.problems


def test_non_pdfa_is_refused(rsa_session: TokenSession, tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(plain)
    out = tmp_path / "out.pdf"
    with pytest.raises(DocumentRejected, match="not a PDF/A-2") as caught:
        sign_document(rsa_session, plain, out, OPTIONS)
    assert "scanstation convert" in str(caught.value) and not out.exists()


def test_seal_style(pki: Pki, rsa_session: TokenSession, station_pdf: Path, tmp_path: Path):
    seal = tmp_path / "seal.png"
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 290, 290), outline=(220, 0, 0, 255), width=14)
    image.save(seal)
    out = tmp_path / "sealed.pdf"
    sign_document(rsa_session, station_pdf, out, SignOptions(Appearance(ORG, seal_png=seal)))
    assert _verify(pki, out).valid
    assert_still_pdfa(out)
    with pikepdf.open(out) as pdf:
        assert b"/SMask" in _dump(pdf.pages[0].Annots[0].AP.N)


def _dump(xobject: Any) -> bytes:
    found = []
    for child in xobject.get("/Resources", {}).get("/XObject", {}).values():
        found.append(b"/SMask" if "/SMask" in child else b"")
        found.append(_dump(child))
    return b"".join(found)


def test_timestamp_gives_b_t(pki: Pki, rsa_session: TokenSession, station_pdf: Path, tmp_path):
    out = tmp_path / "bt.pdf"
    signed = sign_document(
        rsa_session, station_pdf, out, SignOptions(Appearance(ORG), tsa_url=pki.tsa_url)
    )
    assert signed.timestamped
    report = _verify(pki, out)
    assert report.valid and report.signatures[0].timestamp_time is not None


def test_revocation_online_offline_and_revoked(pki: Pki, station_pdf: Path, tmp_path: Path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key = new_rsa()
    cert = pki.ca.issue(key.public_key(), "Văn thư (thu hồi)")
    p12 = tmp_path / "revoked.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"x", key, cert, None, serialization.BestAvailableEncryption(b"pw")
        )
    )
    out = tmp_path / "revoked.pdf"
    with Pkcs12Key(p12, lambda r: "pw") as p12_key:
        sign_document(p12_key, station_pdf, out, OPTIONS)
    online = _verify(pki, out, online=True)
    assert online.valid and online.signatures[0].revocation == "good"
    offline = _verify(pki, out, online=False)
    assert offline.valid and any("offline" in w for w in offline.signatures[0].warnings)
    saved = tokens._Handler.crl
    try:
        tokens._Handler.crl = b"not a CRL"
        unreachable = _verify(pki, out, online=True)
        assert unreachable.valid and unreachable.signatures[0].warnings
        tokens._Handler.crl = pki.ca.crl(revoked=(cert.serial_number,))
        revoked = _verify(pki, out, online=True)
        assert not revoked.valid and revoked.signatures[0].revocation == "revoked"
    finally:
        tokens._Handler.crl = saved


def test_untrusted_root_is_not_valid(pki: Pki, rsa_session: TokenSession, station_pdf, tmp_path):
    out = tmp_path / "signed.pdf"
    sign_document(rsa_session, station_pdf, out, OPTIONS)
    report = verify_file(out, [], online=False)
    assert not report.valid and "no trust roots" in report.signatures[0].trust_problem
    assert_pdfsig_agrees(report)


def test_twenty_page_document_verifies(pki: Pki, rsa_session: TokenSession, tmp_path):
    """Verifying twice (the second from the warm state) gives the same verdict; its speed
    (300 ms target) is a `make bench` figure."""
    source = make_station_pdf(tmp_path / "twenty.pdf", pages=20, dpi=60)
    out = tmp_path / "signed.pdf"
    sign_document(rsa_session, source, out, OPTIONS)
    roots = load_roots([pki.root_pem], use_defaults=False)
    verify_file(out, roots, online=False)
    report = verify_file(out, roots, online=False)
    assert report.valid
