"""Devices: the scanners SANE or TWAIN sees, and the PKCS#11 modules and tokens for signing."""

from __future__ import annotations

import sys
from pathlib import Path

from app.errors import StationError
from app.scanner.factory import list_devices
from app.signing.modules import known_modules, vendor
from app.signing.token import TokenInfo, list_tokens

from .context import Context
from .result import Result, Status, Text

SCANNER_TITLE = Text("Máy quét", "Scanners")
TOKEN_TITLE = Text("Token ký số (PKCS#11)", "Signing tokens (PKCS#11)")
_REINSTALL = Text(
    "Cài lại trình điều khiển token của nhà cung cấp, hoặc chọn đúng thư viện PKCS#11 của token "
    "trong mục Ký số.",
    "Reinstall the provider's token driver, or choose the token's own PKCS#11 module in the "
    "Sign screen.",
)
_PLUG_IN = (
    Text(
        "Cắm token của cơ quan khi cần ký; nếu đã cắm mà không thấy, cài lại trình điều khiển "
        "token của nhà cung cấp.",
        "Plug in the office token when signing; if it is plugged in but not seen, reinstall the "
        "provider's token driver.",
    )
    if sys.platform == "win32"
    else Text(
        "Cắm token của cơ quan khi cần ký. Nếu đã cắm mà không thấy: "
        "sudo systemctl restart pcscd, rồi rút ra cắm lại.",
        "Plug in the office token when signing. If it is plugged in but not seen: "
        "sudo systemctl restart pcscd, then plug it in again.",
    )
)
KNOWN_CAS = "VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA, Ban Cơ yếu Chính phủ (Bit4id), ePass2003"


def check_scanners(ctx: Context) -> Result:
    """OK with the scanners seen; INFO when none is plugged in; WARN when SANE/TWAIN fails."""
    notes: list[str] = []
    found = [d for d in list_devices(notes=notes) if d.id.startswith(("sane:", "twain:"))]
    names = "; ".join(f"{d.id} ({d.vendor} {d.model})" for d in found)
    if notes:
        windows = sys.platform == "win32"
        return Result(
            "scanners",
            Status.WARN,
            SCANNER_TITLE,
            Text(
                f"Không dùng được {'TWAIN' if windows else 'SANE'}: {'; '.join(notes)}"
                + (f" Thấy: {names}." if names else ""),
                f"{'TWAIN' if windows else 'SANE'} is not usable: {'; '.join(notes)}"
                + (f" Found: {names}." if names else ""),
            ),
            Text(
                "Cài trình điều khiển TWAIN của hãng máy quét, rồi mở lại chương trình.",
                "Install the scanner maker's TWAIN driver, then restart the program.",
            )
            if windows
            else Text(
                "Cài SANE: sudo apt-get install sane-utils libsane1; kiểm tra bằng: scanimage -L",
                "Install SANE: sudo apt-get install sane-utils libsane1; test with: scanimage -L",
            ),
        )
    if not found:
        return Result(
            "scanners",
            Status.INFO,
            SCANNER_TITLE,
            Text(
                "Chưa thấy máy quét nào; vẫn dùng được máy quét mô phỏng (demo) hoặc nhập ảnh "
                "từ thư mục.",
                "No scanner found; the demo scanner and importing from a folder still work.",
            ),
            Text(
                "Cắm cáp USB và bật máy quét, rồi kiểm tra: scanimage -L. Nếu chỉ thấy khi chạy "
                "bằng sudo: sudo usermod -aG scanner $USER rồi đăng nhập lại.",
                "Plug in the USB cable and switch the scanner on, then test: scanimage -L. If it "
                "only shows with sudo: sudo usermod -aG scanner $USER and log in again.",
            )
            if sys.platform != "win32"
            else Text(
                "Cắm cáp USB, bật máy quét và cài trình điều khiển TWAIN của hãng.",
                "Plug in the USB cable, switch the scanner on and install its TWAIN driver.",
            ),
        )
    return Result(
        "scanners",
        Status.OK,
        SCANNER_TITLE,
        Text(f"Thấy {len(found)} máy quét: {names}.", f"{len(found)} scanner(s) found: {names}."),
    )


