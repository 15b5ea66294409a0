"""PKCS#11 modules of Vietnamese CAs: the user's choice wins; known paths are a fallback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import SigningChoiceError

# Module file names seen in the field (spec/standards.md §2), per operating system.
WINDOWS_MODULES = (
    *(f"vnptca_p11_v{n}.dll" for n in range(10, 5, -1)),
    "vnpt-ca_csp11.dll",
    *(f"viettel-ca_v{n}.dll" for n in range(6, 0, -1)),
    "fptca_v3.dll",
    "BkavCA.dll",
    "bkavcaetoken_p11.dll",
    "eps2003csp11.dll",
    "eTPKCS11.dll",
    "bit4xpki.dll",
)
LINUX_MODULES = ("libeps2003csp11.so", "libeTPkcs11.so", "libbit4xpki.so", "opensc-pkcs11.so")
MAC_MODULES = (
    "libeps2003csp11.dylib",
    "libeTPkcs11.dylib",
    "libbit4xpki.dylib",
    "opensc-pkcs11.so",
)

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

_LINUX_DIRS = (
    "/usr/lib",
    "/usr/local/lib",
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu/pkcs11",
    "/usr/lib/aarch64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu/pkcs11",
    "/usr/lib/pkcs11",
    "/usr/lib64",
    "/usr/lib64/pkcs11",
)
_MAC_DIRS = ("/usr/local/lib", "/Library/OpenSC/lib", "/opt/homebrew/lib")


def _windows_dirs() -> tuple[str, ...]:
    system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return (rf"{system_root}\System32", rf"{system_root}\SysWOW64")


def candidate_paths(platform: str = sys.platform) -> list[Path]:
    """Every known module path for `platform`, in the order they are tried."""
    if platform.startswith("win"):
        names, dirs = WINDOWS_MODULES, _windows_dirs()
    elif platform == "darwin":
        names, dirs = MAC_MODULES, _MAC_DIRS
    else:
        names, dirs = LINUX_MODULES, _LINUX_DIRS
    return [Path(folder) / name for name in names for folder in dirs]


def probe_modules(platform: str = sys.platform) -> list[Path]:
    """The known modules that exist on this machine."""
    return [path for path in candidate_paths(platform) if path.is_file()]


def vendor(module: Path) -> str:
    """The CA or maker behind a PKCS#11 module file, else the file's name."""
    name = module.name.lower()
    return next((label for part, label in VENDORS if part in name), module.name)


def known_modules(chosen: Path | None = None) -> list[Path]:
    """The user's chosen module first, then every known one on this machine, each file once."""
    seen: dict[Path, Path] = {}
    for module in [*([chosen] if chosen else []), *probe_modules()]:
        seen.setdefault(module.resolve(), module)
    return list(seen.values())


def choose_module(chosen: Path | None) -> Path:
    """The module to load: the user's `chosen` path, else the first known module found."""
    if chosen is not None:
        if not chosen.is_file():
            raise SigningChoiceError(
                f"PKCS#11 module not found: {chosen}",
                f"Không tìm thấy thư viện PKCS#11: {chosen}",
                hint="Install the token's driver from its CA, or give the module's full path.",
                code="signing.module_missing", params={"path": str(chosen)},
            )
        return chosen
    found = probe_modules()
    if not found:
        raise SigningChoiceError(
            "No PKCS#11 module of a known Vietnamese CA was found on this machine.",
            "Không tìm thấy thư viện PKCS#11 của nhà cung cấp chữ ký số nào trên máy.",
            hint="Install the token's driver, then give its path with --pkcs11-module.",
            code="signing.no_module",
        )
    return found[0]
