"""A SoftHSM2 token's PIN flags set for a test, as a card's own counter would set them."""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path

from pkcs11 import TokenFlag

_LABEL = 0x80005349  # CKA_OS_TOKENLABEL: 32 bytes, blank-padded
_FLAGS = 0x8000534B  # CKA_OS_TOKENFLAGS: an unsigned long
_ULONG, _BYTES = 2, 3  # the object file's kinds of attribute value
PIN_FLAGS = (TokenFlag.USER_PIN_COUNT_LOW | TokenFlag.USER_PIN_FINAL_TRY
             | TokenFlag.USER_PIN_LOCKED)


def _token_file(label: str) -> Path:
    conf = Path(os.environ["SOFTHSM2_CONF"]).read_text(encoding="utf-8")
    folder = next(line.split("=", 1)[1].strip() for line in conf.splitlines()
                  if line.strip().startswith("directories.tokendir"))
    name = struct.pack(">QQQ", _LABEL, _BYTES, 32) + label.encode().ljust(32)
    for path in Path(folder).glob("*/token.object"):
        if name in path.read_bytes():
            return path
    raise LookupError(f"no SoftHSM2 token labelled {label!r} in {folder}")


def _flags_at(data: bytes | bytearray) -> int:
    return data.index(struct.pack(">QQ", _FLAGS, _ULONG)) + 16


def _write(path: Path, flags: int) -> None:
    data = bytearray(path.read_bytes())
    at = _flags_at(data)
    data[at:at + 8] = struct.pack(">Q", flags)
    data[:8] = struct.pack(">Q", struct.unpack(">Q", data[:8])[0] + 1)  # the generation
    path.write_bytes(bytes(data))


@contextlib.contextmanager
def pin_state(label: str, flag: TokenFlag) -> Iterator[None]:
    """The token reports `flag` (locked, final try) until the block ends, then its flags
    as they were (no PIN-state flag: the right PIN clears SoftHSM2's count-low).

    SoftHSM2 counts no wrong PINs (it only sets CKF_USER_PIN_COUNT_LOW), so a locked or last-try
    token is made by setting the flag in its token file; the loaded module reads the file again when
    its generation number grows, and reports the flag in C_GetTokenInfo from then on.
    """
    path = _token_file(label)
    data = path.read_bytes()
    before = struct.unpack(">Q", data[_flags_at(data):_flags_at(data) + 8])[0]
    _write(path, (before & ~int(PIN_FLAGS)) | int(flag))
    try:
        yield
    finally:
        _write(path, before & ~int(PIN_FLAGS))
