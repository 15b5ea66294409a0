"""`scanstation-server`: run the central catalog, issue enrollment codes, revoke stations."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import Config, load
from .db import Pool, create_schema
from .errors import ApiError, ConfigError

DEFAULT_CONFIG = Path("server.toml")


def _serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from .app import CONFIG_ENV

    config = load(args.config)
    os.environ[CONFIG_ENV] = str(args.config.resolve())  # read again by every worker process
    uvicorn.run(
        "server.app:from_environment",
        factory=True,
        workers=config.workers,
        host=config.host,
        port=config.port,
        ssl_certfile=str(config.tls_cert) if config.tls_cert else None,
        ssl_keyfile=str(config.tls_key) if config.tls_key else None,
        log_level=args.log_level,
        timeout_keep_alive=30,
    )
    return 0


def _pool(args: argparse.Namespace) -> tuple[Config, Pool]:
    config = load(args.config)
    pool = Pool(config.dsn, 2)
    create_schema(pool)
    return config, pool


def _enroll_code(args: argparse.Namespace) -> int:
    from .auth import issue_code

    config, pool = _pool(args)
    print(issue_code(pool, config, args.org))
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from .auth import revoke

    _, pool = _pool(args)
    if not revoke(pool, args.station):
        print(f"error: no active station {args.station}", file=sys.stderr)
        return 3
    print(f"revoked {args.station}")
    return 0


def _stations(args: argparse.Namespace) -> int:
    _, pool = _pool(args)
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT id, org, name, expires_at, revoked_at FROM station ORDER BY created_at"
        ).fetchall()
    for row in rows:
        state = "revoked" if row[4] else f"valid until {row[3]:%Y-%m-%d}"
        print(f"{row[0]}  {row[1]}  {row[2]}  {state}")
    return 0


def _hash_password(args: argparse.Namespace) -> int:
    import getpass

    from .auth import hash_password

    print(hash_password(getpass.getpass("Password: ")))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    return run_demo(args.folder, args.port, args.storage)


def _report(args: argparse.Namespace) -> int:
    import dataclasses

    from app.reports import period

    from .backends import storage
    from .reports import facts, service
    from .reports.orgtree import OrgTree

    try:
        chosen = period.parse(args.period)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    config, pool = _pool(args)
    if args.org and args.org not in OrgTree.from_config(config).names:
        print(
            f"error: đơn vị {args.org} không có trong [orgs]/[org_names] của cấu hình.",
            file=sys.stderr,
        )
        return 2
    facts.create_schema(pool)
    built = service.report(pool, storage(config, pool)[0], config, chosen, None, args.org)
    header = service.default_header(config, args.org)
    header = dataclasses.replace(
        header,
        issuer=args.issuer or header.issuer,
        number=args.number,
        place=args.place,
        signer_name=args.signer,
    )
    out = args.out or Path(
        f"bao-cao-{chosen.code}{'-' + args.org if args.org else ''}.{args.format}"
    )
    out.write_bytes(service.render(built, header, args.format))
    print(
        f"{out}  ({len(built.lines)} đơn vị, {built.total['documents']} tài liệu, "
        f"{built.total['pages']} trang)"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scanstation-server", description="The central catalog server for district stations."
    )
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="server.toml")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    serve = commands.add_parser("serve", help="run the server (the default)")
    serve.add_argument("--log-level", default="warning")
    serve.set_defaults(run=_serve)
    code = commands.add_parser("enroll-code", help="print a one-time enrollment code")
    code.add_argument("--org", required=True, help="organisation code, e.g. 000.00.00.G09")
    code.set_defaults(run=_enroll_code)
    revoke = commands.add_parser("revoke-station", help="revoke a station's credential")
    revoke.add_argument("station", help="the station id")
    revoke.set_defaults(run=_revoke)
    commands.add_parser("stations", help="list stations").set_defaults(run=_stations)
    commands.add_parser(
        "hash-password", help="argon2 hash for a [[supervisors]] entry"
    ).set_defaults(run=_hash_password)
    report = commands.add_parser(
        "report", help="periodic report per organisation (month, quarter, half-year, year)"
    )
    report.add_argument("--period", required=True, help="2026-11, 2026-Q4, 2026-H2 or 2026")
    report.add_argument("--org", default="", help="only this organisation and those below it")
    report.add_argument("--format", choices=("xlsx", "pdf"), default="pdf")
    report.add_argument("-o", "--out", type=Path, help="file to write (default bao-cao-…)")
    report.add_argument("--number", default="", help='the report\'s number, e.g. "12/BC-MTTQ"')
    report.add_argument("--place", default="", help="place before the date, e.g. Hà Nội")
    report.add_argument("--issuer", default="", help="the reporting organisation's name")
    report.add_argument("--signer", default="", help="the signer's full name")
    report.set_defaults(run=_report)
    demo = commands.add_parser("demo", help="local PostgreSQL + demo config, then serve")
    demo.add_argument("--folder", type=Path, default=Path(".pgdata"))
    demo.add_argument("--port", type=int, default=8080)
    demo.add_argument(
        "--storage", choices=("file", "s3"), default="file", help="s3: a local SeaweedFS"
    )
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command (`serve` when none is given); return the exit code."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        args.run, args.log_level = _serve, "warning"
    try:
        return int(args.run(args))
    except (ConfigError, ApiError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
