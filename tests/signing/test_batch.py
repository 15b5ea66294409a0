"""Batch signing: one PIN entry, per-document results; a bad file or pulled token spoils nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.signing.appearance import Appearance
from app.signing.batch import DocumentResult, output_for, sign_batch
from app.signing.sign import SignOptions
from app.signing.token import PinRequest, TokenSession
from app.signing.trust import load_roots
from app.signing.verify import verify_file
from testkit.catalog import make_station_pdf
from testkit.softhsm import SOFTHSM
from tests.fixtures.tokens import ORG, PIN, TOKEN, Pki
from tests.signing.helpers import assert_pdfsig_agrees

OPTIONS = SignOptions(Appearance(ORG))


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return [make_station_pdf(folder / f"H49.2025.{i}.pdf", seed=i) for i in range(5)]


class Recorder:
    def __init__(self) -> None:
        self.seen: list[tuple[int, int, DocumentResult]] = []

    def document_done(self, index: int, total: int, result: DocumentResult) -> None:
        self.seen.append((index, total, result))


def test_one_pin_many_documents_and_a_bad_one(pki: Pki, inputs: list[Path], tmp_path: Path):
    bad = inputs[0].parent / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    sources = [*inputs[:2], bad, *inputs[2:]]
    out = tmp_path / "out"
    out.mkdir()
    asked: list[PinRequest] = []

    def prompt(request: PinRequest) -> str:
        asked.append(request)
        return PIN

    recorder = Recorder()
    with TokenSession(Path(SOFTHSM), TOKEN, prompt, key_label="rsa") as session:
        batch = sign_batch(sources, session, OPTIONS, out_dir=out, progress=recorder)
    assert len(asked) == 1
    assert [r.status for r in batch.results] == ["signed"] * 2 + ["failed"] + ["signed"] * 3
    assert "broken.pdf" in batch.results[2].message and batch.results[2].message_vi
    assert [(i, t) for i, t, _ in recorder.seen] == [(i, 6) for i in range(6)]
    roots = load_roots([pki.root_pem], use_defaults=False)
    for result in batch.results:
        if result.status == "signed":
            report = verify_file(result.output, roots, online=False)
            assert report.valid
            assert_pdfsig_agrees(report)
    assert not (out / "broken.pdf").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in inputs)


def test_token_pulled_out_mid_batch(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    originals = {p: p.read_bytes() for p in inputs}
    with TokenSession(Path(SOFTHSM), TOKEN, lambda r: PIN, key_label="rsa") as session:

        class PullAfterTwo:
            def document_done(self, index: int, total: int, result: DocumentResult) -> None:
                if index == 1:
                    raw = session.raw_session
                    assert raw is not None
                    raw.close()  # what a pulled-out token amounts to for the module

        batch = sign_batch(inputs, session, OPTIONS, out_dir=out, progress=PullAfterTwo())
    statuses = [r.status for r in batch.results]
    assert statuses == ["signed", "signed", "failed", "untouched", "untouched"]
    assert "token" in batch.stopped and "token" in batch.stopped_vi
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in inputs[:2])
    assert all(p.read_bytes() == data for p, data in originals.items())


def test_cancel_between_documents(inputs: list[Path], tmp_path: Path) -> None:
    cancel = threading.Event()

    class CancelAfterOne:
        def document_done(self, index: int, total: int, result: DocumentResult) -> None:
            cancel.set()

    with TokenSession(Path(SOFTHSM), TOKEN, lambda r: PIN, key_label="rsa") as session:
        batch = sign_batch(
            inputs, session, OPTIONS, out_dir=tmp_path, progress=CancelAfterOne(), cancel=cancel
        )
    assert [r.status for r in batch.results] == ["signed"] + ["untouched"] * 4
    assert batch.stopped == "cancelled by the user"


def test_outputs_never_replace_the_input_unless_asked(tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    assert output_for(source, None) == tmp_path / "a.signed.pdf"
    assert output_for(source, tmp_path) == tmp_path / "a.signed.pdf"
    assert output_for(source, tmp_path / "out") == tmp_path / "out" / "a.pdf"
    assert output_for(source, None, in_place=True) == source
