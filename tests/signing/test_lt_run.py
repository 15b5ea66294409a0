"""A run of files through one LtExtender: revocation answers fetched once, refreshed when due."""

from __future__ import annotations

import time
from pathlib import Path

from app.signing.ltv import SIGNING_TIME_GRAIN, LtExtender
from app.signing.trust import load_roots
from app.signing.verify import verify_file
from testkit.catalog import make_station_pdf
from testkit.ltvpki import LtvPki
from tests.signing.helpers import assert_pdfsig_agrees


def _signed(pki: LtvPki, folder: Path, name: str) -> Path:
    page = make_station_pdf(folder / f"{name}.pdf", seed=len(name), dpi=72)
    return pki.sign(page, folder / f"{name}.signed.pdf")


def _level(extender: LtExtender, path: Path) -> str:
    result = extender.extend(path)
    assert result is not None
    return result.level


def _ocsp_asked(pki: LtvPki) -> int:
    return pki.responder.requests.get("/ocsp", 0)


def test_one_run_fetches_answers_once_and_refreshes_for_later_signatures(
    ltv_pki: LtvPki, tmp_path: Path
) -> None:
    """Revocation answers fetched once serve files signed before them; a file signed later gets
    answers of its own; every result verifies (pdfsig too).
    """
    roots = load_roots([ltv_pki.root_pem], use_defaults=False)
    first, second = (_signed(ltv_pki, tmp_path, n) for n in ("a", "bb"))
    time.sleep(SIGNING_TIME_GRAIN.total_seconds() + 0.2)  # clearly signed before any answer
    extender = LtExtender(roots)
    before = _ocsp_asked(ltv_pki)
    assert _level(extender, first) == "B-LT"
    fetched = _ocsp_asked(ltv_pki) - before
    assert fetched >= 1
    assert _level(extender, second) == "B-LT"
    assert _ocsp_asked(ltv_pki) - before == fetched  # the answers were reused
    later = _signed(ltv_pki, tmp_path, "ccc")  # signed after the answers were fetched
    assert _level(extender, later) == "B-LT"
    assert _ocsp_asked(ltv_pki) - before > fetched
    for path in (first, second, later):
        report = verify_file(path, roots, online=False)
        assert report.valid, report
        assert_pdfsig_agrees(report)
