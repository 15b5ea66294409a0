"""`make run-server`: a local PostgreSQL, the demo CA, demo documents, then the server."""

from __future__ import annotations

import atexit
import os
import shutil
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from .auth import hash_password, issue_code
from .config import Config, Supervisor
from .db import Pool, create_schema
from .democa import PASSWORD, WARNING, ensure_demo_ca, load_signer
from .localpg import LocalPostgres
from .localweed import Seaweed
from .s3store import S3Settings, S3Store

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

DEMO_ORG = "000.00.00.G09"
OTHER_ORG = "000.00.00.H10"
PROVINCE = "000.00.00.T01"
NAMES = {
    DEMO_ORG: "Ủy ban MTTQ Việt Nam quận Ba Đình (demo)",
    OTHER_ORG: "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm (demo)",
}
PASSWORD_HINT = "demo-password"


def _seed(config: Config, url: str, signer: SimpleSigner, folder: Path) -> None:
    """Wait for the server, then send the demo stations' documents through the API."""
    from .demo_data import send_station

    for _ in range(300):
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    pool = Pool(config.dsn, 1)
    try:
        for count, org in ((5, DEMO_ORG), (3, OTHER_ORG)):
            code = issue_code(pool, config, org)
            sent = send_station(url, code, org, NAMES[org], signer, folder / org, count)
            print(f"Demo station {org}: {sent} signed documents sent.")
    finally:
        pool.close()
        shutil.rmtree(folder, ignore_errors=True)


def run_demo(folder: Path, port: int, storage: str = "file") -> int:
    """Start (or reuse) the demo cluster, print an enrollment code and serve on 127.0.0.1;
    with `storage="s3"` the files go to a local SeaweedFS in `folder/seaweed`.

    The PostgreSQL cluster lives in ./.pgdata; the demo configuration trusts the demo CA
    (server/democa.py, for testing only); demo documents come from two district stations (first
    start only); the web catalog is served over plain http (stations accept http:// for this machine
    only).
    """
    import uvicorn

    from .app import create_app
    from .demo_data import work_folder

    folder = folder.resolve()
    cluster = LocalPostgres(folder / "postgres").start()
    atexit.register(cluster.stop)
    s3, weed = None, None
    if storage == "s3":  # blobs and partial uploads in a local SeaweedFS
        weed = Seaweed(folder / "seaweed").start()
        os.environ.update(weed.environment())
        s3 = S3Settings(weed.endpoint, "scanstation")
        S3Store(s3).ensure_bucket()
        print(f"Object storage: SeaweedFS S3 at {weed.endpoint}, bucket scanstation")
    config = Config(
        dsn=cluster.ensure_database("scanstation"),
        storage=folder / "storage",
        port=port,
        orgs=dict(NAMES),
        org_parents={DEMO_ORG: PROVINCE, OTHER_ORG: PROVINCE},
        org_names={PROVINCE: "Ủy ban MTTQ Việt Nam thành phố Hà Nội (demo)"},
        s3=s3,
    )
    pool = Pool(config.dsn, 2)
    create_schema(pool)
    with pool.connection() as conn:
        empty = conn.execute("SELECT count(*) FROM document").fetchone() == (0,)
    code = issue_code(pool, config, DEMO_ORG)
    pool.close()
    ca = ensure_demo_ca(folder / "demo-ca", "Ủy ban MTTQ Việt Nam (demo)")
    url = f"http://127.0.0.1:{port}"
    print(f"Demo server on {url}  (web catalog: {url}/web/, OpenAPI: /docs)")
    print("  plain http is for this demo on 127.0.0.1 only: stations refuse http:// elsewhere")
    print(f"Demo CA — {WARNING}: never trust it or sign a real document with it.")
    print(f"  trust root of this server: {ca.root_pem}")
    print(f"  signing key for a station: {ca.signer_p12} (password {PASSWORD!r})")
    print(f"  scanstation sign --pkcs12 {ca.signer_p12} ... (then sync as usual)")
    print(f"Enrollment code for {DEMO_ORG}: {code}")
    print(f"  scanstation sync enroll --server {url} --code {code}")
    print(f"Web catalog: tinh / '{PASSWORD_HINT}' (every organisation), ba-dinh / same password")
    print("  (only quận Ba Đình).")
    hashed = hash_password(PASSWORD_HINT)
    demo_config = Config(
        **{
            **config.__dict__,
            "trust_roots": (ca.root_pem,),
            "supervisors": (
                Supervisor("tinh", hashed),
                Supervisor("ba-dinh", hashed, (DEMO_ORG,)),
            ),
        }
    )
    if empty:
        threading.Thread(
            target=_seed, args=(demo_config, url, load_signer(ca), work_folder()), daemon=True
        ).start()
    try:
        uvicorn.run(create_app(demo_config), host="127.0.0.1", port=port, log_level="warning")
    finally:
        if weed is not None:
            weed.stop()
    return 0
