"""Every hostile package through the server's real HTTP API (PostgreSQL, one worker)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from app.sync.client import enroll
from app.sync.credentials import Credentials
from testkit.serverproc import ORG_A, ORG_B, ServerProcess, start_server
from testkit.signing import PdfSigner
from tests.exchange.bomb import write_bomb
from tests.exchange.conftest import Genuine, context, tree
from tests.exchange.packages import CASES, Case, build

GiB = 1 << 30
TABLES = ("package", "document", "version", "upload")


@dataclass
class Setting:
    base: Path  # the server folder (config, storage) and the canary beside it
    server: ServerProcess
    station_a: Credentials
    station_b: Credentials
    first: dict[str, object]  # the receipt of the genuine package uploaded first


@pytest.fixture(scope="module")
def setting(
    signer: PdfSigner, genuine: Genuine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Setting]:
    base = tmp_path_factory.mktemp("hostile")
    server = start_server(base / "server", signer.root_pem, max_mib=16)
    try:
        a = enroll(server.url, server.enroll_code(ORG_A), "tram-a")
        b = enroll(server.url, server.enroll_code(ORG_B), "tram-b")
        first = _upload(server, a, genuine.network)
        assert first.status_code == 200, first.text
        yield Setting(base, server, a, b, first.json())
    finally:
        server.stop()


def _upload(server: ServerProcess, creds: Credentials, data: bytes | Path) -> httpx.Response:
    size = data.stat().st_size if isinstance(data, Path) else len(data)
    digest = hashlib.sha256(data.read_bytes() if isinstance(data, Path) else data).hexdigest()
    auth = (creds.station_id, creds.secret)
    with httpx.Client(base_url=server.url, auth=auth, timeout=120) as http:
        start = http.post("/v1/uploads", json={"sha256": digest, "size": size})
        if start.status_code != 201:
            return start
        uid = start.json()["upload_id"]
        body = data.open("rb") if isinstance(data, Path) else data
        sent = http.patch(f"/v1/uploads/{uid}", content=body, headers={"Upload-Offset": "0"})
        assert sent.status_code == 204, sent.text
        return http.post(f"/v1/uploads/{uid}/complete")


def _state(setting: Setting) -> tuple[dict[str, str], list[int]]:
    files = tree(setting.base, skip=("server.log",))
    rows = [int(setting.server.sql(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES]  # type: ignore[call-overload]
    return files, rows


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_package_is_refused_and_nothing_is_kept(
    case: Case, setting: Setting, genuine: Genuine, tmp_path: Path
) -> None:
    """A 4xx with a machine-readable reason, no file outside storage, no blob changed, no row."""
    limits = setting.server.config.package_limits
    ctx = context(setting.base / "canary", genuine.signed_sha, limits)
    data = build(case, genuine.network, ctx)
    before = _state(setting)
    sender = setting.station_b if case.name == "replayed_by_other_org" else setting.station_a
    answer = _upload(setting.server, sender, data)
    assert answer.status_code == case.status, answer.text
    assert answer.json()["error"] in case.reasons, answer.text
    assert str(setting.base) not in answer.json()["message"].replace(str(ctx.canary), "")
    assert _state(setting) == before  # no file anywhere, no blob changed, no row, no spool
    assert not any(ctx.canary.iterdir())


def test_a_replay_after_the_refusals_still_downloads_the_genuine_pdf(
    setting: Setting, genuine: Genuine, pdfs: tuple[Path, Path]
) -> None:
    doc = setting.first["documents"][0]  # type: ignore[index]
    auth = (setting.station_a.station_id, setting.station_a.secret)
    with httpx.Client(base_url=setting.server.url, auth=auth) as http:
        pdf = http.get(f"/v1/documents/{doc['uuid']}/versions/1/pdf")
    assert pdf.status_code == 200 and pdf.headers["X-Signature-Valid"] == "true"
    assert pdf.content == pdfs[1].read_bytes()
    second = _upload(setting.server, setting.station_a, genuine.network_second)
    assert second.status_code == 200, second.text  # the station goes on with its next package


def _peak_rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


def test_a_10_gib_zip_bomb_is_refused_in_little_memory(
    setting: Setting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert setting.server.process is not None
    before = _state(setting)
    bomb = write_bomb(tmp_path / "bomb.zip", "R/representations/rep1/data/x.pdf", 10 * GiB)
    pid = setting.server.process.pid
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # peak RSS from now on (Linux)
    baseline = _peak_rss(pid)
    answer = _upload(setting.server, setting.station_a, bomb)
    assert answer.status_code == 413 and answer.json()["error"] == "entry_too_large"
    peak = _peak_rss(pid)
    with capsys.disabled():
        print(
            f"\n10 GiB zip bomb ({bomb.stat().st_size} bytes) refused; server peak RSS "
            f"{peak / 2**20:.0f} MiB (resident before: {baseline / 2**20:.0f} MiB)"
        )
    assert peak < 300 * 2**20
    assert _state(setting) == before
