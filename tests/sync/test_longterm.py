"""B-LT before upload: OCSP/CRL embedded (B-LTA with a TSA), deferred while the CA is down."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore

from app.catalog import Catalog, State
from app.catalog.models import SyncState
from app.signing.errors import DocumentRejected
from app.signing.ltv import extend_to_lt
from app.signing.trust import load_roots
from app.signing.verify import verify_file
from app.sync.longterm import Extender, LtvOptions
from app.sync.worker import SyncEvent, SyncWorker
from testkit.catalog import make_pdf, make_station_pdf
from testkit.ltvpki import LtvPki
from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.station import add_signed, client_for, enroll_station, new_catalog
from tests.fixtures.tokens import Pki
from tests.signing.helpers import assert_still_pdfa, pdfsig


@pytest.fixture(scope="module")
def lt_server(ltv_pki: LtvPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    running = start_server(tmp_path_factory.mktemp("lt-server"), ltv_pki.root_pem)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def lt_pdfs(ltv_pki: LtvPki, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A station PDF/A page and its B-T signed copy."""
    folder = tmp_path_factory.mktemp("lt-pdf")
    scan = make_station_pdf(folder / "scan.pdf")
    return scan, ltv_pki.sign(scan, folder / "signed.pdf")


def _options(pki: LtvPki, *, tsa: bool = False, wait_hours: float = 72.0) -> LtvOptions:
    roots = tuple(load_roots([pki.root_pem], use_defaults=False))
    return LtvOptions(roots, pki.tsa_url if tsa else None, wait_hours)


def _station(
    server: ServerProcess, folder: Path, pdfs: tuple[Path, Path], count: int = 1
) -> tuple[Catalog, list[str]]:
    catalog = new_catalog(folder, ORG_A)
    codes = add_signed(catalog, *pdfs, count)
    enroll_station(server, catalog, ORG_A)
    return catalog, codes


def _worker(catalog: Catalog, options: LtvOptions, events: list[SyncEvent]) -> SyncWorker:
    from app.sync import credentials

    client = client_for(credentials.load(catalog.folder))
    return SyncWorker(catalog, client, progress=events.append, extender=Extender(catalog, options))


