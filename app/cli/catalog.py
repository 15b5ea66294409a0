"""Catalog commands: set up, file documents, search, history, fsck, audit, export and import."""

from __future__ import annotations

import argparse
import getpass
import json
import os
from pathlib import Path
from typing import Any, TypeAlias

from platformdirs import user_data_path

from app.catalog import dates, pdfinfo, profiles
from app.catalog.models import Document, Role, SearchFilters, State, User
from app.catalog.service import Catalog
from app.errors import InputError, UsageError
from app.extract.legacy import to_unicode

from .common import add_command

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def default_folder() -> Path:
    """The catalog folder: $SCANSTATION_CATALOG, else the user's data folder."""
    env = os.environ.get("SCANSTATION_CATALOG")
    return Path(env) if env else user_data_path("scanstation") / "catalog"


def catalog_option(parser: argparse.ArgumentParser) -> None:
    """Add `--catalog DIR` (read back with `catalog_folder`)."""
    parser.add_argument(
        "--catalog",
        type=Path,
        default=None,
        metavar="DIR",
        help="catalog folder (default: $SCANSTATION_CATALOG or the user data folder)",
    )


def catalog_folder(args: argparse.Namespace) -> Path:
    """The folder `--catalog` named, else the default one."""
    return Path(args.catalog or default_folder())


def open_catalog(args: argparse.Namespace) -> Catalog:
    """Open the catalog of `--catalog` (or the default folder)."""
    return Catalog.open(catalog_folder(args))


def _catalog_option(parser: argparse.ArgumentParser, *, user: bool = False) -> None:
    catalog_option(parser)
    if user:
        parser.add_argument("--user", required=True, help="who acts (recorded in the audit log)")


def _group(commands: Commands, name: str, help_text: str) -> Commands:
    parser = add_command(commands, name, help_text, lambda args: None)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")


