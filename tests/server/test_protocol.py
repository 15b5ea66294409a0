"""The upload protocol against the real server: enrollment, resume, idempotency, refusals."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.catalog import Catalog
from app.sync.credentials import Credentials
from testkit.serverproc import ORG_A, ORG_B, ROOT, ServerProcess
from testkit.signing import PdfSigner
from testkit.station import add_signed, enroll_station, new_catalog


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    with new_catalog(tmp_path / "catalog", ORG_A) as opened:
        yield opened


def _http(server: ServerProcess, creds: Credentials) -> httpx.Client:
    return httpx.Client(base_url=server.url, auth=(creds.station_id, creds.secret), timeout=30)


def _package(catalog: Catalog, pdfs: tuple[Path, Path], out: Path) -> bytes:
    code = add_signed(catalog, *pdfs, 1)[0]
    return catalog.network_package(code, out).read_bytes()


def _upload(http: httpx.Client, data: bytes) -> httpx.Response:
    sha = hashlib.sha256(data).hexdigest()
    start = http.post("/v1/uploads", json={"sha256": sha, "size": len(data)})
    if start.status_code == 200:
        return start
    assert start.status_code == 201, start.text
    upload = start.json()["upload_id"]
    put = http.patch(f"/v1/uploads/{upload}", content=data, headers={"Upload-Offset": "0"})
    assert put.status_code == 204, put.text
    return http.post(f"/v1/uploads/{upload}/complete")


def _stored(server: ServerProcess) -> tuple[int, int]:
    packages = server.sql("SELECT count(*) FROM package")[0][0]
    blobs = sum(1 for p in (server.config.storage / "blobs").rglob("*") if p.is_file())
    return int(packages), blobs  # type: ignore[call-overload]


def test_enrollment_code_works_once_and_credentials_are_checked(
    server: ServerProcess, catalog: Catalog
) -> None:
    code = server.enroll_code(ORG_A)
    first = httpx.post(server.url + "/v1/enroll", json={"code": code, "name": "a"})
    assert first.status_code == 201
    again = httpx.post(server.url + "/v1/enroll", json={"code": code, "name": "b"})
    assert again.status_code == 403 and again.json()["error"] == "bad_enroll_code"
    body = {"sha256": "0" * 64, "size": 10}
    assert httpx.post(server.url + "/v1/uploads", json=body).status_code == 401
    wrong = httpx.post(
        server.url + "/v1/uploads", json=body, auth=(first.json()["station_id"], "x")
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "unauthenticated"


def test_resumable_idempotent_upload_and_verified_download(
    server: ServerProcess, catalog: Catalog, pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    creds = enroll_station(server, catalog, ORG_A)
    data = _package(catalog, pdfs, tmp_path / "p.zip")
    sha = hashlib.sha256(data).hexdigest()
    with _http(server, creds) as http:
        upload = http.post("/v1/uploads", json={"sha256": sha, "size": len(data)}).json()
        half = len(data) // 2
        uid = upload["upload_id"]
        assert http.patch(
            f"/v1/uploads/{uid}", content=data[:half], headers={"Upload-Offset": "0"}
        ).headers["Upload-Offset"] == str(half)
        # a client that lost the answer asks again: same upload, acknowledged offset
        again = http.post("/v1/uploads", json={"sha256": sha, "size": len(data)}).json()
        assert again == {"upload_id": uid, "offset": half, "size": len(data)}
        assert http.head(f"/v1/uploads/{uid}").headers["Upload-Offset"] == str(half)
        stale = http.patch(f"/v1/uploads/{uid}", content=data, headers={"Upload-Offset": "0"})
        assert stale.status_code == 409 and stale.headers["Upload-Offset"] == str(half)
        rest = http.patch(
            f"/v1/uploads/{uid}", content=data[half:], headers={"Upload-Offset": str(half)}
        )
        assert rest.status_code == 204
        receipt = http.post(f"/v1/uploads/{uid}/complete").json()
        assert receipt["sha256"] == sha and receipt["server_id"]
        assert _upload(http, data).json() == {"receipt": receipt}  # sent twice, stored once
        assert server.sql("SELECT count(*) FROM package WHERE sha256 = %s", sha) == [(1,)]
        doc = receipt["documents"][0]
        pdf = http.get(f"/v1/documents/{doc['uuid']}/versions/1/pdf")
        assert pdf.status_code == 200 and pdf.headers["X-Signature-Valid"] == "true"
        assert pdf.content == pdfs[1].read_bytes()
        stored = server.config.storage / "blobs" / sha[:2] / sha[2:4] / sha
        assert stored.read_bytes() == data


def _retamper(data: bytes) -> bytes:
    """Flip a byte inside the signed PDF of a package (checksums left as they were)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.endswith(".pdf") and "versions" not in info.filename:
                content = content.replace(b"595", b"596", 1)
            dst.writestr(info, content)
    return out.getvalue()