def test_signatures_go_up_as_b_lta_with_ocsp_and_timestamp(
    ltv_pki: LtvPki, lt_server: ServerProcess, lt_pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, codes = _station(lt_server, tmp_path / "c", lt_pdfs)
    events: list[SyncEvent] = []
    worker = _worker(catalog, _options(ltv_pki, tsa=True), events)
    asked = dict(ltv_pki.responder.requests)
    report = worker.run_once()
    assert (report.sent, report.extended, report.deferred) == (1, 1, 0), report
    assert ltv_pki.responder.requests.get("/ocsp", 0) > asked.get("/ocsp", 0)
    doc = catalog.document(codes[0])
    assert doc.state == State.SYNCED
    assert [f.kind for f in doc.files] == ["scan", "signed", "signed"]
    signed, extended = (catalog.file_path(f.sha256) for f in doc.files[1:])
    assert extended.read_bytes().startswith(signed.read_bytes())  # an incremental update
    extend_entry = [e for e in catalog.history(doc.doc_code) if e.action == "extend"]
    assert extend_entry and extend_entry[0].data["level"] == "B-LTA"
    with pikepdf.open(extended) as pdf:
        assert len(pdf.Root.DSS.OCSPs) >= 1 and len(pdf.Root.DSS.Certs) >= 2
    # the embedded data alone validates the signature (pyHanko, hard-fail, CA offline)
    roots = load_roots([ltv_pki.root_pem], use_defaults=False)
    with ltv_pki.offline():
        reader = PdfFileReader(io.BytesIO(extended.read_bytes()))
        context = DocumentSecurityStore.read_dss(reader).as_validation_context(
            {"trust_roots": roots, "allow_fetching": False, "revocation_mode": "hard-fail"}
        )
        status = validate_pdf_signature(reader.embedded_regular_signatures[0], context)
        assert status.bottom_line, status.pretty_print_details()
        assert len(reader.embedded_timestamp_signatures) == 1  # the B-LTA document timestamp
        report_file = verify_file(extended, roots, online=False)
    assert report_file.valid, report_file
    # pdfsig: the signature still valid, then the document timestamp (a type poppler does not check)
    signature, stamp = pdfsig(extended)
    assert signature["Signature Field Name"] == report_file.signatures[0].field
    assert signature["Signature Validation"] == "Signature is Valid."
    assert stamp["Signer Certificate Common Name"] == "Test TSA"
    assert_still_pdfa(extended)
    # the server holds the extended file as the version, and nothing is queued twice
    stored = lt_server.sql("SELECT pdf_sha256 FROM version WHERE document_uuid = %s", doc.uuid)
    assert stored == [(doc.current.sha256,)]
    assert worker.run_once().sent == 0
    assert len(catalog.outbox.items()) == 1
    assert catalog.audit_verify() == []
    worker.client.close()
    catalog.close()


def test_unreachable_ca_defers_the_upload_until_it_answers(
    ltv_pki: LtvPki, lt_server: ServerProcess, lt_pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, codes = _station(lt_server, tmp_path / "c", lt_pdfs, 2)
    events: list[SyncEvent] = []
    worker = _worker(catalog, _options(ltv_pki), events)
    with ltv_pki.offline():
        report = worker.run_once()
    assert (report.sent, report.deferred, report.unreachable) == (0, 2, False), report
    for item in catalog.outbox.items():
        assert item.state == SyncState.PENDING and "revocation" in item.error
        assert not item.package_sha256
    assert all(len(catalog.document(c).files) == 2 for c in codes)  # untouched
    report = worker.run_once()
    assert (report.sent, report.extended, report.deferred) == (2, 2, 0), report
    assert all(catalog.document(c).state == State.SYNCED for c in codes)
    worker.client.close()
    catalog.close()


def test_after_the_wait_the_document_goes_up_as_it_is(
    ltv_pki: LtvPki, lt_server: ServerProcess, lt_pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, codes = _station(lt_server, tmp_path / "c", lt_pdfs)
    events: list[SyncEvent] = []
    worker = _worker(catalog, _options(ltv_pki, wait_hours=0), events)
    with ltv_pki.offline():
        report = worker.run_once()
    assert (report.sent, report.extended) == (1, 0), report
    assert [e.kind for e in events if e.kind == "as-is"] == ["as-is"]
    assert "too long" in next(e.message for e in events if e.kind == "as-is")
    assert len(catalog.document(codes[0]).files) == 2
    worker.client.close()
    catalog.close()


def test_an_untrusted_chain_is_not_waited_for(
    ltv_pki: LtvPki,
    pki: Pki,
    lt_server: ServerProcess,
    lt_pdfs: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    catalog, _ = _station(lt_server, tmp_path / "c", lt_pdfs)
    events: list[SyncEvent] = []
    other_roots = tuple(load_roots([pki.root_pem], use_defaults=False))
    worker = _worker(catalog, LtvOptions(other_roots), events)
    report = worker.run_once()
    assert (report.sent, report.extended, report.deferred) == (1, 0, 0), report
    message = next(e.message for e in events if e.kind == "as-is")
    assert "trusted root" in message
    worker.client.close()
    catalog.close()


def test_a_document_that_may_no_longer_leave_is_never_extended(
    ltv_pki: LtvPki, lt_server: ServerProcess, lt_pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, codes = _station(lt_server, tmp_path / "c", lt_pdfs)
    row = catalog.outbox.items()[0]
    # a crafted outbox row: the document was reopened (rejected) after it was queued
    catalog.db.execute_sql("UPDATE document SET state = 'approved' WHERE doc_code = ?", (codes[0],))
    events: list[SyncEvent] = []
    report = _worker(catalog, _options(ltv_pki), events).run_once()
    assert (report.sent, report.extended, report.refused) == (0, 0, 1), report
    assert catalog.outbox.item(row.id).state == SyncState.REFUSED
    assert len(catalog.document(codes[0]).files) == 2
    catalog.close()


def test_cli_sync_extends_with_the_named_roots_and_tsa(
    ltv_pki: LtvPki,
    lt_server: ServerProcess,
    lt_pdfs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli.main import main

    catalog, codes = _station(lt_server, tmp_path / "c", lt_pdfs)
    catalog.close()
    args = ["sync", "--catalog", str(tmp_path / "c"), "--once"]
    args += ["--trust", str(ltv_pki.root_pem), "--tsa", ltv_pki.tsa_url]
    assert main(args) == 0
    assert "extended to B-LT 1" in capsys.readouterr().out
    with Catalog.open(tmp_path / "c") as again:
        history = again.history(codes[0])
        assert json.dumps([e.data.get("level") for e in history if e.action == "extend"]) == (
            '["B-LTA"]'
        )


def test_a_revoked_signer_is_refused_and_the_file_left_alone(
    ltv_pki: LtvPki, tmp_path: Path
) -> None:
    signer = ltv_pki.new_signer("Văn thư (thu hồi)")
    signed = ltv_pki.sign(make_pdf(tmp_path / "a.pdf", "a"), tmp_path / "a.signed.pdf", signer)
    before = signed.read_bytes()
    roots = load_roots([ltv_pki.root_pem], use_defaults=False)
    assert signer.signing_cert is not None
    serial = signer.signing_cert.serial_number
    ltv_pki.responder.revoked.add(serial)
    try:
        with pytest.raises(DocumentRejected, match="revoked") as caught:
            extend_to_lt(signed, roots)
    finally:
        ltv_pki.responder.revoked.discard(serial)
    assert caught.value.message_vi
    assert signed.read_bytes() == before
