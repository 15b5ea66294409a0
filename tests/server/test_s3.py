"""Object storage on a real SeaweedFS: the blob store, and uploads any server process takes over."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pikepdf
import pytest

from app.sync.client import SyncClient, enroll
from app.sync.credentials import Credentials
from server.s3store import S3Settings, S3Store
from testkit.serverproc import ORG_A, ServerProcess, start_server
from testkit.signing import PdfSigner
from testkit.station import add_signed, new_catalog
from tests.fixtures.seaweed import Seaweed, new_bucket
from tests.server.test_uploads import hang_up_patch, steady_offset

MiB = 1 << 20


def _big_package(folder: Path, signer: PdfSigner) -> bytes:
    """A real signed package of about 11 MiB (an incompressible scan and its signed copy)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    width, height = 1600, 1200
    image = pikepdf.Stream(pdf, os.urandom(width * height * 3))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = width, height, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(b"q 500 0 0 375 50 400 cm /Im0 Do Q")
    scan = folder / "big.pdf"
    pdf.save(scan)
    signed = signer.sign(scan, folder / "big.signed.pdf")
    with new_catalog(folder / "catalog", ORG_A) as catalog:
        code = add_signed(catalog, scan, signed, 1)[0]
        return catalog.network_package(code, folder / "big.zip").read_bytes()


