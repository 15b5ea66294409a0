"""The reading side: search across districts without diacritics, daily counts, isolation."""

from __future__ import annotations

import datetime
from pathlib import Path

import httpx

from app.sync.worker import SyncWorker
from testkit.serverproc import ORG_A, ORG_B, SUPERVISOR, ServerProcess
from testkit.station import add_signed, client_for, enroll_station, new_catalog


def _sync(
    server: ServerProcess, folder: Path, org: str, pdfs: tuple[Path, Path], subjects: list[str]
) -> tuple[str, str]:
    with new_catalog(folder, org) as catalog:
        add_signed(catalog, *pdfs, len(subjects), subject=lambda i: subjects[i])
        creds = enroll_station(server, catalog, org)
        client = client_for(creds)
        assert SyncWorker(catalog, client).run_once().sent == len(subjects)
        client.close()
    return creds.station_id, creds.secret


def test_search_counts_and_isolation(
    server: ServerProcess, pdfs: tuple[Path, Path], tmp_path: Path
) -> None:
    station_a = _sync(
        server,
        tmp_path / "a",
        ORG_A,
        pdfs,
        ["Kế hoạch số hóa tài liệu lưu trữ", "Báo cáo công tác Mặt trận"],
    )
    station_b = _sync(server, tmp_path / "b", ORG_B, pdfs, ["Kế hoạch đại đoàn kết toàn dân"])
    with httpx.Client(base_url=server.url, auth=SUPERVISOR) as http:
        hits = http.get("/v1/search", params={"q": "ke hoach"}).json()["hits"]
        assert {h["org"] for h in hits} == {ORG_A, ORG_B}
        assert (
            http.get("/v1/search", params={"q": "dai doan ket"}).json()["hits"][0]["org"] == ORG_B
        )
        exact = http.get("/v1/search", params={"q": "Số Hóa"}).json()["hits"]
        assert [h["subject"] for h in exact] == ["Kế hoạch số hóa tài liệu lưu trữ"]
        today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()
        days = http.get("/v1/stats/daily", params={"from": str(today), "to": str(today)}).json()
        counts = {d["org"]: d["documents"] for d in days["days"]}
        assert counts == {ORG_A: 2, ORG_B: 1}
    with httpx.Client(base_url=server.url, auth=station_b) as http:
        mine = http.get("/v1/search", params={"q": "ke hoach"}).json()["hits"]
        assert [h["org"] for h in mine] == [ORG_B]
        assert http.get("/v1/search", params={"org": ORG_A}).status_code == 403
        other = hits[0]["uuid"] if hits[0]["org"] == ORG_A else hits[1]["uuid"]
        assert http.get(f"/v1/documents/{other}").status_code == 404
        assert http.get(f"/v1/documents/{other}/versions/1/pdf").status_code == 404
    with httpx.Client(base_url=server.url, auth=station_a) as http:
        assert http.get(f"/v1/documents/{other}").json()["org"] == ORG_A