def register(commands: Commands) -> None:
    """Add catalog, user, hoso, batch, add, edit, state, show, search, fsck, audit, export."""
    cat = _group(commands, "catalog", "set up the local archive catalog")
    init = add_command(cat, "init", "create the catalog for an organisation", _init)
    init.add_argument("--org-name", required=True)
    init.add_argument("--org-code", required=True, help="e.g. 000.00.00.G09")
    init.add_argument("--profile", default=profiles.DEFAULT_PROFILE, choices=profiles.available())
    _catalog_option(init)

    users = _group(commands, "user", "manage the station's users")
    user_add = add_command(
        users, "add", "add a user (password asked, or from --password-env)", _user_add
    )
    user_add.add_argument("name")
    user_add.add_argument("--role", action="append", required=True, choices=[r.value for r in Role])
    user_add.add_argument("--full-name", default="")
    user_add.add_argument("--password-env", metavar="VAR", help="read the password from $VAR")
    user_add.add_argument("--by", default="system", help="the admin creating the user")
    _catalog_option(user_add)
    _catalog_option(add_command(users, "list", "list the users, their roles and state", _user_list))
    for action, text in (("disable", "stop a user signing in"), ("enable", "let a user sign in")):
        toggle = add_command(users, action, text, _user_toggle)
        toggle.add_argument("name")
        toggle.add_argument("--by", required=True, help="the admin acting")
        _catalog_option(toggle)
    reset = add_command(
        users, "reset-password", "give a user a temporary password (changed at sign-in)", _reset
    )
    reset.add_argument("name")
    reset.add_argument("--password-env", metavar="VAR", help="read the password from $VAR")
    who = reset.add_mutually_exclusive_group(required=True)
    who.add_argument("--by", help="the admin acting")
    who.add_argument(
        "--recover-admin",
        action="store_true",
        help="no admin can sign in: reset the admin NAME from this console (audited)",
    )
    _catalog_option(reset)

    hoso = _group(commands, "hoso", "create and list hồ sơ")
    create = add_command(hoso, "create", "create a hồ sơ from a metadata JSON file", _hoso_create)
    create.add_argument("--meta", type=Path, required=True, metavar="META.json")
    create.add_argument("--notation", help="số và ký hiệu hồ sơ (default: the next number)")
    _catalog_option(create, user=True)
    _catalog_option(add_command(hoso, "list", "list every hồ sơ", _hoso_list))

    batch = _group(commands, "batch", "record and list scan batches")
    start = add_command(batch, "start", "record a new scan batch", _batch_start)
    start.add_argument("--device", required=True)
    start.add_argument("--settings", default="{}", help="scan settings as JSON")
    _catalog_option(start, user=True)
    _catalog_option(add_command(batch, "list", "list scan batches", _batch_list))

    add = add_command(commands, "add", "file a PDF as the next document of a hồ sơ", _add)
    add.add_argument("pdf", type=Path, metavar="PDF")
    add.add_argument("--hoso", required=True, metavar="FILECODE")
    add.add_argument("--meta", type=Path, required=True, metavar="META.json")
    add.add_argument("--batch", help="scan batch UUID")
    _catalog_option(add, user=True)

    edit = add_command(commands, "edit", "change a document's metadata", _edit)
    edit.add_argument("document", metavar="DOCCODE")
    edit.add_argument("--meta", type=Path, required=True, metavar="CHANGES.json")
    _catalog_option(edit, user=True)

    state = add_command(commands, "state", "move a document (indexed, approved, rejected…)", _state)
    state.add_argument("document", metavar="DOCCODE")
    state.add_argument("state", choices=[s.value for s in State])
    state.add_argument("--reason", default="")
    _catalog_option(state, user=True)

    show = add_command(commands, "show", "show a document and its history", _show)
    show.add_argument("document", metavar="DOCCODE")
    _catalog_option(show)

    search = add_command(commands, "search", "find documents (diacritics optional)", _search)
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--type", dest="type_name", help="typeName code, e.g. 10")
    search.add_argument("--from", dest="date_from", help="issued on or after DD/MM/YYYY")
    search.add_argument("--to", dest="date_to", help="issued on or before DD/MM/YYYY")
    search.add_argument("--hoso", metavar="FILECODE")
    search.add_argument("--state", choices=[s.value for s in State])
    search.add_argument("--clerk")
    search.add_argument("--limit", type=int, default=20)
    _catalog_option(search)

    fsck = add_command(commands, "fsck", "check every stored file against the catalog", _fsck)
    fsck.add_argument("--repair", action="store_true", help="fix what is safe to fix")
    _catalog_option(fsck)

    audit = _group(commands, "audit", "the hash-chained audit log")
    _catalog_option(add_command(audit, "verify", "check the audit chain", _audit_verify))

    export = add_command(commands, "export", "write a hồ sơ as PDF + XML or as a SIP", _export)
    export.add_argument("file_code", metavar="FILECODE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="DIR_OR_ZIP")
    export.add_argument("--format", choices=("pdf-xml", "sip"), default="pdf-xml")
    export.add_argument("--for-network", action="store_true", help="a package to send upward")
    export.add_argument("--include-secret", action="store_true", help="local hand-over only")
    _catalog_option(export, user=True)

    imp = add_command(commands, "import-package", "read a SIP package into the catalog", _import)
    imp.add_argument("package", type=Path, metavar="ZIP")
    _catalog_option(imp, user=True)


def _read_json(path: Path) -> dict[str, Any]:
    """A JSON object of field → value; text typed in legacy TCVN3/VNI becomes Unicode NFC."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"Cannot read {path}: {err}", hint="Give a UTF-8 JSON object.") from err
    if not isinstance(data, dict):
        raise InputError(f"{path} must hold a JSON object of field → value.")
    return {k: to_unicode(v)[0] if isinstance(v, str) else v for k, v in data.items()}


def _date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return dates.parse_date(text, partial=False)
    except ValueError:
        raise UsageError(f"Bad date {text!r}.", hint="Write it as DD/MM/YYYY.") from None


def _print_document(doc: Document) -> None:
    secret = "  [MẬT]" if doc.secret else ""
    print(f"{doc.doc_code}{secret}\t{doc.state}\t{doc.file_name}")
    for tag, value in sorted(doc.metadata.items()):
        shown = dates.show(value) if tag.endswith("Date") and isinstance(value, str) else value
        print(f"  {tag}: {shown}")


def _init(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        org = catalog.init_organisation(args.org_name, args.org_code, args.profile)
        print(f"catalog for {org.name} ({org.code}), profile {org.profile}")


def _password(args: argparse.Namespace) -> str:
    """From $VAR when --password-env names one, else asked twice on the terminal."""
    if args.password_env:
        password = os.environ.get(args.password_env, "")
        if not password:
            raise UsageError(f"${args.password_env} is empty or not set.")
        return password
    password = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("The same again: ") != password:
        raise UsageError("The two passwords differ; nothing was changed. Run it again.")
    return password


def _user_add(args: argparse.Namespace) -> None:
    password = _password(args)
    with open_catalog(args) as catalog:
        user = catalog.add_user(
            args.name, args.role, password, full_name=args.full_name, by=args.by
        )
        print(f"user {user.name}: {', '.join(sorted(user.roles))}")


def _user_line(user: User) -> str:
    flags = ["disabled"] * user.disabled + ["must change password"] * user.must_change_password
    fields = [user.name, ",".join(sorted(user.roles)), user.full_name, " ".join(flags)]
    return "\t".join(fields).rstrip()  # no trailing tabs for the empty columns


def _user_list(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        for user in catalog.users():
            print(_user_line(user))


def _user_toggle(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        user = catalog.set_disabled(args.name, args.user_command == "disable", by=args.by)
        print(_user_line(user))


def _reset(args: argparse.Namespace) -> None:
    password = _password(args)
    with open_catalog(args) as catalog:
        if args.recover_admin:
            user = catalog.recover_admin(args.name, password)
        else:
            user = catalog.reset_password(args.name, password, by=args.by)
        print(_user_line(user))


def _hoso_create(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        hoso = catalog.create_hoso(_read_json(args.meta), args.user, notation=args.notation)
        print(hoso.file_code)


def _hoso_list(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        for hoso in catalog.list_hoso():
            flag = "  [MẬT]" if hoso.secret else ""
            print(f"{hoso.file_code}{flag}\t{hoso.title}")


def _batch_start(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        settings = json.loads(args.settings)
        print(catalog.start_batch(args.user, args.device, settings).uuid)


def _batch_list(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        for batch in catalog.list_batches():
            print(
                f"{batch.uuid}\t{batch.started_at}\t{batch.clerk}\t{batch.device}\t"
                f"{batch.documents} document(s)\t{json.dumps(batch.settings)}"
            )


def _add(args: argparse.Namespace) -> None:
    if not args.pdf.is_file():
        raise InputError(f"No such file: {args.pdf}")
    texts, legacy = _imported_texts(args.pdf)
    with open_catalog(args) as catalog:
        doc = catalog.add_document(
            args.pdf, _read_json(args.meta), args.user, args.batch, hoso=args.hoso,
            page_texts=texts,
        )
        print(doc.doc_code)
        if legacy:
            print(f"  note: text layer converted from {'/'.join(legacy).upper()} to Unicode")
        if doc.duplicate_of:
            print(f"  note: same file as {', '.join(doc.duplicate_of)} (stored once)")
        if doc.secret:
            print("  warning: văn bản MẬT — never leaves this machine over a network")


def _imported_texts(pdf: Path) -> tuple[list[str], list[str]]:
    """The PDF's text layer per page with legacy TCVN3/VNI text made Unicode; the encodings met."""
    converted = [to_unicode(text) for text in pdfinfo.page_texts(pdf)]
    return [text for text, _ in converted], sorted({enc for _, enc in converted if enc})


def _edit(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        _print_document(catalog.update_metadata(args.document, _read_json(args.meta), args.user))


def _state(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        doc = catalog.set_state(args.document, State(args.state), args.user, args.reason)
        print(f"{doc.doc_code}: {doc.state}")


def _show(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        doc = catalog.document(args.document)
        _print_document(doc)
        if doc.reason:
            print(f"  reason: {doc.reason}")
        for version in doc.files:
            print(f"  file v{version.version} {version.kind} {version.sha256} {version.size} B")
        print("history:")
        for entry in catalog.history(args.document):
            data = json.dumps(entry.data, ensure_ascii=False)
            print(f"  {entry.at}  {entry.user}  {entry.action}  {data}")


def _search(args: argparse.Namespace) -> None:
    filters = SearchFilters(
        type_name=args.type_name,
        date_from=_date(args.date_from),
        date_to=_date(args.date_to),
        hoso=args.hoso,
        state=State(args.state) if args.state else None,
        clerk=args.clerk,
    )
    with open_catalog(args) as catalog:
        hits = catalog.search(args.query, filters, args.limit)
        for hit in hits:
            secret = " [MẬT]" if hit.secret else ""
            print(
                f"{hit.doc_code}{secret}\t{dates.show(hit.issued_date)}\t{hit.state}\t{hit.subject}"
            )
        if not hits:
            print("no document found")


def _fsck(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        report = catalog.fsck(repair=args.repair)
    for label, items in (
        ("missing file", report.missing),
        ("hash mismatch", report.mismatched),
        ("database", report.db_errors),
        ("orphan file", [str(p) for p in report.orphans]),
        ("temp file", [str(p) for p in report.temp_files]),
        ("repaired", report.repaired),
    ):
        for item in items:
            print(f"{label}: {item}")
    print(
        f"{report.checked} file(s) checked: "
        + (
            "clean"
            if report.clean
            else "consistent, leftovers only"
            if report.consistent
            else "PROBLEMS FOUND"
        )
    )
    return 1 if report.problems and not (report.consistent and args.repair) else 0


def _audit_verify(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        problems = catalog.audit_verify()
    for problem in problems:
        print(problem)
    print("audit log intact" if not problems else f"{len(problems)} problem(s) in the audit log")
    return 1 if problems else 0


def _export(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        out = catalog.export(
            args.file_code,
            args.output,
            args.user,
            fmt=args.format,
            for_network=args.for_network,
            include_secret=args.include_secret,
        )
        print(out)


def _import(args: argparse.Namespace) -> None:
    with open_catalog(args) as catalog:
        hoso = catalog.import_package(args.package, args.user)
        print(f"{hoso.file_code}: {len(catalog.documents(hoso.file_code))} document(s) imported")
