"""The server's faster hex-string reader and name comparison give exactly the libraries' answers."""

from __future__ import annotations

import io
import random
from pathlib import Path

from asn1crypto import x509  # type: ignore[import-untyped]
from pyhanko.pdf_utils import generic

from app.signing.trust import load_roots
from app.signing.verify import verify_bytes
from server import speedups
from server.signatures import _on_thread_loop
from testkit.signing import PdfSigner

HOSTILE = [
    b"<>",
    b"<4>",
    b"<41 42\n43>rest",
    b"<4%comment\n1>",  # a comment inside: pyHanko's own reader
    b"<zz>",  # not hex
    b"<41",  # no end
    b"<41\x0042>",
    b"<feff00410042>",  # UTF-16 with a byte-order mark: a text string
    b"<" + b"0" * 70000 + b"ab>tail",  # longer than one block
    b"<41><42>",
]


def _outcome(reader: object, data: bytes) -> tuple[object, ...]:
    stream = io.BytesIO(b"junk" + data)
    stream.seek(4)
    try:
        value = reader(stream)  # type: ignore[operator]
    except Exception as err:  # the same error, by type and text
        return ("error", type(err).__name__, str(err))
    return (
        type(value).__name__,
        bytes(value) if isinstance(value, bytes) else value,
        stream.tell(),
    )


def test_hex_strings_read_as_pyhanko_reads_them() -> None:
    rnd = random.Random(5)
    alphabet = b"0123456789abcdefABCDEF \n\r%>zx\x00"
    cases = HOSTILE + [
        b"<" + bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) + end
        for end in (b">", b"", b">>")
        for _ in range(700)
    ]
    for data in cases:
        assert _outcome(speedups.read_hex_string, data) == _outcome(speedups._byte_reader, data), (
            data
        )


def _name(**values: str) -> x509.Name:
    return x509.Name.build(values)


def test_names_compare_as_asn1crypto_compares_them() -> None:
    utf8 = _name(common_name="Văn thư (thử)", country_name="VN")
    pairs = [
        (utf8, _name(common_name="Văn thư (thử)", country_name="VN")),  # same bytes
        (utf8, _name(common_name="VĂN  THƯ (THỬ)", country_name="VN")),  # case, spaces: equal
        (utf8, _name(common_name="Văn thư", country_name="VN")),
        (utf8, _name(common_name="Văn thư (thử)")),
        (_name(common_name="A"), x509.Name.build({"common_name": "A"}, use_printable=True)),
    ]
    tagged = x509.GeneralName(name="directory_name", value=utf8).chosen  # as in an ESS cert id
    assert tagged.dump() != utf8.dump()
    pairs += [(tagged, utf8), (tagged, pairs[1][1]), (tagged, pairs[2][1])]
    for left, right in pairs:
        for a, b in ((left, right), (right, left), (left, left)):
            assert speedups.name_equal(a, b) == speedups._name_equal(a, b)
    assert speedups.name_equal(utf8, "not a name") is False
    assert speedups.name_equal(tagged, utf8) and not speedups.name_equal(tagged, pairs[2][1])


def test_a_verification_gives_the_same_report_with_them(signer: PdfSigner, tmp_path: Path) -> None:
    """The same reports for a good, a tampered and an unsigned file, with the faster reader
    and names, and with the validation on the thread's own event loop (the server's way)."""
    scan, signed = signer.pair(tmp_path, "same")
    data, roots = signed.read_bytes(), load_roots([signer.root_pem], use_defaults=False)
    tampered = data[:12] + bytes([data[12] ^ 1]) + data[13:]  # in the header's comment
    files = (data, tampered, scan.read_bytes())
    before = [verify_bytes(d, signed, roots, online=False) for d in files]
    hex_reader, name_eq = generic.read_hex_string_from_stream, x509.Name.__eq__
    speedups.install()
    try:
        after = [
            verify_bytes(d, signed, roots, online=False, validate=_on_thread_loop)
            for d in files * 2  # the second round on the same loop
        ]
    finally:
        generic.read_hex_string_from_stream, x509.Name.__eq__ = hex_reader, name_eq
    assert before[0].valid and not before[1].valid and not before[2].valid
    assert after == before * 2
