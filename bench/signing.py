"""Signing benchmark: 100 one-page documents in one SoftHSM2 session; verifying a 20-page copy."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from app.pdf.image import encode_image
from app.pdf.metadata import DocumentInfo
from app.pdf.pdfa import PdfPage, write_pdfa
from app.signing.appearance import Appearance
from app.signing.batch import sign_batch
from app.signing.sign import SignOptions
from app.signing.token import TokenSession
from app.signing.trust import load_roots
from app.signing.verify import verify_file
from app.synth.document import render_page

DOCUMENTS = 100
VERIFY_PAGES = 20
BATCH_TARGET_S = 10.0
VERIFY_TARGET_MS = 300.0
PIN = "135790"
LABEL = "Bench token"


def _pages(count: int, seed: int) -> list[PdfPage]:
    rng = np.random.default_rng(seed)
    pages = [render_page(rng, dpi=300, first_page=i == 0) for i in range(count)]
    return [PdfPage(encode_image(p.image, p.dpi), ()) for p in pages]


def main(out: Path) -> dict[str, Any]:
    """Run both measurements in a throw-away SoftHSM2 token; print and return the figures."""
    from testkit.pki import TestCa, pem
    from testkit.softhsm import SOFTHSM, configure_softhsm, fill_token, init_token

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-signing-", dir=out))
    try:
        configure_softhsm(work / "softhsm")
        ca = TestCa.create("http://127.0.0.1:9/ca.crl")
        init_token(LABEL, PIN)
        fill_token(ca, LABEL, PIN, kinds=("rsa",))
        root = work / "root.pem"
        root.write_bytes(pem(ca.cert))
        one_page = _pages(1, 11)
        inputs = work / "in"
        inputs.mkdir()
        sources = []
        for number in range(1, DOCUMENTS + 1):
            path = inputs / f"H49.2025.{number:03d}.pdf"
            write_pdfa(one_page, path, DocumentInfo(title=f"Văn bản {number}"))
            sources.append(path)
        signed_dir = work / "signed"
        signed_dir.mkdir()
        options = SignOptions(Appearance("Ủy ban MTTQ Việt Nam quận Ba Đình"))
        with TokenSession(Path(SOFTHSM), LABEL, lambda request: PIN, key_label="rsa") as key:
            start = time.perf_counter()
            batch = sign_batch(sources, key, options, out_dir=signed_dir)
            batch_s = time.perf_counter() - start
            long_doc = work / "twenty.pdf"
            write_pdfa(_pages(VERIFY_PAGES, 12), long_doc, DocumentInfo(title="Hồ sơ 20 trang"))
            sign_batch([long_doc], key, options, out_dir=signed_dir)
        roots = load_roots([root], use_defaults=False)
        verify_file(signed_dir / long_doc.name, roots, online=False)  # warm-up
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            report = verify_file(signed_dir / long_doc.name, roots, online=False)
            runs.append((time.perf_counter() - start) * 1000)
        figures: dict[str, Any] = {
            "documents_signed": batch.count("signed"),
            "batch_seconds": round(batch_s, 2),
            "ms_per_document": round(batch_s * 1000 / DOCUMENTS, 1),
            "batch_target_seconds": BATCH_TARGET_S,
            "batch_ok": batch.count("signed") == DOCUMENTS and batch_s < BATCH_TARGET_S,
            "verify_20_pages_ms": round(min(runs), 1),
            "verify_20_pages_median_ms": round(sorted(runs)[len(runs) // 2], 1),
            "verify_target_ms": VERIFY_TARGET_MS,
            "verify_ok": report.valid and min(runs) < VERIFY_TARGET_MS,
            "twenty_page_file_mb": round((signed_dir / long_doc.name).stat().st_size / 1e6, 2),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, value in figures.items():
        print(f"signing.{name}: {value}")
    return figures


if __name__ == "__main__":
    figures = main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench/out/signing"))
    sys.exit(0 if figures["batch_ok"] and figures["verify_ok"] else 1)
