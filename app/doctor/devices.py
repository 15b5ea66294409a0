"""Devices: the scanners SANE or TWAIN sees, and the PKCS#11 modules and tokens for signing."""

from __future__ import annotations

import sys
from pathlib import Path

from app.errors import StationError
from app.scanner.factory import list_devices
from app.signing.modules import probe_modules
from app.signing.token import TokenInfo, list_tokens

from .context import Context
from .result import Result, Status, Text

SCANNER_TITLE = Text("Máy quét", "Scanners")
TOKEN_TITLE = Text("Token ký số (PKCS#11)", "Signing tokens (PKCS#11)")
# Which certification authority ships a module, by a part of its file name (spec §2).
VENDORS = (
    ("vnpt", "VNPT-CA"),
    ("viettel", "Viettel-CA"),
    ("fptca", "FPT-CA"),
    ("bkav", "BKAV-CA"),
    ("eps2003", "ePass2003"),
    ("etpkcs11", "SafeNet eToken"),
    ("bit4xpki", "Bit4id (Ban Cơ yếu Chính phủ)"),
    ("opensc", "OpenSC"),
    ("softhsm", "SoftHSM"),
)
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


def vendor(module: Path) -> str:
    """The CA or maker behind a PKCS#11 module file, else the file's name."""
    name = module.name.lower()
    return next((label for part, label in VENDORS if part in name), module.name)


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


def _modules(ctx: Context) -> list[Path]:
    """The chosen module first, then every known one found, each file once."""
    seen: dict[Path, Path] = {}
    for module in [*([ctx.pkcs11_module] if ctx.pkcs11_module else []), *probe_modules()]:
        seen.setdefault(module.resolve(), module)
    return list(seen.values())


def check_tokens(ctx: Context) -> Result:
    """OK with the tokens present; INFO without a driver or token; WARN on a locked token."""
    modules = _modules(ctx)
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
    return Result(
        "pkcs11",
        Status.OK,
        TOKEN_TITLE,
        Text(f"Token đang cắm: {listed}.", f"Tokens plugged in: {listed_en}."),
    )