def test_refusals_store_nothing(
    server: ServerProcess,
    catalog: Catalog,
    pdfs: tuple[Path, Path],
    signer: PdfSigner,
    tmp_path: Path,
) -> None:
    creds = enroll_station(server, catalog, ORG_A)
    before = _stored(server)
    with _http(server, creds) as http:
        # wrong declared checksum
        data = _package(catalog, pdfs, tmp_path / "a.zip")
        wrong = hashlib.sha256(b"other").hexdigest()
        uid = http.post("/v1/uploads", json={"sha256": wrong, "size": len(data)}).json()[
            "upload_id"
        ]
        http.patch(f"/v1/uploads/{uid}", content=data, headers={"Upload-Offset": "0"})
        bad = http.post(f"/v1/uploads/{uid}/complete")
        assert bad.status_code == 422 and bad.json()["error"] == "checksum_mismatch"
        # a file changed inside the package: its METS checksum no longer matches
        damaged = _upload(http, _retamper(data))
        assert damaged.status_code == 422 and damaged.json()["error"] == "checksum_mismatch"
        assert "SHA-256" in damaged.json()["message"]
        junk = _upload(http, b"not a zip at all")
        assert junk.status_code == 422 and junk.json()["error"] == "bad_zip"
        assert str(server.config.storage) not in junk.json()["message"]  # no server paths
        # a tampered signed PDF with consistent checksums: the signature check refuses it
        scan, signed = pdfs
        tampered = tmp_path / "t.pdf"
        tampered.write_bytes(signed.read_bytes().replace(b"595", b"596", 1))
        forged = _package(catalog, (scan, tampered), tmp_path / "f.zip")
        refused = _upload(http, forged)
        assert refused.status_code == 422 and refused.json()["error"] == "bad_signature"
        # oversized declaration, and more bytes than declared
        big = http.post("/v1/uploads", json={"sha256": "1" * 64, "size": 5 << 20})
        assert big.status_code == 413 and big.json()["error"] == "too_large"
        small = http.post("/v1/uploads", json={"sha256": "2" * 64, "size": 10}).json()
        over = http.patch(
            f"/v1/uploads/{small['upload_id']}", content=b"x" * 100, headers={"Upload-Offset": "0"}
        )
        assert over.status_code == 413
        # malformed JSON
        junk = http.post(
            "/v1/uploads", content=b"{sha256:", headers={"Content-Type": "application/json"}
        )
        assert junk.status_code == 422 and junk.json()["error"] == "malformed_request"
    # a package for another organisation (built first: one open catalog per process)
    package_a = _package(catalog, pdfs, tmp_path / "o.zip")
    with new_catalog(tmp_path / "other", ORG_B) as other:
        creds_b = enroll_station(server, other, ORG_B)
    with _http(server, creds_b) as http_b:
        foreign = _upload(http_b, package_a)
        assert foreign.status_code == 403 and foreign.json()["error"] == "wrong_org", foreign.text
    assert _stored(server) == before


def test_expired_and_revoked_credentials_are_refused(
    server: ServerProcess, catalog: Catalog
) -> None:
    creds = enroll_station(server, catalog, ORG_A)
    body = {"sha256": "3" * 64, "size": 10}
    with _http(server, creds) as http:
        assert http.post("/v1/uploads", json=body).status_code == 201
        server.sql(
            "UPDATE station SET expires_at = now() - interval '1 day' WHERE id = %s RETURNING id",
            creds.station_id,
        )
        expired = http.post("/v1/uploads", json=body)
        assert expired.status_code == 401 and expired.json()["error"] == "credential_expired"
        server.sql(
            "UPDATE station SET expires_at = now() + interval '1 day' WHERE id = %s RETURNING id",
            creds.station_id,
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "server",
                "--config",
                str(server.config_path),
                "revoke-station",
                creds.station_id,
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        revoked = http.post("/v1/uploads", json=body)
        assert revoked.status_code == 401 and revoked.json()["error"] == "credential_revoked"


def test_openapi_schema_is_served(server: ServerProcess) -> None:
    schema = httpx.get(server.url + "/openapi.json").json()
    assert {"/v1/enroll", "/v1/uploads", "/v1/uploads/{upload_id}", "/v1/search"} <= set(
        schema["paths"]
    )
    assert "patch" in schema["paths"]["/v1/uploads/{upload_id}"]
