"""PDF signature checks on the server, with the station's own verifier (app.signing.verify)."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

from app.signing.trust import load_roots
from app.signing.verify import VerifyReport, verify_bytes

from .config import Config

CACHE_SECONDS = 600.0


class SignatureChecker:
    """Verifies signed PDFs against the configured trust roots.

    A successful verdict is remembered for CACHE_SECONDS by the SHA-256 computed here from the
    bytes (never a hash a package claims), so a package re-sent after a drop is not verified
    twice; downloads always verify afresh (`fresh=True`).
    """

    def __init__(self, config: Config) -> None:
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
        return verify_bytes(data, Path(name), self.roots, online=self.online)
