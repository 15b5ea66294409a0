"""Two pure-Python hot spots of verifying a signature, made fast without changing any result."""

from __future__ import annotations

import binascii
import os
from typing import Any, BinaryIO

from asn1crypto import x509  # type: ignore[import-untyped]
from pyhanko.pdf_utils import generic

BLOCK = 1 << 16
PLAIN = b"0123456789abcdefABCDEF \n\r\t\f\x00"  # hex digits and PDF whitespace
WHITESPACE = b" \n\r\t\f\x00"
_byte_reader = generic.read_hex_string_from_stream
_name_equal = x509.Name.__eq__


def read_hex_string(stream: BinaryIO) -> Any:
    """`pyhanko.pdf_utils.generic.read_hex_string_from_stream`, for a string of hex digits and
    whitespace up to its `>` (a signature's /Contents: tens of thousands of digits, which
    pyHanko reads one `read(1)` at a time: half the CPU of verifying a one-page upload).
    Anything else — a comment, a stray byte, no `>` before the end — goes to pyHanko's own
    reader from the same position, so its errors and results stay exactly pyHanko's."""
    start = stream.tell()
    stream.read(1)  # the "<"
    seen = b""
    while (end := seen.find(b">")) < 0:
        block = stream.read(BLOCK)
        if not block:
            break
        seen += block
    body = seen[:end] if end >= 0 else b""
    if end < 0 or body.translate(None, PLAIN):
        stream.seek(start, os.SEEK_SET)
        return _byte_reader(stream)
    stream.seek(start + 1 + end + 1, os.SEEK_SET)
    digits = body.translate(None, WHITESPACE)
    if len(digits) % 2:
        digits += b"0"
    return generic.pdf_string(binascii.unhexlify(digits))


def name_equal(self: Any, other: Any) -> bool:
    """`asn1crypto.x509.Name.__eq__` (RFC 5280 §7.1: every value through LDAP string
    preparation, each time: a tenth of a verification's CPU, in the ESS certificate-id check,
    whose issuer is explicitly tagged so that pyHanko's own byte comparison never matches),
    answered at once when both names hold the same encoded RDN sequence, which the rules can
    only find equal; asn1crypto's comparison for any other pair (and any error)."""
    if isinstance(other, x509.Name):
        try:
            if self.chosen.contents == other.chosen.contents:
                return True
        except ValueError:
            pass
    return bool(_name_equal(self, other))


def install() -> None:
    """Make pyHanko's object reader use `read_hex_string` and asn1crypto's names compare
    through `name_equal` (idempotent).

    The two are pyHanko's reading of PDF hex strings and asn1crypto's comparison of X.509 names.
    """
    generic.read_hex_string_from_stream = read_hex_string
    x509.Name.__eq__ = name_equal
