"""Backup commands: `backup --to DIR`, `backup verify|status|policy`, and `restore`."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TypeAlias

from tqdm import tqdm

from app.backup import medium
from app.backup.progress import Report
from app.backup.restore import restore
from app.backup.status import freshness, record, record_written, show_date
from app.backup.verify import verify
from app.backup.write import DEFAULT_KEEP, backup
from app.catalog import backup_state
from app.catalog.db import DB_NAME
from app.errors import UsageError

from .catalog import catalog_folder, catalog_option, open_catalog
from .common import add_command, positive_int

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(commands: Commands) -> None:
    """Add `backup` (with verify, status, policy) and `restore`."""
    parser = add_command(
        commands,
        "backup",
        "copy the catalog, encrypted, to a backup drive (only new files are copied); "
        "keep two drives, each verified in the last 7 days",
        _backup,
    )
    _target(parser, required=False)
    parser.add_argument(
        "--keep", type=positive_int, default=DEFAULT_KEEP, help="backups kept per drive (2)"
    )
    parser.add_argument("--verify", action="store_true", help="verify the drive afterwards")
    catalog_option(parser)
    actions = parser.add_subparsers(dest="backup_command", metavar="ACTION")
    check = add_command(actions, "verify", "re-read and re-hash every backed up file", _verify)
    _target(check, required=True)
    catalog_option(check)
    status = add_command(actions, "status", "the backup drives and when each was verified",
                         _status)
    catalog_option(status)
    policy = add_command(actions, "policy", "how many drives, how fresh (doctor warns)", _policy)
    policy.add_argument("--max-age-days", type=positive_int)
    policy.add_argument("--drives", type=positive_int)
    catalog_option(policy)

    back = add_command(
        commands, "restore", "rebuild a catalog from a backup drive in a new folder", _restore
    )
    back.add_argument("--from", dest="source", type=Path, required=True, metavar="DIR")
    back.add_argument("--generation", type=positive_int, help="an older kept backup")
    _passphrase_option(back)
    catalog_option(back)


def _target(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--to", dest="target", type=Path, required=required, metavar="DIR",
                        help="the backup drive or folder")
    _passphrase_option(parser)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-env", metavar="VAR",
                        help="read the backup passphrase from $VAR (else it is asked)")


def _passphrase(args: argparse.Namespace, *, new: bool) -> str:
    """From $VAR or typed (twice for a new backup set); never echoed, stored or logged."""
    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env, "")
        if not value:
            raise UsageError(f"${args.passphrase_env} is empty or not set.")
        return value
    if not sys.stdin.isatty():
        raise UsageError("No passphrase: there is no terminal to ask it on.",
                         hint="Give --passphrase-env VAR.")
    value = getpass.getpass("Backup passphrase: ")
    if new and getpass.getpass("The same passphrase again: ") != value:
        raise UsageError("The two passphrases differ; nothing was written.")
    return value


class _Bar:
    """A byte progress bar on stderr (silent when not a terminal)."""

    def __init__(self, label: str) -> None:
        self.bar = tqdm(desc=label, unit="B", unit_scale=True, file=sys.stderr,
                        disable=not sys.stderr.isatty())

    def __call__(self, done: int, total: int, note: str) -> None:
        self.bar.total = total
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        self.bar.close()


def _with_bar(label: str) -> tuple[_Bar, Report]:
    bar = _Bar(label)
    return bar, bar


def _backup(args: argparse.Namespace) -> int:
    if args.target is None:
        raise UsageError("Say where to back up: --to DIR (the backup drive).")
    medium.check_target(args.target)
    passphrase = _passphrase(args, new=not medium.exists(args.target))
    with open_catalog(args) as catalog:
        bar, report = _with_bar("backup")
        try:
            done = backup(catalog, args.target, passphrase, keep=args.keep, report=report)
        finally:
            bar.close()
        record_written(catalog, done)
        print(
            f"backup {done.generation} written to {done.folder}: {done.documents} document(s), "
            f"{done.files} file(s), {done.new_files} new ({done.new_bytes} bytes)"
        )
        if done.dropped:
            print(f"  older backups removed: {', '.join(map(str, done.dropped))}")
        if done.same_disk:
            print("  warning: this folder is on the catalog's own disk; it is not an "
                  "independent medium (use a USB disk or an external drive)", file=sys.stderr)
        if args.verify:
            return _verified(args, passphrase)
    return 0


def _verify(args: argparse.Namespace) -> int:
    return _verified(args, _passphrase(args, new=False))


def _verified(args: argparse.Namespace, passphrase: str) -> int:
    bar, report = _with_bar("verify")
    try:
        found = verify(args.target, passphrase, report=report)
    finally:
        bar.close()
    for damage in found.damaged:
        print(f"DAMAGED {damage.file}: {', '.join(damage.paths)}: {damage.why}")
    rate = found.bytes / found.seconds / 1e6 if found.seconds else 0.0
    print(
        f"{found.files} file(s), {found.bytes} bytes checked in {found.seconds:.1f} s "
        f"({rate:.0f} MB/s); generations {', '.join(map(str, found.generations)) or 'none'}; "
        + ("all intact" if found.ok else "PROBLEMS FOUND")
    )
    folder = catalog_folder(args)
    if (folder / DB_NAME).is_file():
        with open_catalog(args) as catalog:
            changed = record(catalog, args.target, found)
        if changed:
            print(f"riskRecoveryStatus updated on {len(changed)} hồ sơ")
    return 0 if found.ok else 1


def _status(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        state = freshness(catalog)
    fresh = {t.id for t in state.fresh}
    for target in (*state.fresh, *state.stale):
        verified = show_date(target.verified_at) or "never"
        mark = "ok" if target.id in fresh else "STALE"
        print(f"{mark}\t{target.path}\twritten {show_date(target.written_at)} "
              f"(backup {target.generation})\tverified {verified}"
              + (f"\t{target.problem}" if target.problem else ""))
    print(f"Sao lưu lần cuối: {show_date(state.last) or 'chưa có'}; "
          f"{len(state.fresh)} of {state.policy.targets} drive(s) verified within "
          f"{state.policy.max_age_days} days")
    return 0 if state.enough else 1


def _policy(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        current = backup_state.policy(catalog)
        chosen = backup_state.Policy(
            max_age_days=args.max_age_days or current.max_age_days,
            targets=args.drives or current.targets,
        )
        backup_state.set_policy(catalog, chosen)
    print(f"{chosen.targets} drive(s), each verified within {chosen.max_age_days} days")


def _restore(args: argparse.Namespace) -> None:
    if args.catalog is None:
        raise UsageError("Say where to restore: --catalog NEWDIR (a new or empty folder).")
    passphrase = _passphrase(args, new=False)
    bar, report = _with_bar("restore")
    try:
        done = restore(args.source, args.catalog, passphrase, generation=args.generation,
                       report=report)
    finally:
        bar.close()
    print(f"restored backup {done.generation} of {show_date(done.created_at)} into "
          f"{done.folder}: {done.documents} document(s), {done.files} file(s); fsck and audit "
          "verify passed")
