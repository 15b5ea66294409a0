"""A package's ZIP opened without trusting it."""

from __future__ import annotations

import hashlib
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from app.catalog.export.limits import RATIO_FLOOR, Limits, PackageRefused
from app.catalog.export.names import checked_path

CHUNK = 1 << 20
MANIFEST = "METS.xml"
CENTRAL_BYTES_PER_ENTRY = 512  # a generous bound for one central-directory record
# what a malformed archive can raise from zipfile, zlib or struct while being read
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    IndexError,
    OverflowError,
)


def _damaged(err: BaseException) -> PackageRefused:
    return PackageRefused("bad_zip", f"it is not a readable ZIP ({type(err).__name__}: {err}).")


def _declared_directory(handle: BinaryIO) -> tuple[int, int]:
    """(entries, central directory bytes) from the end records, before zipfile parses them."""
    handle.seek(0, 2)
    size = handle.tell()
    span = min(size, 22 + 0xFFFF + 20)
    handle.seek(size - span)
    tail = handle.read(span)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        raise PackageRefused("bad_zip", "it is not a ZIP (no end of central directory).")
    entries, central = struct.unpack("<HI", tail[at + 10 : at + 16])
    locator = tail[at - 20 : at] if at >= 20 else b""
    if locator[:4] == b"PK\x06\x07":  # ZIP64: the real figures are in the ZIP64 end record
        (offset,) = struct.unpack("<Q", locator[8:16])
        handle.seek(min(offset, size))
        record = handle.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            entries, central = struct.unpack("<QQ", record[32:48])
    return entries, central