@pytest.fixture(scope="module")
def package(signer: PdfSigner, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _big_package(tmp_path_factory.mktemp("big"), signer)


@pytest.fixture
def pair(
    seaweed: Seaweed, signer: PdfSigner, tmp_path: Path
) -> Iterator[tuple[ServerProcess, ServerProcess, S3Settings]]:
    """Two server processes over one database and one bucket, each with its own folder.

    The tests take uploads over between them: one killed, the store restarted, the last PATCH (which
    completes) cut short.
    """
    bucket = new_bucket(seaweed)
    first = start_server(tmp_path / "one", signer.root_pem, max_mib=32, s3=bucket)
    second = first.twin(tmp_path / "two", own_folder=True).start()
    yield first, second, bucket
    first.stop()
    second.stop()


class _Station:
    """The upload protocol spoken by hand against any server process of the pair."""

    def __init__(self, server: ServerProcess) -> None:
        made = httpx.post(
            server.url + "/v1/enroll", json={"code": server.enroll_code(ORG_A)}, timeout=10
        ).json()
        self.auth = (made["station_id"], made["secret"])

    def client(self, server: ServerProcess) -> httpx.Client:
        return httpx.Client(base_url=server.url, auth=self.auth, timeout=60)

    def declare(self, server: ServerProcess, data: bytes) -> str:
        body = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        with self.client(server) as http:
            answer = http.post("/v1/uploads", json=body)
        assert answer.status_code == 201, answer.text
        return str(answer.json()["upload_id"])

    def offset(self, server: ServerProcess, upload: str) -> int:
        with self.client(server) as http:
            return int(http.head(f"/v1/uploads/{upload}").headers["Upload-Offset"])

    def send(self, server: ServerProcess, upload: str, data: bytes, start: int, end: int) -> int:
        headers = {"Upload-Offset": str(start)}
        with self.client(server) as http:
            answer = http.patch(f"/v1/uploads/{upload}", content=data[start:end], headers=headers)
        assert answer.status_code == 204, answer.text
        return int(answer.headers["Upload-Offset"])

    def complete(self, server: ServerProcess, upload: str) -> httpx.Response:
        with self.client(server) as http:
            return http.post(f"/v1/uploads/{upload}/complete")


def _stored_once(server: ServerProcess, bucket: S3Settings, data: bytes) -> None:
    sha = hashlib.sha256(data).hexdigest()
    assert server.blob(sha) == data
    assert server.sql("SELECT count(*) FROM package WHERE sha256 = %s", sha) == [(1,)]
    assert server.sql("SELECT count(*) FROM upload") == [(0,)]
    listing = S3Store(bucket).s3.list_objects_v2(Bucket=bucket.bucket, Prefix="uploads/")
    assert listing.get("KeyCount", 0) == 0  # no part, tail or assembled object left
    for (pdf_sha,) in server.sql("SELECT pdf_sha256 FROM version"):
        assert hashlib.sha256(server.blob(str(pdf_sha))).hexdigest() == pdf_sha


def test_blob_store_round_trip(seaweed: Seaweed, tmp_path: Path) -> None:
    store = S3Store(new_bucket(seaweed))
    small, big = b"ke hoach", os.urandom(9 * MiB)  # the big one goes up in parts
    for data in (small, big):
        path, sha = tmp_path / "blob", hashlib.sha256(data).hexdigest()
        path.write_bytes(data)
        store.put_file(path, sha)
        assert store.exists(sha)
        with store.get(sha) as handle:
            assert handle.read() == data
        store.put_file(path, sha)  # idempotent
        with store.get(sha) as handle:
            assert handle.read() == data
    assert not store.exists("0" * 64)
    with pytest.raises(KeyError):
        store.get("0" * 64)
    listing = store.s3.list_objects_v2(Bucket=store.bucket)
    assert listing.get("KeyCount", 0) == 2  # the two blobs under their names, nothing else
    uploads = store.s3.list_multipart_uploads(Bucket=store.bucket)
    assert not uploads.get("Uploads")


def test_many_completions_at_once_do_not_starve_the_connection_pool(
    seaweed: Seaweed, signer: PdfSigner, tmp_path: Path
) -> None:
    """A completion holds the upload's row lock while it stores the new rows through a
    second connection: with more completions at once than the pool has connections, each
    held one and waited for another for ever (the sync bench on S3 hung this way)."""
    bucket = new_bucket(seaweed)
    server = start_server(tmp_path / "srv", signer.root_pem, s3=bucket)  # a pool of 8
    count = 12
    with new_catalog(tmp_path / "catalog", ORG_A) as catalog:
        codes = []
        for i in range(count):
            scan, signed = signer.pair(tmp_path, f"c{i}")
            codes += add_signed(catalog, scan, signed, 1)
        packages = [catalog.network_package(c, tmp_path / f"{c}.zip").read_bytes() for c in codes]
    try:
        stations = [_Station(server) for _ in packages]
        uploads = []
        for station, data in zip(stations, packages, strict=True):
            upload = station.declare(server, data)
            station.send(server, upload, data, 0, len(data))
            uploads.append(upload)
        answers: list[httpx.Response] = []
        start = threading.Barrier(count)

        def complete(station: _Station, upload: str) -> None:
            start.wait(30)
            answers.append(station.complete(server, upload))

        threads = [
            threading.Thread(target=complete, args=pair)
            for pair in zip(stations, uploads, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert len(answers) == count, "completions still waiting after 120 s"
        assert [a.status_code for a in answers] == [200] * count, [a.text for a in answers]
        for data in packages:
            _stored_once(server, bucket, data)
    finally:
        server.stop()


def test_one_upload_through_two_processes_with_their_own_folders(
    pair: tuple[ServerProcess, ServerProcess, S3Settings], package: bytes
) -> None:
    first, second, bucket = pair
    station = _Station(first)
    upload = station.declare(first, package)
    assert station.send(first, upload, package, 0, 2 * MiB) == 2 * MiB  # a tail, no part yet
    assert station.offset(second, upload) == 2 * MiB
    assert station.send(second, upload, package, 2 * MiB, 8 * MiB) == 8 * MiB  # part 1
    assert station.complete(first, upload).status_code == 409  # incomplete, said by either
    assert station.send(first, upload, package, 8 * MiB, len(package)) == len(package)
    answer = station.complete(second, upload)
    assert answer.status_code == 200, answer.text
    again = station.complete(first, upload)  # the row is gone: the receipt again, not a copy
    assert again.status_code in (200, 404)
    _stored_once(first, bucket, package)
    assert not any((second.config.storage / "work").iterdir())  # work files removed


def test_a_process_killed_mid_upload_is_taken_over_by_the_other(
    pair: tuple[ServerProcess, ServerProcess, S3Settings], package: bytes
) -> None:
    first, second, bucket = pair
    station = _Station(first)
    upload = station.declare(first, package)
    assert station.send(first, upload, package, 0, 6 * MiB) == 6 * MiB
    streaming = threading.Event()
    answers: list[BaseException | httpx.Response] = []

    def slow() -> Iterator[bytes]:
        yield package[6 * MiB : 7 * MiB]
        streaming.set()
        threading.Event().wait(30)  # held open until the process is killed
        yield b""

    def send() -> None:
        try:
            with station.client(first) as http:
                answers.append(
                    http.patch(
                        f"/v1/uploads/{upload}",
                        content=slow(),
                        headers={"Upload-Offset": str(6 * MiB)},
                    )
                )
        except httpx.HTTPError as err:
            answers.append(err)

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    assert streaming.wait(30)
    first.kill()  # a power cut with a request half-way in
    thread.join(40)
    assert answers and isinstance(answers[0], httpx.HTTPError)
    held = station.offset(second, upload)
    assert held == 6 * MiB  # what was acknowledged, nothing of the cut request
    assert station.send(second, upload, package, held, len(package)) == len(package)
    assert station.complete(second, upload).status_code == 200
    _stored_once(second, bucket, package)


def test_the_object_store_restarted_mid_upload(
    pair: tuple[ServerProcess, ServerProcess, S3Settings], seaweed: Seaweed, package: bytes
) -> None:
    first, second, bucket = pair
    station = _Station(first)
    upload = station.declare(first, package)
    assert station.send(first, upload, package, 0, 6 * MiB) == 6 * MiB
    with seaweed.down():
        with station.client(second) as http:
            answer = http.patch(
                f"/v1/uploads/{upload}",
                content=package[6 * MiB : 9 * MiB],
                headers={"Upload-Offset": str(6 * MiB)},
            )
        assert answer.status_code == 503 and answer.json()["error"] == "storage_unavailable"
        assert station.offset(first, upload) == 6 * MiB  # the database still answers
    held = station.offset(second, upload)
    assert held == 6 * MiB
    assert station.send(first, upload, package, held, len(package)) == len(package)
    assert station.complete(first, upload).status_code == 200
    _stored_once(first, bucket, package)


def _one_page(folder: Path, signer: PdfSigner) -> bytes:
    scan, signed = signer.pair(folder, "small")
    with new_catalog(folder / "small-catalog", ORG_A) as catalog:
        code = add_signed(catalog, scan, signed, 1)[0]
        return catalog.network_package(code, folder / "small.zip").read_bytes()


def test_a_package_sent_whole_with_its_completion(
    pair: tuple[ServerProcess, ServerProcess, S3Settings], signer: PdfSigner, tmp_path: Path
) -> None:
    """The whole package and `Upload-Complete: ?1` in one request: the receipt in the answer
    (the bytes kept in the process for the completion, nothing left in the bucket); the same
    with a SHA-256 that does not match: refused, nothing stored, no work file left."""
    first, _, bucket = pair
    data, station = _one_page(tmp_path, signer), _Station(first)
    final = {"Upload-Offset": "0", "Upload-Complete": "?1"}
    upload = station.declare(first, data)
    with station.client(first) as http:
        answer = http.patch(f"/v1/uploads/{upload}", content=data, headers=final)
    assert answer.status_code == 200, answer.text
    assert answer.json()["sha256"] == hashlib.sha256(data).hexdigest()
    _stored_once(first, bucket, data)
    blobs = S3Store(bucket).s3.list_objects_v2(Bucket=bucket.bucket, Prefix="blobs/")
    assert blobs["KeyCount"] == 2  # the package and its signed PDF (the scan is in the package)
    lie = hashlib.sha256(b"another package").hexdigest()
    with station.client(first) as http:
        made = http.post("/v1/uploads", json={"sha256": lie, "size": len(data)}).json()
        refused = http.patch(f"/v1/uploads/{made['upload_id']}", content=data, headers=final)
    assert refused.status_code == 422 and refused.json()["error"] == "checksum_mismatch"
    assert first.sql("SELECT count(*) FROM package") == [(1,)]
    assert first.sql("SELECT count(*) FROM upload") == [(0,)]
    assert not any((first.config.storage / "work").iterdir())


def test_a_last_patch_cut_short_is_resumed_through_the_other_process(
    pair: tuple[ServerProcess, ServerProcess, S3Settings], package: bytes, tmp_path: Path
) -> None:
    """The last PATCH (with the completion asked) cut after 3 of its 5 MiB: no completion;
    the station's client resumes through the other process from what the store holds, and
    its last PATCH there completes the upload."""
    first, second, bucket = pair
    creds = enroll(first.url, first.enroll_code(ORG_A), "t")
    auth = (creds.station_id, creds.secret)
    sha = hashlib.sha256(package).hexdigest()
    with httpx.Client(base_url=first.url, auth=auth, timeout=60) as http:
        upload = http.post("/v1/uploads", json={"sha256": sha, "size": len(package)}).json()
        url = f"/v1/uploads/{upload['upload_id']}"
        sent = http.patch(url, content=package[: 6 * MiB], headers={"Upload-Offset": "0"})
        assert sent.status_code == 204
    rest = package[6 * MiB :]
    hang_up_patch(first.url, auth, upload["upload_id"], 6 * MiB, rest, 3 * MiB)
    with httpx.Client(base_url=first.url, auth=auth, timeout=60) as http:
        # the cut request ends on its own time: what it kept must be stored before the station
        # asks where to resume (else its resumed PATCH meets a moved offset and is sent again)
        kept = steady_offset(http, upload["upload_id"])
    assert 6 * MiB <= kept < len(package)
    assert first.sql("SELECT count(*) FROM package") == [(0,)]  # nothing completed
    path = tmp_path / "big.zip"
    path.write_bytes(package)
    client = SyncClient(Credentials(**{**creds.__dict__, "server": second.url}))
    try:
        receipt = client.upload(path, sha, len(package))
    finally:
        client.close()
    assert client.bytes_sent <= len(rest)  # from the store's offset, not from the start
    assert receipt["sha256"] == sha
    _stored_once(second, bucket, package)
