"""What a package may name: relative paths inside its root, and SHA-256 values."""

from __future__ import annotations

import re

from app.catalog.export.limits import PackageRefused

SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_NAME = 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def checked_path(name: object, what: str) -> str:
    """`name` if it is a safe relative path: '/'-separated, no '..', '.', empty parts,
    backslashes, drive letters or colons, control characters; else PackageRefused."""
    if not isinstance(name, str) or not name:
        raise PackageRefused("unsafe_name", f"{what}: a file name is missing.")
    shown = name[:200].encode("unicode_escape").decode("ascii")
    problem = ""
    if len(name) > MAX_NAME:
        problem = "is too long"
    elif _CONTROL.search(name):
        problem = "holds control characters"
    elif "\\" in name:
        problem = "holds a backslash"
    elif ":" in name:
        problem = "names a drive or a stream (':')"
    elif name.startswith("/"):
        problem = "is absolute"
    elif any(part in ("", ".", "..") for part in name.split("/")):
        problem = "holds an empty, '.' or '..' part"
    if problem:
        raise PackageRefused("unsafe_name", f"{what} {shown!r} {problem}.")
    return name


def checked_sha256(value: object, what: str) -> str:
    """`value` if it is 64 lowercase hex digits; else PackageRefused."""
    if not isinstance(value, str) or not SHA256.fullmatch(value):
        shown = str(value)[:80].encode("unicode_escape").decode("ascii")
        raise PackageRefused("bad_hash", f"{what}: {shown!r} is not a SHA-256 (64 lowercase hex).")
    return value
