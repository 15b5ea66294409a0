"""Keys from the office passphrase (scrypt) and chunked AES-GCM streams bound to their object."""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.backup.errors import DamagedBackup, WrongPassphrase

# An object on the medium is `MAGIC | salt (16) | plain size (8)` followed by the plaintext in
# CHUNK-byte pieces, each sealed with AES-256-GCM under a key derived for that object (HKDF from the
# data key and the object's random salt). The nonce is the chunk's index and a last-chunk flag, and
# every chunk's associated data is the object's header and name: a chunk moved to another place or
# object, a truncated object or a flipped byte fails authentication.
MAGIC = b"SSBKOBJ1"
CHUNK = 1 << 20
TAG = 16
_HEADER = struct.Struct(">8s16sQ")
HEADER_SIZE = _HEADER.size
SCRYPT = {"n": 2**17, "r": 8, "p": 1}  # 128 MiB, about half a second: slows guessing
MIN_PASSPHRASE = 10
_CHECK = b"scanstation backup key check v1"

Progress = Callable[[int], None]  # bytes just processed


@dataclass(frozen=True)
class Keys:
    """The keys of one backup set, all derived from the passphrase and the set's salt."""

    data: bytes
    names: bytes
    check: bytes

    def object_name(self, kind: str, ident: str) -> str:
        """The keyed file name of an object: reveals nothing of `ident` without the key."""
        return hmac.new(self.names, f"{kind}:{ident}".encode(), hashlib.sha256).hexdigest()


def derive(passphrase: str, salt: bytes, params: dict[str, int]) -> Keys:
    """The set's keys: scrypt over the passphrase, split into independent keys with HKDF."""
    master = Scrypt(salt=salt, length=32, **params).derive(passphrase.encode("utf-8"))

    def sub(label: bytes) -> bytes:
        return HKDF(hashes.SHA256(), 32, salt=None, info=label).derive(master)

    return Keys(sub(b"data"), sub(b"names"), sub(b"check"))


def key_check(keys: Keys) -> bytes:
    """A sealed constant stored beside the salt: it tells a wrong passphrase apart."""
    nonce = os.urandom(12)
    return nonce + AESGCM(keys.check).encrypt(nonce, _CHECK, b"")


def confirm(keys: Keys, sealed: bytes) -> None:
    """Raise WrongPassphrase unless `sealed` opens with these keys."""
    try:
        AESGCM(keys.check).decrypt(sealed[:12], sealed[12:], b"")
    except (InvalidTag, ValueError):
        raise WrongPassphrase(
            "The passphrase does not open this backup set.",
            hint="Type the office's backup passphrase exactly (letters, accents and case count).",
        ) from None


def sealed_size(size: int) -> int:
    """How many bytes an object of `size` plaintext bytes takes on the medium."""
    chunks = max(1, -(-size // CHUNK))
    return HEADER_SIZE + size + chunks * TAG


def _object_key(keys: Keys, salt: bytes, name: str) -> AESGCM:
    key = HKDF(hashes.SHA256(), 32, salt=salt, info=b"object:" + name.encode()).derive(keys.data)
    return AESGCM(key)


def _nonce(index: int, last: bool) -> bytes:
    return struct.pack(">QB3x", index, 1 if last else 0)


def _pieces(source: BinaryIO, size: int) -> Iterator[tuple[int, bytes, bool]]:
    """The plaintext in CHUNK pieces (one empty piece for an empty file); short reads refused."""
    chunks = max(1, -(-size // CHUNK))
    for index in range(chunks):
        want = min(CHUNK, size - index * CHUNK)
        piece = source.read(want)
        if len(piece) != want:
            raise OSError(f"the file shrank while it was read ({len(piece)} of {want} bytes)")
        yield index, piece, index == chunks - 1


def seal(
    source: BinaryIO, size: int, out: BinaryIO, keys: Keys, name: str, progress: Progress
) -> str:
    """Encrypt `size` bytes of `source` into `out` as object `name`; the plaintext's SHA-256."""
    salt = os.urandom(16)
    header = _HEADER.pack(MAGIC, salt, size)
    aad = header + name.encode()
    cipher = _object_key(keys, salt, name)
    digest = hashlib.sha256()
    out.write(header)
    for index, piece, last in _pieces(source, size):
        digest.update(piece)
        out.write(cipher.encrypt(_nonce(index, last), piece, aad))
        progress(len(piece))
    if source.read(1):
        raise OSError("the file grew while it was read")
    return digest.hexdigest()


def unseal(
    source: BinaryIO, keys: Keys, name: str, sink: Callable[[bytes], object], progress: Progress
) -> str:
    """Decrypt object `name` from `source`, passing each piece to `sink`; its SHA-256.

    Raises DamagedBackup when any byte was changed, the object was cut short or extended, or
    it is another object's content under this name.
    """
    header = source.read(HEADER_SIZE)
    if len(header) != HEADER_SIZE:
        raise DamagedBackup("the file is cut short (no header)")
    magic, salt, size = _HEADER.unpack(header)
    if magic != MAGIC:
        raise DamagedBackup("the file does not start like a backup object")
    aad = header + name.encode()
    cipher = _object_key(keys, salt, name)
    digest = hashlib.sha256()
    chunks = max(1, -(-size // CHUNK))
    for index in range(chunks):
        want = min(CHUNK, size - index * CHUNK) + TAG
        sealed = source.read(want)
        try:
            piece = cipher.decrypt(_nonce(index, index == chunks - 1), sealed, aad)
        except InvalidTag:
            raise DamagedBackup(f"piece {index + 1} of {chunks} fails its check") from None
        digest.update(piece)
        sink(piece)
        progress(len(piece))
    if source.read(1):
        raise DamagedBackup("the file has bytes after its end")
    return digest.hexdigest()


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect secret documents on a lost disk."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WrongPassphrase(
            f"A backup passphrase needs at least {MIN_PASSPHRASE} characters.",
            hint="Choose a longer phrase the office keeps in a safe place; it cannot be recovered.",
            code="backup.passphrase_short", params={"min": MIN_PASSPHRASE},
        )