class SafeZip:
    """The members of one package under its single root folder, by their path in the root.

    The directory is checked before any member is read (count, names, types, declared sizes, one
    root folder); members are streamed under caps.
    """

    def __init__(self, path: Path, limits: Limits) -> None:
        self.limits = limits
        self.unpacked = 0  # bytes streamed out so far, against limits.total_bytes
        try:
            handle = path.open("rb")
        except OSError as err:
            raise PackageRefused("bad_zip", f"it cannot be opened ({err.strerror}).") from err
        try:
            entries, central = _declared_directory(handle)
            if entries > limits.entries or central > limits.entries * CENTRAL_BYTES_PER_ENTRY:
                raise PackageRefused(
                    "too_many_entries", f"it holds {entries} entries (at most {limits.entries})."
                )
            handle.seek(0)
            self.archive = zipfile.ZipFile(handle)
        except PackageRefused:
            handle.close()
            raise
        except ZIP_ERRORS as err:
            handle.close()
            raise _damaged(err) from err
        try:
            self.root, self.files, self.folders = self._directory()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self.archive.close()
        if self.archive.fp is not None:
            self.archive.fp.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _directory(self) -> tuple[str, dict[str, zipfile.ZipInfo], set[str]]:
        infos = self.archive.infolist()
        if len(infos) > self.limits.entries:
            raise PackageRefused(
                "too_many_entries",
                f"it holds {len(infos)} entries (at most {self.limits.entries}).",
            )
        seen: set[str] = set()
        files: dict[str, zipfile.ZipInfo] = {}
        folders: set[str] = set()
        declared = 0
        for info in infos:
            name = info.filename
            if name in seen:
                raise PackageRefused("duplicate_entry", f"the entry {name!r} appears twice.")
            seen.add(name)
            kind = stat.S_IFMT(info.external_attr >> 16)
            if name.endswith("/"):
                checked_path(name[:-1], "A folder entry")
                if kind not in (0, stat.S_IFDIR) or info.file_size:
                    raise PackageRefused("special_entry", f"the folder entry {name!r} holds data.")
                folders.add(name[:-1])
                continue
            checked_path(name, "An entry")
            if kind not in (0, stat.S_IFREG):
                raise PackageRefused(
                    "special_entry", f"the entry {name!r} is a link or a device, not a file."
                )
            if info.flag_bits & 0x1:
                raise PackageRefused("encrypted_entry", f"the entry {name!r} is encrypted.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise PackageRefused(
                    "unsupported_compression", f"the entry {name!r} is neither stored nor deflated."
                )
            self._check_size(name, info)
            declared += info.file_size
            if declared > self.limits.total_bytes:
                raise PackageRefused(
                    "package_too_large",
                    f"it unpacks to more than {self.limits.total_bytes} bytes.",
                )
            files[name] = info
        roots = [n for n in files if n.count("/") == 1 and n.endswith("/" + MANIFEST)]
        if len(roots) != 1:
            raise PackageRefused("no_manifest", "expected one root folder holding METS.xml.")
        root = roots[0][: -len(MANIFEST)]
        outside = [n for n in [*files, *(f + "/" for f in folders)] if not n.startswith(root)]
        if outside:
            raise PackageRefused("outside_root", f"the entry {outside[0]!r} is outside {root!r}.")
        inner = {n[len(root) :]: info for n, info in files.items()}
        return root, inner, {f[len(root) :] for f in folders if f + "/" != root}

    def _check_size(self, name: str, info: zipfile.ZipInfo) -> None:
        if info.file_size > self.limits.file_bytes:
            raise PackageRefused(
                "entry_too_large",
                f"{name!r} unpacks to {info.file_size} bytes (at most {self.limits.file_bytes}).",
            )
        if info.file_size > RATIO_FLOOR and info.file_size > self.limits.ratio * max(
            info.compress_size, 1
        ):
            raise PackageRefused(
                "compression_ratio",
                f"{name!r} is compressed more than {self.limits.ratio}:1 (a ZIP bomb?).",
            )

    def require_exactly(self, listed: set[str]) -> None:
        """Every file entry is listed (METS.xml apart), every listed file is there, and a
        folder entry is only one of their parents."""
        present = set(self.files) - {MANIFEST}
        unlisted = sorted(present - listed)
        if unlisted:
            raise PackageRefused("unlisted_entry", f"{unlisted[0]!r} is not listed in METS.")
        absent = sorted(listed - present)
        if absent:
            raise PackageRefused("missing_entry", f"{absent[0]!r} is listed in METS but absent.")
        parents = {"/".join(n.split("/")[:i]) for n in listed for i in range(1, n.count("/") + 1)}
        stray = sorted(self.folders - parents)
        if stray:
            raise PackageRefused("unlisted_entry", f"the folder {stray[0]!r} holds no listed file.")

    def read_small(self, name: str) -> bytes:
        """A metadata member whole, refused beyond limits.metadata_bytes."""
        if self.files[name].file_size > self.limits.metadata_bytes:
            raise PackageRefused(
                "metadata_too_large",
                f"{name!r} is larger than {self.limits.metadata_bytes} bytes.",
            )
        parts: list[bytes] = []
        self.stream(name, parts.append, cap=self.limits.metadata_bytes)
        return b"".join(parts)

    def stream(
        self, name: str, sink: Callable[[bytes], object] | None = None, *, cap: int | None = None
    ) -> tuple[str, int]:
        """Unpack the member through `sink` (a callable taking bytes, or None); return its
        SHA-256 and size, computed from the bytes, under every cap."""
        info = self.files[name]
        cap = self.limits.file_bytes if cap is None else cap
        digest = hashlib.sha256()
        size = 0
        try:
            member = self.archive.open(info)
        except ZIP_ERRORS as err:
            raise _damaged(err) from err
        with member:
            while True:
                try:
                    chunk = member.read(CHUNK)
                except ZIP_ERRORS as err:
                    raise _damaged(err) from err
                if not chunk:
                    break
                size += len(chunk)
                self.unpacked += len(chunk)
                if size > min(cap, info.file_size):
                    raise PackageRefused(
                        "entry_too_large", f"{name!r} unpacks beyond its declared size or the cap."
                    )
                if self.unpacked > self.limits.total_bytes:
                    raise PackageRefused(
                        "package_too_large",
                        f"it unpacks to more than {self.limits.total_bytes} bytes.",
                    )
                digest.update(chunk)
                if sink is not None:
                    sink(chunk)
        if size != info.file_size:
            raise PackageRefused("bad_zip", f"{name!r} is shorter than its declared size.")
        return digest.hexdigest(), size
