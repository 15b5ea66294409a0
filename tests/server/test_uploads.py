"""The upload spool: one writer per upload, abandoned uploads purged, completion at the end."""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from app.sync.client import SyncClient, Transient, enroll
from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.signing import PdfSigner
from testkit.station import add_signed, new_catalog

HALF = 128 * 1024


def _station(server: ServerProcess) -> tuple[str, str]:
    code = server.enroll_code(ORG_A)
    made = httpx.post(server.url + "/v1/enroll", json={"code": code, "name": "t"}, timeout=10)
    return made.json()["station_id"], made.json()["secret"]


def _declare(http: httpx.Client, data: bytes) -> str:
    body = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    answer = http.post("/v1/uploads", json=body)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["upload_id"])


def test_two_server_processes_never_interleave_appends(signer: PdfSigner, tmp_path: Path) -> None:
    first = start_server(tmp_path / "one", signer.root_pem)
    second = first.twin(tmp_path / "two").start()  # same database, same spool
    data = os.urandom(2 * HALF)
    auth = _station(first)
    resumed = threading.Event()
    answers: dict[str, httpx.Response] = {}

    def slow_body() -> Iterator[bytes]:
        yield data[:HALF]
        assert resumed.wait(10)  # hold the upload while the other process tries it
        yield data[HALF:]

    try:
        with (
            httpx.Client(base_url=first.url, auth=auth, timeout=20) as a,
            httpx.Client(base_url=second.url, auth=auth, timeout=20) as b,
        ):
            upload = _declare(a, data)
            url = f"/v1/uploads/{upload}"

            def writer() -> None:
                headers = {"Upload-Offset": "0", "Content-Length": str(len(data))}
                answers["a"] = a.patch(url, content=slow_body(), headers=headers)

            thread = threading.Thread(target=writer)
            thread.start()
            deadline = time.monotonic() + 10
            while int(b.head(url).headers["Upload-Offset"]) < HALF:
                assert time.monotonic() < deadline
                time.sleep(0.02)
            # the second process is asked for the next bytes while the first still writes
            threading.Timer(0.5, resumed.set).start()
            answers["b"] = b.patch(url, content=data[HALF:], headers={"Upload-Offset": str(HALF)})
            thread.join(20)
        assert answers["a"].status_code == 204, answers["a"].text
        assert answers["a"].headers["Upload-Offset"] == str(len(data))
        # it waited for the lock, then found the bytes already there
        assert answers["b"].status_code == 409, answers["b"].text
        assert answers["b"].json()["error"] == "offset_mismatch"
        assert answers["b"].headers["Upload-Offset"] == str(len(data))
        part = first.config.storage / "uploads" / f"{upload}.part"
        assert part.read_bytes() == data
    finally:
        second.stop()
        first.stop()


