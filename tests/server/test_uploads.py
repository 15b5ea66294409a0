"""The upload spool across processes: one writer per upload, abandoned uploads purged."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.signing import PdfSigner

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
