"""`scanstation doctor`: check the station, say the exact fix, and write a support bundle."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.atomic import check_output_folder
from app.doctor import LANGUAGES, Context, failed, run_checks
from app.doctor.bundle import desk_settings_file, write_bundle
from app.doctor.report import as_json, as_text
from app.errors import OutputError
from app.logs import log_folder

from .catalog import catalog_folder, catalog_option
from .common import add_command

HELP = (
    "check Tesseract (vie), scanners, signing tokens, fonts, disk space, the catalog and the "
    "server, and say how to fix each problem; exit 1 when something stops the station"
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `doctor`."""
    doctor = add_command(commands, "doctor", HELP, _run)
    doctor.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=LANGUAGES[0],
        help="language of the report (default: vi, Vietnamese)",
    )
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    catalog_option(doctor)
    doctor.add_argument(
        "--bundle",
        type=Path,
        metavar="FILE.zip",
        help="also write a zip for support: logs, settings and sync config with secrets "
        "removed, this report and the versions",
    )


def _run(args: argparse.Namespace) -> int:
    bundle: Path | None = args.bundle
    if bundle is not None:  # refuse a bad path before spending time on the checks
        if bundle.is_dir():
            raise OutputError(
                f"{bundle} is a folder.", hint="Give a file name, e.g. --bundle hotro.zip"
            )
        check_output_folder(bundle)
    ctx = Context(catalog_folder(args))
    results = run_checks(ctx)
    if args.json:
        print(json.dumps(as_json(results, args.lang), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(as_text(results, args.lang))
    if bundle is not None:
        names = write_bundle(
            bundle, results, ctx, logs=log_folder(), settings=desk_settings_file()
        )
        done = (
            f"Đã ghi gói hỗ trợ {bundle} ({len(names)} tệp, đã xóa mật khẩu, mã PIN và khóa)."
            if args.lang == "vi"
            else f"Wrote the support bundle {bundle} ({len(names)} files; passwords, PINs and "
            "keys removed)."
        )
        print(done, file=sys.stderr if args.json else sys.stdout)
    return 1 if failed(results) else 0