def _age(path: Path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_abandoned_uploads_are_purged_at_start_up(signer: PdfSigner, tmp_path: Path) -> None:
    server = start_server(tmp_path / "srv", signer.root_pem)  # 168 h by default
    spool = server.config.storage / "uploads"
    try:
        auth = _station(server)
        old, fresh = os.urandom(1000), os.urandom(1000)
        with httpx.Client(base_url=server.url, auth=auth, timeout=20) as http:
            gone, kept = _declare(http, old), _declare(http, fresh)
            for upload, data in ((gone, old), (kept, fresh)):
                sent = http.patch(
                    f"/v1/uploads/{upload}", content=data[:400], headers={"Upload-Offset": "0"}
                )
                assert sent.status_code == 204
        server.stop()
        server.sql(
            "UPDATE upload SET created_at = now() - interval '8 days' WHERE id = %s RETURNING id",
            gone,
        )
        _age(spool / f"{gone}.part", 8)
        stray = spool / "0123456789abcdef.part"  # a part file whose row is gone
        stray.write_bytes(b"x")
        _age(stray, 8)
        work = spool / "tmpleftover"  # a work folder of a complete that was killed
        (work / "x").mkdir(parents=True)
        _age(work, 8)
        server.start()
        assert server.sql("SELECT id FROM upload") == [(kept,)]
        assert sorted(p.name for p in spool.iterdir()) == [f"{kept}.part"]
        with httpx.Client(base_url=server.url, auth=auth, timeout=20) as http:
            late = http.patch(
                f"/v1/uploads/{gone}", content=old[400:], headers={"Upload-Offset": "400"}
            )
            assert late.status_code == 404 and late.json()["error"] == "no_upload"
            again = http.post(
                "/v1/uploads", json={"sha256": hashlib.sha256(old).hexdigest(), "size": 1000}
            )
            assert again.json()["offset"] == 0  # declared afresh: sent again from the start
    finally:
        server.stop()


def test_uploads_idle_longer_than_the_limit_are_purged_while_running(
    signer: PdfSigner, tmp_path: Path
) -> None:
    server = start_server(tmp_path / "srv", signer.root_pem, abandoned_hours=1 / 3600)  # 1 s
    try:
        auth = _station(server)
        with httpx.Client(base_url=server.url, auth=auth, timeout=20) as http:
            upload = _declare(http, os.urandom(1000))
            http.patch(f"/v1/uploads/{upload}", content=b"y" * 10, headers={"Upload-Offset": "0"})
            deadline = time.monotonic() + 10
            while http.head(f"/v1/uploads/{upload}").status_code != 404:
                assert time.monotonic() < deadline, "never purged"
                time.sleep(0.2)
        assert not list((server.config.storage / "uploads").glob("*.part"))
    finally:
        server.stop()


def hang_up_patch(
    url: str,
    auth: tuple[str, str],
    upload: str,
    offset: int,
    data: bytes,
    sent: int,
    before: Callable[[], None] = lambda: None,
) -> None:
    """A final PATCH (`Upload-Complete: ?1`, all of `data` announced) of which only the first
    `sent` bytes leave; the station hangs up once `before` returns, without reading any
    answer (bytes the server has not read by then are lost with the connection)."""
    host, port = url.removeprefix("http://").split(":")
    token = base64.b64encode(":".join(auth).encode()).decode()
    head = (
        f"PATCH /v1/uploads/{upload} HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Basic {token}\r\nUpload-Offset: {offset}\r\nUpload-Complete: ?1\r\n"
        "Content-Type: application/offset+octet-stream\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    ).encode()
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(head + data[:sent])
        before()


def wait_offset(http: httpx.Client, upload: str, expected: int) -> None:
    """Wait until the server holds `expected` bytes of the upload (the file store shows
    bytes as it writes them)."""
    deadline = time.monotonic() + 20
    while int(http.head(f"/v1/uploads/{upload}").headers["Upload-Offset"]) != expected:
        assert time.monotonic() < deadline, "the bytes that arrived were not kept"
        time.sleep(0.05)


def steady_offset(http: httpx.Client, upload: str, still: float = 1.0) -> int:
    """The upload's offset once it has not moved for `still` seconds: a request the station
    hung up on has ended on the server, and what it kept of it is in the store."""
    deadline = time.monotonic() + 30
    offset, since = -1, time.monotonic()
    while True:
        now = int(http.head(f"/v1/uploads/{upload}").headers["Upload-Offset"])
        if now != offset:
            offset, since = now, time.monotonic()
        elif time.monotonic() - since >= still:
            return offset
        assert time.monotonic() < deadline, "the upload's offset kept moving"
        time.sleep(0.1)


@pytest.fixture
def package(signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path: Path) -> bytes:
    """A real signed package of one document."""
    with new_catalog(tmp_path / "catalog", ORG_A) as catalog:
        code = add_signed(catalog, *pdfs, 1)[0]
        return catalog.network_package(code, tmp_path / "one.zip").read_bytes()


def test_the_last_patch_completes_and_a_drop_during_it_resumes(
    server: ServerProcess, package: bytes
) -> None:
    auth, half = _station(server), len(package) // 2
    with httpx.Client(base_url=server.url, auth=auth, timeout=30) as http:
        upload = _declare(http, package)
        arrived = functools.partial(wait_offset, http, upload, half)
        hang_up_patch(server.url, auth, upload, 0, package, half, arrived)  # cut half-way
        # kept: the station resumes from there (once the cut request lets go of the upload)
        finish = http.patch(
            f"/v1/uploads/{upload}",
            content=package[half:],
            headers={"Upload-Offset": str(half), "Upload-Complete": "?1"},
        )
        assert finish.status_code == 200, finish.text
        receipt = finish.json()
        assert finish.headers["Upload-Offset"] == str(len(package))
        assert receipt["sha256"] == hashlib.sha256(package).hexdigest()
        assert [d["version"] for d in receipt["documents"]] == [1]
        again = http.post(
            "/v1/uploads", json={"sha256": receipt["sha256"], "size": len(package)}
        )
        assert again.status_code == 200 and again.json()["receipt"] == receipt
    assert server.sql("SELECT count(*) FROM package WHERE sha256 = %s", receipt["sha256"]) == [
        (1,)
    ]
    assert server.blob(receipt["sha256"]) == package
    assert not list((server.config.storage / "uploads").glob(f"{upload}*"))


def test_a_station_gone_before_its_receipt_gets_it_when_it_comes_back(
    server: ServerProcess, package: bytes, tmp_path: Path
) -> None:
    """Every byte and the completion asked, then the station hangs up: the server completes
    anyway, and the station's client, trying again, gets the one receipt."""
    creds = enroll(server.url, server.enroll_code(ORG_A), "t")
    auth = (creds.station_id, creds.secret)
    with httpx.Client(base_url=server.url, auth=auth, timeout=30) as http:
        upload = _declare(http, package)
    hang_up_patch(server.url, auth, upload, 0, package, len(package))
    path, sha = tmp_path / "p.zip", hashlib.sha256(package).hexdigest()
    path.write_bytes(package)
    client = SyncClient(creds)
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                receipt = client.upload(path, sha, len(package))
                break
            except Transient:  # completing meanwhile (409): the worker would try again
                assert time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        client.close()
    rows = server.sql("SELECT server_id, receipt FROM package WHERE sha256 = %s", sha)
    assert len(rows) == 1 and rows[0][0] == receipt["server_id"] and rows[0][1] == receipt
    assert server.sql("SELECT count(*) FROM upload WHERE sha256 = %s", sha) == [(0,)]


def test_a_client_completes_on_its_own_when_every_byte_is_already_there(
    server: ServerProcess, package: bytes, tmp_path: Path
) -> None:
    """The bytes went up in a PATCH without Upload-Complete (an older station, or a server
    that answered 204): the client then sends the completion as its own request."""
    creds = enroll(server.url, server.enroll_code(ORG_A), "t")
    with httpx.Client(
        base_url=server.url, auth=(creds.station_id, creds.secret), timeout=30
    ) as http:
        upload = _declare(http, package)
        sent = http.patch(f"/v1/uploads/{upload}", content=package, headers={"Upload-Offset": "0"})
        assert sent.status_code == 204 and not sent.content  # no completion without asking
    path, sha = tmp_path / "p.zip", hashlib.sha256(package).hexdigest()
    path.write_bytes(package)
    client = SyncClient(creds)
    try:
        receipt = client.upload(path, sha, len(package))
    finally:
        client.close()
    assert receipt["sha256"] == sha and client.bytes_sent == 0  # nothing sent twice
    assert server.sql("SELECT server_id FROM package WHERE sha256 = %s", sha) == [
        (receipt["server_id"],)
    ]


def test_a_refused_package_on_the_last_patch_leaves_nothing(
    server: ServerProcess, package: bytes
) -> None:
    """Hostile bytes completed in the same request are refused as a completion on its own
    refuses them: a wrong SHA-256 (422, nothing stored, the upload gone), too many bytes
    (413, and no completion)."""
    auth = _station(server)
    lie = hashlib.sha256(b"another package").hexdigest()
    with httpx.Client(base_url=server.url, auth=auth, timeout=30) as http:
        made = http.post("/v1/uploads", json={"sha256": lie, "size": len(package)})
        upload = made.json()["upload_id"]
        answer = http.patch(
            f"/v1/uploads/{upload}",
            content=package,
            headers={"Upload-Offset": "0", "Upload-Complete": "?1"},
        )
        assert answer.status_code == 422 and answer.json()["error"] == "checksum_mismatch"
        assert http.head(f"/v1/uploads/{upload}").status_code == 404
        small = _declare(http, package[:100])
        over = http.patch(
            f"/v1/uploads/{small}",
            content=package[:101],
            headers={"Upload-Offset": "0", "Upload-Complete": "?1"},
        )
        assert over.status_code == 413 and over.json()["error"] == "too_large"
    assert server.sql("SELECT count(*) FROM package WHERE sha256 = %s", lie) == [(0,)]
    assert not list((server.config.storage / "uploads").glob(f"{upload}*"))
