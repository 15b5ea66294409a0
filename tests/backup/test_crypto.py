"""The sealed object format: round trip in chunks, and every kind of tampering refused."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from app.backup import crypto, medium
from app.backup.errors import DamagedBackup, WrongPassphrase
from tests.backup.conftest import TEST_SCRYPT


@pytest.fixture
def keys() -> crypto.Keys:
    return crypto.derive("một cụm mật khẩu", b"s" * 16, TEST_SCRYPT)


def _seal(keys: crypto.Keys, data: bytes, name: str = "a") -> bytes:
    out = io.BytesIO()
    crypto.seal(io.BytesIO(data), len(data), out, keys, name, lambda n: None)
    return out.getvalue()


def _open(keys: crypto.Keys, sealed: bytes, name: str = "a") -> bytes:
    parts: list[bytes] = []
    crypto.unseal(io.BytesIO(sealed), keys, name, parts.append, lambda n: None)
    return b"".join(parts)


@pytest.mark.parametrize("size", [0, 1, crypto.CHUNK, crypto.CHUNK + 1, 3 * crypto.CHUNK - 5])
def test_round_trip_in_chunks(keys: crypto.Keys, size: int) -> None:
    data = os.urandom(size)
    sealed = _seal(keys, data)
    assert len(sealed) == crypto.sealed_size(size)
    assert _open(keys, sealed) == data


def test_moved_cut_or_swapped_pieces_are_refused(keys: crypto.Keys) -> None:
    data = os.urandom(2 * crypto.CHUNK + 100)
    sealed = _seal(keys, data)
    head, piece = crypto.HEADER_SIZE, crypto.CHUNK + crypto.TAG
    first, second = sealed[head:head + piece], sealed[head + piece:head + 2 * piece]
    swapped = sealed[:head] + second + first + sealed[head + 2 * piece:]
    with pytest.raises(DamagedBackup, match="piece 1"):
        _open(keys, swapped)
    with pytest.raises(DamagedBackup):
        _open(keys, sealed[:-1])
    with pytest.raises(DamagedBackup, match="after its end"):
        _open(keys, sealed + b"x")
    with pytest.raises(DamagedBackup):  # the same bytes under another object's name
        _open(keys, sealed, name="b")
    other = _seal(keys, os.urandom(2 * crypto.CHUNK + 100))
    with pytest.raises(DamagedBackup):  # a piece taken from another object
        _open(keys, sealed[:head] + other[head:head + piece] + sealed[head + piece:])


def test_the_passphrase_check_and_the_production_cost() -> None:
    salt = os.urandom(16)
    keys = crypto.derive("cụm mật khẩu đúng", salt, TEST_SCRYPT)
    sealed = crypto.key_check(keys)
    crypto.confirm(keys, sealed)
    with pytest.raises(WrongPassphrase):
        crypto.confirm(crypto.derive("cụm mật khẩu sai", salt, TEST_SCRYPT), sealed)


def test_a_new_set_records_the_production_cost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the real scrypt cost, not the tests' cheaper one
    medium.create_set(tmp_path, "cụm mật khẩu của văn phòng")
    header = json.loads((tmp_path / medium.ROOT / medium.HEADER).read_text())
    assert header["scrypt"] == {"n": 2**17, "r": 8, "p": 1}
    assert "cụm" not in json.dumps(header)
    medium.open_set(tmp_path, "cụm mật khẩu của văn phòng")


def test_object_names_are_keyed(keys: crypto.Keys) -> None:
    other = crypto.derive("cụm khác hẳn", b"s" * 16, TEST_SCRYPT)
    sha = "ab" * 32
    assert keys.object_name("content", sha) != other.object_name("content", sha)
    assert sha not in keys.object_name("content", sha)
