"""`make run-server`: a local PostgreSQL in ./.pgdata, a demo configuration, then the server."""

from __future__ import annotations

import atexit
import dataclasses
from pathlib import Path

from .auth import hash_password, issue_code
from .config import Config, Supervisor
from .db import Pool, create_schema
from .localpg import LocalPostgres

DEMO_ORG = "000.00.00.G09"


def run_demo(folder: Path, port: int) -> int:
    """Start (or reuse) the demo cluster, print an enrollment code and serve on 127.0.0.1."""
    import uvicorn

    from .app import create_app

    folder = folder.resolve()
    cluster = LocalPostgres(folder / "postgres").start()
    atexit.register(cluster.stop)
    config = Config(
        dsn=cluster.ensure_database("scanstation"),
        storage=folder / "storage",
        port=port,
        orgs={DEMO_ORG: "Ủy ban MTTQ Việt Nam quận Ba Đình (demo)"},
    )
    pool = Pool(config.dsn, 2)
    create_schema(pool)
    code = issue_code(pool, config, DEMO_ORG)
    pool.close()
    print(f"Demo server on http://127.0.0.1:{port}  (OpenAPI: /docs, /openapi.json)")
    print(f"Enrollment code for {DEMO_ORG}: {code}")
    print(f"  scanstation sync enroll --server http://127.0.0.1:{port} --code {code}")
    print("Demo supervisor: tinh / password 'demo-password' (GET /v1/search, /v1/stats/daily)")
    supervisor = Supervisor("tinh", hash_password("demo-password"))
    demo_config = dataclasses.replace(config, supervisors=(supervisor,))
    uvicorn.run(create_app(demo_config), host="127.0.0.1", port=port, log_level="info")
    return 0
