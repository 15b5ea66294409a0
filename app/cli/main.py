"""`scanstation`: the command line; each command group lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.errors import StationError
from app.logs import setup_logging
from app.pipeline.runner import stop_worker_server

from . import backup, capture, catalog, doctor, extract, report, signing, sync
from .common import EXIT_CODES

COMMAND_GROUPS = (capture, extract, catalog, signing, sync, doctor, backup, report)


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar, gathered from every command group."""
    parser = argparse.ArgumentParser(
        prog="scanstation",
        description="Scanning station: scan or convert paper records to searchable PDF/A-2b, "
        "and file, sign and search them.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"scanstation {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    args = build_parser().parse_args(argv)
    setup_logging()
    try:
        code = args.run(args)
    except StationError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("cancelled; nothing was written.", file=sys.stderr)
        return 130
    finally:
        stop_worker_server()  # the pools' forkserver would outlive the command
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
