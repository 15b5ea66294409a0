"""PDF signature checks on the server, with the station's own verifier (app.signing.verify)."""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from pathlib import Path

from pyhanko.sign.validation.pdf_embedded import (
    EmbeddedPdfSignature,
    async_validate_pdf_signature,
)
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext

from app.signing.trust import load_roots
from app.signing.verify import VerifyReport, verify_bytes

from . import speedups
from .config import Config

CACHE_SECONDS = 600.0


class SignatureChecker:
    """Verifies signed PDFs against the configured trust roots.

    A successful verdict is remembered for CACHE_SECONDS by the SHA-256 computed here from the
    bytes (never a hash a package claims), so a package re-sent after a drop is not verified
    twice; downloads always verify afresh (`fresh=True`).
    """

    def __init__(self, config: Config) -> None:
        speedups.install()
        self.roots = load_roots(config.trust_roots, use_defaults=False)
        self.online = config.check_revocation
        self._ok: dict[str, float] = {}
        self._lock = threading.Lock()

    def problems(self, data: bytes, name: str, *, fresh: bool = False) -> list[str]:
        """Why the PDF's signatures are not valid (empty when they are)."""
        sha256 = hashlib.sha256(data).hexdigest()
        with self._lock:
            if not fresh and self._ok.get(sha256, 0.0) > time.monotonic():
                return []
        report = self.report(data, name)
        if report.valid:
            with self._lock:
                self._ok[sha256] = time.monotonic() + CACHE_SECONDS
            return []
        found = list(report.problems) + [p for s in report.signatures for p in s.problems]
        return found or ["the signature is not valid"]

    def report(self, data: bytes, name: str) -> VerifyReport:
        return verify_bytes(
            data, Path(name), self.roots, online=self.online, validate=_on_thread_loop
        )


class _Loops(threading.local):
    loop: asyncio.AbstractEventLoop | None = None


_loops = _Loops()


def _on_thread_loop(sig: EmbeddedPdfSignature, context: ValidationContext) -> PdfSignatureStatus:
    """pyHanko's validation of one signature on this thread's event loop, kept for the thread's
    life: pyHanko's synchronous entry makes and closes a loop per call (asyncio.run), a fifth
    of the CPU of a one-page upload's verification on a busy server. The context's network
    sessions (revocation fetching) are closed after each call, as pyHanko's entry does."""
    if _loops.loop is None:
        _loops.loop = asyncio.new_event_loop()

    async def validate() -> PdfSignatureStatus:
        try:
            return await async_validate_pdf_signature(sig, signer_validation_context=context)
        finally:
            await context.aclose()

    return _loops.loop.run_until_complete(validate())
