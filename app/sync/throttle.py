"""Back-off with jitter and a bandwidth cap (token bucket), both shared between threads."""

from __future__ import annotations

import random
import threading
import time


class Backoff:
    """Exponential back-off: base · 2^(failures-1), capped, with "equal jitter" (½…1 of it)."""

    def __init__(self, base: float = 1.0, cap: float = 300.0) -> None:
        self.base = base
        self.cap = cap
        self.failures = 0
        self._resume_at = 0.0
        self._lock = threading.Lock()

    def delay_for(self, failures: int) -> float:
        """The longest wait after `failures` consecutive failures (before jitter)."""
        return min(self.cap, self.base * 2.0 ** max(failures - 1, 0))

    def failure(self) -> float:
        """Count a failure; return the wait chosen (all callers wait until the same time)."""
        with self._lock:
            self.failures += 1
            full = self.delay_for(self.failures)
            wait = random.uniform(full / 2, full)
            self._resume_at = max(self._resume_at, time.monotonic() + wait)
            return wait

    def success(self) -> None:
        with self._lock:
            self.failures = 0
            self._resume_at = 0.0

    def remaining(self) -> float:
        """Seconds still to wait before the next attempt."""
        with self._lock:
            return max(0.0, self._resume_at - time.monotonic())


class TokenBucket:
    """Limits bytes per second; `take(n)` blocks until `n` bytes may be sent."""

    def __init__(self, rate: float, burst: float | None = None) -> None:
        self.rate = rate
        self.burst = burst if burst is not None else max(rate / 4, 64 * 1024)
        self._tokens = self.burst
        self._at = time.monotonic()
        self._lock = threading.Lock()

    def take(self, n: int) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
                self._at = now
                if self._tokens >= min(n, self.burst):
                    self._tokens -= n  # may go negative: later callers wait for the debt
                    return
                wait = (min(n, self.burst) - self._tokens) / self.rate
            time.sleep(wait)
