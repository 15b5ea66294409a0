"""Who may read and write what, through the real API."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from app.sync.client import SyncClient
from app.sync.credentials import Credentials
from app.sync.worker import SyncWorker
from server.auth import hash_password
from server.localpg import free_port
from testkit.serverproc import ORG_A, ORG_B, ROOT, SUPERVISOR, ServerProcess, write_config
from testkit.signing import PdfSigner
from testkit.station import add_signed, enroll_station, new_catalog

DISTRICT = ("ba-dinh", "mat-khau-quan")  # a supervisor who may read ORG_A only


@dataclass
class World:
    server: ServerProcess
    station_a: Credentials
    station_b: Credentials
    doc_a: str
    doc_b: str
    signed: bytes


def _sync(
    server: ServerProcess, folder: Path, org: str, pdfs: tuple[Path, Path]
) -> tuple[Credentials, str]:
    with new_catalog(folder, org) as catalog:
        code = add_signed(catalog, *pdfs, 1)[0]
        creds = enroll_station(server, catalog, org)
        client = SyncClient(creds)
        try:
            assert SyncWorker(catalog, client).run_once().sent == 1
        finally:
            client.close()
        return creds, catalog.document(code).uuid


@pytest.fixture(scope="module")
def world(
    signer: PdfSigner, pdfs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    base = tmp_path_factory.mktemp("access")
    config = write_config(base / "server", signer.root_pem, port=free_port())
    with config.open("a", encoding="utf-8") as out:
        out.write(
            f'\n[[supervisors]]\nname = "{DISTRICT[0]}"\n'
            f'password_hash = "{hash_password(DISTRICT[1])}"\norgs = ["{ORG_A}"]\n'
        )
    server = ServerProcess(config).start()
    try:
        a, doc_a = _sync(server, base / "a", ORG_A, pdfs)
        b, doc_b = _sync(server, base / "b", ORG_B, pdfs)
        yield World(server, a, b, doc_a, doc_b, pdfs[1].read_bytes())
    finally:
        server.stop()


def _client(world: World, auth: tuple[str, str] | Credentials) -> httpx.Client:
    pair = (auth.station_id, auth.secret) if isinstance(auth, Credentials) else auth
    return httpx.Client(base_url=world.server.url, auth=pair, timeout=30)


def _today() -> dict[str, str]:
    day = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()
    return {"from": str(day), "to": str(day)}


def test_a_station_reads_and_downloads_only_its_own_organisation(world: World) -> None:
    with _client(world, world.station_a) as http:
        own = http.get(f"/v1/documents/{world.doc_a}/versions/1/pdf")
        assert own.status_code == 200 and own.headers["X-Signature-Valid"] == "true"
        assert own.content == world.signed
        assert http.get(f"/v1/documents/{world.doc_b}").status_code == 404
        other = http.get(f"/v1/documents/{world.doc_b}/versions/1/pdf")
        assert other.status_code == 404 and other.json()["error"] == "no_document"
        assert other.content != world.signed
        forbidden = http.get("/v1/search", params={"org": ORG_B})
        assert forbidden.status_code == 403 and forbidden.json()["error"] == "forbidden_org"
        assert {h["org"] for h in http.get("/v1/search").json()["hits"]} == {ORG_A}
        days = http.get("/v1/stats/daily", params=_today()).json()["days"]
        assert {d["org"] for d in days} == {ORG_A}


def test_a_district_supervisor_reads_one_organisation_a_province_all(world: World) -> None:
    with _client(world, DISTRICT) as http:
        assert http.get(f"/v1/documents/{world.doc_a}/versions/1/pdf").status_code == 200
        assert http.get(f"/v1/documents/{world.doc_b}").status_code == 404
        assert http.get(f"/v1/documents/{world.doc_b}/versions/1/pdf").status_code == 404
        assert http.get("/v1/search", params={"org": ORG_B}).status_code == 403
        assert {h["org"] for h in http.get("/v1/search").json()["hits"]} == {ORG_A}
        days = http.get("/v1/stats/daily", params=_today()).json()["days"]
        assert {d["org"] for d in days} == {ORG_A}
        refused = http.post("/v1/uploads", json={"sha256": "5" * 64, "size": 10})
        assert refused.status_code == 403 and refused.json()["error"] == "stations_only"
    with _client(world, SUPERVISOR) as http:
        for doc in (world.doc_a, world.doc_b):
            assert http.get(f"/v1/documents/{doc}/versions/1/pdf").status_code == 200
        days = http.get("/v1/stats/daily", params=_today()).json()["days"]
        assert {d["org"] for d in days} == {ORG_A, ORG_B}


def test_a_station_cannot_touch_another_stations_upload(world: World) -> None:
    with _client(world, world.station_a) as http:
        upload = http.post("/v1/uploads", json={"sha256": "6" * 64, "size": 10}).json()
    uid = upload["upload_id"]
    with _client(world, world.station_b) as http:
        assert http.head(f"/v1/uploads/{uid}").status_code == 404
        patch = http.patch(f"/v1/uploads/{uid}", content=b"x" * 10, headers={"Upload-Offset": "0"})
        assert patch.status_code == 404 and patch.json()["error"] == "no_upload"
        assert http.post(f"/v1/uploads/{uid}/complete").status_code == 404
    with _client(world, world.station_a) as http:
        assert http.head(f"/v1/uploads/{uid}").headers["Upload-Offset"] == "0"


def test_wrong_expired_and_revoked_credentials_read_nothing(
    world: World, pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    creds, doc = _sync(world.server, tmp_path / "c", ORG_A, pdfs)
    pdf = f"/v1/documents/{doc}/versions/1/pdf"
    for wrong in ((creds.station_id, "x"), ("no-such-station", creds.secret), (DISTRICT[0], "x")):
        with _client(world, wrong) as http:
            answer = http.get(pdf)
            assert answer.status_code == 401 and answer.json()["error"] == "unauthenticated"
    with _client(world, creds) as http:
        assert http.get(pdf).status_code == 200
        world.server.sql(
            "UPDATE station SET expires_at = now() - interval '1 second' WHERE id = %s"
            " RETURNING id",
            creds.station_id,
        )
        for path in (pdf, f"/v1/documents/{doc}", "/v1/search"):
            expired = http.get(path)
            assert expired.status_code == 401 and expired.json()["error"] == "credential_expired"
        world.server.sql(
            "UPDATE station SET expires_at = now() + interval '1 day' WHERE id = %s RETURNING id",
            creds.station_id,
        )
        assert http.get(pdf).status_code == 200
        subprocess.run(
            [
                sys.executable,
                "-m",
                "server",
                "--config",
                str(world.server.config_path),
                "revoke-station",
                creds.station_id,
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        for path in (pdf, "/v1/search"):
            revoked = http.get(path)
            assert revoked.status_code == 401 and revoked.json()["error"] == "credential_revoked"
        upload = http.post("/v1/uploads", json={"sha256": "7" * 64, "size": 10})
        assert upload.status_code == 401
