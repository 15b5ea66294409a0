"""Shared pieces of the command line: exit codes, argument types, sub-command creation."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

EXIT_CODES = """exit codes:
  0    success
  1    unexpected error, or a check that found problems (fsck, verify, audit)
  2    bad command-line usage or option value (e.g. a dpi the scanner does not offer)
  3    bad input: unreadable, corrupt, encrypted, too large, or under 200 dpi with --strict
  4    device error (scanner not found, jam, empty feeder; token missing or locked)
  5    missing dependency (Tesseract or a language model: the message names the package)
  6    cannot write the output
  130  cancelled (Ctrl+C)
"""

Runner = Callable[[argparse.Namespace], Any]


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    run: Runner,
) -> argparse.ArgumentParser:
    """Add a sub-command whose `run(args)` main() calls; its help lists the exit codes."""
    parser = commands.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser
