"""Property-based fuzzing of the package reader: every input reads exactly or is refused cleanly."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, reject, settings
from hypothesis import strategies as st

from app.catalog.export.reader import read_package
from app.errors import InputError
from tests.exchange.conftest import Genuine
from tests.exchange.packages import Unpacked

# `make test` runs a fixed small sample (profile "ci"); `make fuzz` runs 5 000 per property,
# 10 000 in all.
settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

OUR_NAME = re.compile(r"\d+\.pdf")
NAME_PARTS = st.sampled_from(["..", ".", "", "a", "C:", "\\", "é", "\x00", "x.pdf", "/"])
HOSTILE_NAMES = st.lists(NAME_PARTS, min_size=1, max_size=6).map("/".join).filter(bool)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=70),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
MODES = st.sampled_from([0, stat.S_IFREG, stat.S_IFLNK, stat.S_IFDIR, stat.S_IFCHR, stat.S_IFIFO])


def _check_outcome(data: bytes) -> str:
    """Read `data` as a package; assert the property; return "read" or the refusal reason.

    The property: every input either reads exactly (every file extracted under a name the reader
    made, with the hash it reports) or is refused cleanly with an InputError, and nothing is written
    outside the work folder.
    """
    with tempfile.TemporaryDirectory() as base:
        root = Path(base)
        package = root / "package.zip"
        package.write_bytes(data)
        work = root / "a" / "work"
        work.mkdir(parents=True)
        try:
            result = read_package(package, work)
        except InputError as err:
            outcome = getattr(err, "reason", type(err).__name__)
        else:
            outcome = "read"
            for doc in result.documents:
                for item in doc.files:
                    assert item.path.parent == work and OUR_NAME.fullmatch(item.path.name)
                    assert hashlib.sha256(item.path.read_bytes()).hexdigest() == item.sha256
        for path in root.rglob("*"):
            assert path == package or path.parent in (root, root / "a", work), path
            assert not path.is_symlink()
            if path.parent == work:
                assert OUR_NAME.fullmatch(path.name), path
    return outcome


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    buf = bytearray(data)  # (a composite's arguments are not shown in a failure report)
    for _ in range(draw(st.integers(1, 6))):
        if not buf:
            break
        near_end = st.integers(max(0, len(buf) - 3000), len(buf) - 1)
        at = draw(st.integers(0, len(buf) - 1) | near_end)  # the directory is at the end
        op = draw(st.sampled_from(["flip", "cut", "insert", "put"]))
        if op == "flip":
            buf[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del buf[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            value = draw(st.sampled_from([0, 0xFF, 0xFFFF, 0xFFFFFFFF, 10, 1 << 31]))
            buf[at : at + 4] = value.to_bytes(4, "little")
    return bytes(buf)


def _edit_station(pkg: Unpacked, draw: st.DrawFn) -> None:
    """Replace one value deep in station.json with anything JSON can hold."""
    station = pkg.station
    node: Any = station
    path = draw(
        st.sampled_from(
            [
                ("documents", 0, "files", -1, "sha256"),
                ("documents", 0, "files", 0, "path"),
                ("documents", 0, "files", -1, "version"),
                ("documents", 0, "files", -1, "kind"),
                ("documents", 0, "uuid"),
                ("documents", 0, "pages"),
                ("hoso", "profile"),
                ("organisation",),
                ("format",),
            ]
        )
    )
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = draw(JSON_VALUES | HOSTILE_NAMES)
    pkg.station = station


INAPPLICABLE = (ValueError, KeyError, IndexError, TypeError, AttributeError)


def _mutate(pkg: Unpacked, draw: st.DrawFn, extra: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
    names = list(pkg.entries)
    op = draw(st.sampled_from(["rename", "station", "bytes", "entry", "json", "mets"]))
    if op == "rename":
        old = draw(st.sampled_from(names))
        new = draw(st.sampled_from([pkg.root, ""])) + draw(HOSTILE_NAMES)
        pkg.entries[new] = pkg.entries.pop(old)
    elif op == "station":
        _edit_station(pkg, draw)
    elif op == "bytes":
        pkg.entries[draw(st.sampled_from(names))] = draw(st.binary(max_size=300))
    elif op == "entry":
        info = zipfile.ZipInfo(draw(st.sampled_from(names)) + draw(st.sampled_from(["", "/"])))
        info.external_attr = (draw(MODES) | 0o644) << 16
        extra.append((info, draw(st.binary(max_size=40))))
    elif op == "json":
        pkg.station = {"format": 1, **draw(st.dictionaries(st.text(max_size=8), JSON_VALUES))}
    else:
        name = pkg.root + "METS.xml"
        text = pkg.entries[name].decode("utf-8", "replace")
        found = re.findall(r'(?:CHECKSUM|href|SIZE)="[^"]*"', text)
        target = draw(st.sampled_from(found))
        value = draw(HOSTILE_NAMES | st.text(max_size=70)).replace('"', "")
        replaced = target.split("=")[0] + '="' + json.dumps(value)[1:-1] + '"'
        pkg.entries[name] = text.replace(target, replaced, 1).encode()


@st.composite
def structural_mutations(draw: st.DrawFn, genuine: bytes) -> bytes:
    """The genuine package with 1-4 edits (an edit an earlier one made inapplicable is skipped),
    METS made to agree again or not, written as a ZIP."""
    pkg = Unpacked.of(genuine)
    extra: list[tuple[zipfile.ZipInfo, bytes]] = []
    for _ in range(draw(st.integers(1, 4))):
        with contextlib.suppress(*INAPPLICABLE):
            _mutate(pkg, draw, extra)
    if draw(st.booleans()):
        with contextlib.suppress(*INAPPLICABLE, ET.ParseError):
            pkg.relist()
    try:
        return pkg.zip(extra=tuple(extra))
    except INAPPLICABLE:  # a name zipfile cannot write (it cuts names at NUL)
        reject()


def test_the_genuine_package_reads_exactly(genuine: Genuine) -> None:
    assert _check_outcome(genuine.first) == "read"
    assert _check_outcome(genuine.network) == "read"


@given(data=st.data())
def test_bytes_mutated_packages_read_exactly_or_are_refused(genuine: Genuine, data: Any) -> None:
    event(_check_outcome(data.draw(byte_mutations(genuine.network))))


@given(data=st.data())
def test_structurally_mutated_packages_read_exactly_or_are_refused(
    genuine: Genuine, data: Any
) -> None:
    source = (genuine.network, genuine.first)[data.draw(st.integers(0, 1))]
    event(_check_outcome(data.draw(structural_mutations(source))))
