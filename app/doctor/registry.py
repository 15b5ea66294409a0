"""The list of checks (data both the CLI and the desk run) and a runner that bounds each in time."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import backup, catalog, devices, disk, fonts, ocr, sync
from .context import Context
from .result import Result, Status, Text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    """One check: what it looks at, how to run it, how long it may take, the fix if it hangs."""

    id: str
    title: Text
    run: Callable[[Context], Result]
    timeout_s: float
    when_slow: Text


_SUPPORT = Text(
    "Chạy lại: scanstation doctor; nếu vẫn vậy, gửi gói hỗ trợ: scanstation doctor --bundle "
    "hotro.zip",
    "Run scanstation doctor again; if it persists, send a support bundle: scanstation doctor "
    "--bundle support.zip",
)
CHECKS: tuple[Check, ...] = (
    Check("tesseract", ocr.TITLE, ocr.check, 30, _SUPPORT),
    Check("fonts", fonts.TITLE, fonts.check, 15, _SUPPORT),
    Check("disk", disk.TITLE, disk.check, 15, _SUPPORT),
    Check(
        "catalog",
        catalog.TITLE,
        catalog.check,
        300,
        Text(
            "Kho lớn: chạy riêng scanstation fsck để kiểm tra đến hết.",
            "A large catalog: run scanstation fsck on its own to check it to the end.",
        ),
    ),
    Check(
        "audit",
        catalog.AUDIT_TITLE,
        catalog.check_audit,
        300,
        Text(
            "Kho lớn: chạy riêng scanstation audit verify để kiểm tra đến hết.",
            "A large catalog: run scanstation audit verify on its own to check it to the end.",
        ),
    ),
    Check(
        "scanners",
        devices.SCANNER_TITLE,
        devices.check_scanners,
        20,
        Text(
            "Một trình điều khiển SANE treo khi tìm máy quét: tắt các dòng không dùng (net, "
            "các hãng khác) trong /etc/sane.d/dll.conf, rồi thử: scanimage -L",
            "A SANE driver hangs while looking for scanners: disable unused lines (net, other "
            "makers) in /etc/sane.d/dll.conf, then try: scanimage -L",
        ),
    ),
    Check(
        "pkcs11",
        devices.TOKEN_TITLE,
        devices.check_tokens,
        20,
        Text(
            "Rút token ra cắm lại; nếu vẫn treo, cài lại trình điều khiển token của nhà cung cấp.",
            "Unplug the token and plug it in again; if it still hangs, reinstall the provider's "
            "token driver.",
        ),
    ),
    Check("sync", sync.TITLE, sync.check, 15, _SUPPORT),
    Check("backup", backup.TITLE, backup.check, 15, _SUPPORT),
)


def run_check(
    check: Check, ctx: Context, cancelled: Callable[[], bool] = lambda: False
) -> Result:
    """Run one check on its own thread, waiting at most its time limit (or until cancelled).

    A check that raises is reported as a warning (the check, not the station, failed); one
    that runs over is reported and left behind on its daemon thread.
    """
    found: list[Result] = []

    def work() -> None:
        try:
            found.append(check.run(ctx))
        except Exception as err:
            log.exception("doctor: the %s check failed", check.id)
            found.append(
                Result(
                    check.id,
                    Status.WARN,
                    check.title,
                    Text(
                        f"Không kiểm tra được ({type(err).__name__}: {err}).",
                        f"The check could not run ({type(err).__name__}: {err}).",
                    ),
                    _SUPPORT,
                )
            )

    thread = threading.Thread(target=work, name=f"doctor-{check.id}", daemon=True)
    thread.start()
    deadline = time.monotonic() + check.timeout_s
    while thread.is_alive() and time.monotonic() < deadline and not cancelled():
        thread.join(min(0.1, max(0.0, deadline - time.monotonic())))
    if found:
        return found[0]
    if cancelled():  # the desk closed or the run was stopped: not a problem to report
        log.info("doctor: the %s check was left running on cancel", check.id)
    else:
        log.warning("doctor: the %s check did not finish in %s s", check.id, check.timeout_s)
    return Result(
        check.id,
        Status.WARN,
        check.title,
        Text(
            f"Chưa xong sau {check.timeout_s:g} giây; đã bỏ qua.",
            f"Not finished after {check.timeout_s:g} s; skipped.",
        ),
        check.when_slow,
    )


def run_checks(
    ctx: Context,
    checks: Sequence[Check] = CHECKS,
    *,
    on_result: Callable[[Result], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Result]:
    """Run `checks` in order (each bounded in time); `on_result` sees each result as it comes.

    `cancelled` is polled between checks and while one runs; the results so far are returned.
    """
    results: list[Result] = []
    for check in checks:
        if cancelled():
            break
        result = run_check(check, ctx, cancelled)
        if cancelled():
            break
        log.info("doctor %s: %s — %s", result.id, result.status, result.detail.en)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def failed(results: Sequence[Result]) -> bool:
    """Whether something stops the station from working (doctor then exits 1)."""
    return any(r.status is Status.FAIL for r in results)