def check_tokens(ctx: Context) -> Result:
    """OK with the tokens present; INFO without a driver or token; WARN on a locked token."""
    modules = known_modules(ctx.pkcs11_module)
    if not modules:
        return Result(
            "pkcs11",
            Status.INFO,
            TOKEN_TITLE,
            Text(
                "Chưa cài thư viện PKCS#11 của nhà cung cấp chữ ký số nào "
                f"({KNOWN_CAS}); chỉ cần khi ký số.",
                f"No PKCS#11 module of a known certification authority ({KNOWN_CAS}); "
                "needed only to sign.",
            ),
            Text(
                "Cài trình điều khiển token do nhà cung cấp chứng thư số của cơ quan cấp, rồi "
                "chọn thư viện trong mục Ký số.",
                "Install the token driver from the office's certification authority, then "
                "choose its module in the Sign screen.",
            ),
        )
    tokens: list[tuple[Path, TokenInfo]] = []
    errors: dict[Path, str] = {}
    for module in modules:
        try:
            tokens += [(module, token) for token in list_tokens(module)]
        except StationError as err:
            errors[module] = f"{vendor(module)}: {err.message}"
    drivers = ", ".join(f"{vendor(m)} ({m})" for m in modules)
    if not tokens:
        # WARN when signing cannot work as set up: the chosen module, or every module, fails
        broken = ctx.pkcs11_module in errors or len(errors) == len(modules)
        said = "; ".join(errors.values())
        return Result(
            "pkcs11",
            Status.WARN if broken else Status.INFO,
            TOKEN_TITLE,
            Text(
                f"Đã có thư viện: {drivers}; chưa cắm token nào."
                + (f" Lỗi: {said}" if errors else ""),
                f"Modules: {drivers}; no token plugged in."
                + (f" Errors: {said}" if errors else ""),
            ),
            _REINSTALL if broken else _PLUG_IN,
        )
    listed = "; ".join(
        f"'{t.label}' ({vendor(m)}, {len(t.certificates)} chứng thư)" for m, t in tokens
    )
    listed_en = "; ".join(
        f"'{t.label}' ({vendor(m)}, {len(t.certificates)} certificate(s))" for m, t in tokens
    )
    troubled = [(m, t) for m, t in tokens if t.status != "ready"]
    if troubled:
        return Result(
            "pkcs11",
            Status.WARN,
            TOKEN_TITLE,
            Text(
                f"Token: {listed}. Token '{troubled[0][1].label}' báo: chỉ còn ít lần nhập mã "
                "PIN hoặc đã bị khóa.",
                f"Tokens: {listed_en}. Token '{troubled[0][1].label}': {troubled[0][1].status}.",
            ),
            Text(
                "Không thử mã PIN nữa. Mở khóa bằng công cụ của nhà cung cấp và mã SO PIN/PUK, "
                "hoặc liên hệ nhà cung cấp chứng thư số.",
                "Do not try the PIN again. Unlock it with the provider's tool and the SO PIN/PUK, "
                "or call the certification authority.",
            ),
        )
    expiring = _certificate_warning(ctx, [t for _, t in tokens])
    if expiring is not None:
        vi, en, fix = expiring
        return Result(
            "pkcs11",
            Status.WARN,
            TOKEN_TITLE,
            Text(f"Token: {listed}. {vi}", f"Tokens: {listed_en}. {en}"),
            fix,
        )
    return Result(
        "pkcs11",
        Status.OK,
        TOKEN_TITLE,
        Text(f"Token đang cắm: {listed}.", f"Tokens plugged in: {listed_en}."),
    )


_RENEW = Text(
    "Liên hệ nhà cung cấp chứng thư số để gia hạn, rồi chọn chứng thư mới trong mục Ký số.",
    "Ask the certification authority to renew it, then choose the new certificate in the Sign "
    "screen.",
)


def _certificate_warning(ctx: Context, tokens: list[TokenInfo]) -> tuple[str, str, Text] | None:
    """What to say when the certificate the station signs with has ended or ends soon.

    The certificate chosen in the Sign screen (token and key label) when it is plugged in;
    otherwise the best signing certificate present (valid, latest end date).
    """
    chosen = [t for t in tokens if t.label == ctx.token_label] or tokens
    certs = [c for t in chosen for c in t.certificates if c.for_signing]
    picked = [c for c in certs if ctx.key_label and c.label == ctx.key_label]
    if not picked:
        picked = sorted(certs, key=lambda c: (c.problem() is None, c.not_after))[-1:]
    if not picked:
        return None
    cert = picked[0]
    until = f"{cert.not_after:%d/%m/%Y}"
    name = cert.holder or cert.subject
    if cert.days_left() < 0:
        return (
            f"Chứng thư số '{name}' đã hết hạn ngày {until}: không ký được.",
            f"The certificate '{name}' expired on {until}: it cannot sign.",
            _RENEW,
        )
    if cert.expires_soon():
        return (
            f"Chứng thư số '{name}' chỉ còn {cert.days_left()} ngày (hết hạn ngày {until}).",
            f"The certificate '{name}' ends in {cert.days_left()} days (on {until}).",
            _RENEW,
        )
    return None
