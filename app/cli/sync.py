"""`scanstation sync`: enroll with the central server and send the outbox upward."""

from __future__ import annotations

import argparse
import platform
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from app.signing.trust import load_roots
from app.sync import credentials
from app.sync.client import SyncClient, enroll
from app.sync.longterm import Extender, LtvOptions
from app.sync.throttle import TokenBucket
from app.sync.worker import SyncEvent, SyncWorker, WorkerOptions

from .catalog import catalog_option, open_catalog
from .common import add_command, positive_int


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `sync` (with `enroll`, `status` and `retry`)."""
    sync = add_command(commands, "sync", "send signed documents to the central server", _run)
    catalog_option(sync)
    sync.add_argument("--once", action="store_true", help="one pass, then exit")
    sync.add_argument("--parallel", type=positive_int, default=4, help="uploads at once")
    sync.add_argument("--max-kbps", type=positive_int, help="bandwidth cap in kilobytes/s")
    sync.add_argument(
        "--retries", type=positive_int, default=5, help="with --once: failed tries before giving up"
    )
    sync.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CERTS",
        help="more trust roots (PEM/DER file or folder) for the B-LT extension",
    )
    sync.add_argument("--tsa", help="RFC 3161 timestamp server: B-LTA before upload")
    sync.add_argument(
        "--ltv-wait-hours",
        type=float,
        default=72.0,
        help="how long a document waits for an unreachable CA before it goes up without B-LT",
    )
    sync.add_argument(
        "--no-ltv", action="store_true", help="send signatures as they are (no B-LT extension)"
    )
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    join = actions.add_parser("enroll", help="enroll this station with a one-time code")
    catalog_option(join)
    join.add_argument("--server", required=True, help="e.g. https://lưu-trữ.tỉnh.vn:8443")
    join.add_argument("--code", required=True, help="the one-time code from the server admin")
    join.add_argument("--name", default=platform.node(), help="this station's name")
    join.add_argument("--ca-file", default="", help="PEM bundle to trust for the server's TLS")
    join.set_defaults(run=_enroll)
    status = actions.add_parser("status", help="outbox counts, or one document's sync state")
    catalog_option(status)
    status.add_argument("document", nargs="?", help="a docCode or UUID")
    status.set_defaults(run=_status)
    retry = actions.add_parser("retry", help="queue again the items the server refused")
    catalog_option(retry)
    retry.set_defaults(run=_retry)


def _enroll(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        made = enroll(args.server, args.code, args.name, args.ca_file)
        path = credentials.save(catalog.folder, made)
    print(f"enrolled as station {made.station_id} of {made.org}; credentials in {path} (0600)")
    return 0


def _status(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        if args.document:
            item = catalog.outbox.status(args.document)
            if item is None:
                print(f"{args.document}: not in the outbox")
                return 0
            line = f"{item.doc_code}: {item.state}"
            if item.server_id:
                line += f" (server id {item.server_id}, {item.receipt.get('received_at', '')})"
            if item.error:
                line += f" — {item.error}"
            print(line)
            return 0
        for state, count in catalog.outbox.summary().items():
            print(f"{state:8} {count}")
    return 0


def _retry(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        print(f"{catalog.outbox.retry_failed()} item(s) queued again")
    return 0


def _print(event: SyncEvent) -> None:
    if event.kind != "retrying" or "connection" not in event.message:
        print(f"{event.kind:11} {event.doc_code} {event.message}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        creds = credentials.load(catalog.folder)
        bucket = TokenBucket(args.max_kbps * 1024) if args.max_kbps else None
        client = SyncClient(creds, bucket=bucket, connections=args.parallel)
        options = WorkerOptions(
            parallel=args.parallel, backoff_base=0.5, give_up_after=args.retries
        )
        extender = None
        if not args.no_ltv:
            roots = tuple(load_roots(args.trust))
            extender = Extender(catalog, LtvOptions(roots, args.tsa, args.ltv_wait_hours))
        worker = SyncWorker(catalog, client, options, _print, extender)
        try:
            if args.once:
                report = worker.run_once()
                print(
                    f"sent {report.sent}, refused by the server {report.failed}, "
                    f"kept back {report.refused}, extended to B-LT {report.extended}"
                    + (
                        f", waiting for the CA {report.deferred} (next pass)"
                        if report.deferred
                        else ""
                    )
                    + (" — server unreachable, will retry" if report.unreachable else "")
                )
                return 1 if report.failed or report.unreachable or report.deferred else 0
            stop = threading.Event()

            def interrupted(signum: int, frame: FrameType | None) -> None:
                stop.set()

            signal.signal(signal.SIGINT, interrupted)
            signal.signal(signal.SIGTERM, interrupted)
            worker.run(stop)
            return 0
        finally:
            client.close()
