"""Signing commands: list tokens, sign copies with the office key, verify, extend to B-LT."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from asn1crypto.x509 import Certificate  # type: ignore[import-untyped]

from app.errors import OutputError, UsageError
from app.signing.appearance import Appearance
from app.signing.batch import BatchResult, DocumentResult, sign_batch
from app.signing.certs import CertificateInfo, SigningKey
from app.signing.errors import TokenRemoved
from app.signing.ltv import LtExtender
from app.signing.pkcs12 import Pkcs12Key
from app.signing.sign import SignOptions
from app.signing.token import PinPrompter, PinRequest, TokenSession, list_tokens
from app.signing.trust import load_roots
from app.signing.verify import VerifyReport, verify_file

from .common import add_command


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `tokens`, `sign`, `verify` and `extend`."""
    tokens = add_command(commands, "tokens", "list PKCS#11 tokens and their certificates", _tokens)
    tokens.add_argument("--pkcs11-module", type=Path, help="the token's PKCS#11 module")

    sign = add_command(commands, "sign", "sign PDF/A copies with the office key (PAdES)", _sign)
    sign.add_argument("inputs", nargs="+", type=Path, metavar="IN.pdf")
    sign.add_argument("-o", "--output-dir", type=Path, help="folder for the signed copies")
    sign.add_argument("--in-place", action="store_true", help="replace each input once signed")
    key = sign.add_mutually_exclusive_group(required=True)
    key.add_argument("--token-label", help="the token's label (with --pkcs11-module)")
    key.add_argument("--pkcs12", type=Path, metavar="FILE", help="a .pfx/.p12 file instead")
    sign.add_argument("--pkcs11-module", type=Path, help="default: probe known CA modules")
    which = sign.add_mutually_exclusive_group()
    which.add_argument("--key-label", help="the certificate/key label on the token")
    which.add_argument("--cert-serial", help="the certificate's serial number (hex)")
    sign.add_argument("--pin-env", metavar="VAR", help="read the PIN from this variable")
    sign.add_argument("--org", help="organisation name in the box (default: the cert's O=)")
    sign.add_argument("--seal", type=Path, help="older style: red seal PNG under the text")
    sign.add_argument("--tsa", metavar="URL", help="RFC 3161 timestamp server (PAdES B-T)")
    sign.add_argument("--pss", action="store_true", help="RSASSA-PSS instead of PKCS#1 v1.5")

    verify = add_command(commands, "verify", "check a signed PDF; exit 0 only if valid", _verify)
    _add_trust(verify)
    verify.add_argument("input", type=Path, metavar="FILE.pdf")
    verify.add_argument("--offline", action="store_true", help="do not fetch OCSP/CRL")

    extend = add_command(
        commands, "extend", "embed revocation data (B-LT) into signed files", _extend
    )
    _add_trust(extend)
    extend.add_argument("inputs", nargs="+", type=Path, metavar="FILE.pdf")
    extend.add_argument("--tsa", metavar="URL", help="also add a document timestamp (B-LTA)")


def _add_trust(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CERTS",
        help="extra trust roots: a PEM/DER file or a folder (repeatable)",
    )
    parser.add_argument(
        "--no-default-trust", action="store_true", help="ignore the configured trust bundle"
    )


def _roots(args: argparse.Namespace) -> list[Certificate]:
    return load_roots(args.trust, use_defaults=not args.no_default_trust)


def _describe(cert: CertificateInfo) -> str:
    usage = ", ".join(cert.key_usage) or "none"
    return (
        f"  [{cert.label or '-'}] {cert.subject}\n"
        f"      issuer {cert.issuer}; serial {cert.serial}; {cert.algorithm}\n"
        f"      valid {cert.not_before:%Y-%m-%d} to {cert.not_after:%Y-%m-%d}; key usage: {usage}"
    )


def _tokens(args: argparse.Namespace) -> None:
    for token in list_tokens(args.pkcs11_module):
        print(f"{token.label}\t{token.manufacturer} {token.model}\tserial {token.serial}")
        print(f"  status: {token.status}")
        for cert in token.certificates:
            if not cert.is_ca:
                print(_describe(cert))


def _prompter(variable: str | None) -> PinPrompter:
    def prompt(request: PinRequest) -> str | None:
        if variable is not None:
            if variable not in os.environ:
                raise UsageError(f"The variable {variable} is not set.", hint="Export the PIN.")
            return os.environ[variable]
        if request.warning:
            print(f"warning: {request.warning}", file=sys.stderr)
        try:
            return getpass.getpass(f"PIN for {request.token_label}: ")
        except EOFError:
            return None

    return prompt


def _print_result(result: DocumentResult) -> None:
    if result.status == "signed" and result.signed is not None:
        moved = " (box moved)" if result.signed.placement.moved else ""
        print(f"signed    {result.source} -> {result.output}{moved}")
    else:
        print(f"{result.status:<9} {result.source}: {result.message}")


def _sign(args: argparse.Namespace) -> int:
    if args.in_place and args.output_dir is not None:
        raise UsageError("Give either -o/--output-dir or --in-place, not both.")
    if args.output_dir is not None:
        _make_folder(args.output_dir)
    prompt = _prompter(args.pin_env)
    key: Pkcs12Key | TokenSession
    if args.pkcs12 is not None:
        key = Pkcs12Key(args.pkcs12, prompt, pss=args.pss)
    else:
        key = TokenSession(
            args.pkcs11_module,
            args.token_label,
            prompt,
            key_label=args.key_label,
            cert_serial=args.cert_serial,
            pss=args.pss,
        )
    with key:
        batch = _run_batch(key, args)
    print(
        f"{batch.count('signed')} signed, {batch.count('failed')} failed, "
        f"{batch.count('untouched')} untouched"
    )
    if batch.stopped:
        raise TokenRemoved(
            f"The batch stopped: {batch.stopped}; the documents signed so far are kept.",
            f"Dừng ký: {batch.stopped_vi}; các tài liệu đã ký được giữ nguyên.",
            hint="Insert the token and sign the untouched documents again.",
        )
    return 0 if batch.count("signed") == len(batch.results) else 1


def _make_folder(folder: Path) -> None:
    """Create the output folder (and its parents) as other tools do; refuse a file there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as err:
        raise UsageError(
            f"{folder} is a file, not a folder.", hint="Give a folder for the signed copies."
        ) from err
    except OSError as err:
        raise OutputError(
            f"Cannot create the folder {folder}: {err.strerror}.",
            hint="Choose a folder you can write to.",
        ) from err


def _organisation(key: SigningKey) -> str:
    for part in key.certificate.subject.split(","):
        name, _, value = part.partition("=")
        if name.strip() == "O":
            return value.strip()
    raise UsageError("The certificate names no organisation (O=).", hint="Give --org NAME.")


def _run_batch(key: SigningKey, args: argparse.Namespace) -> BatchResult:
    appearance = Appearance(args.org or _organisation(key), seal_png=args.seal)

    class _Print:
        def document_done(self, index: int, total: int, result: DocumentResult) -> None:
            _print_result(result)

    return sign_batch(
        args.inputs,
        key,
        SignOptions(appearance, tsa_url=args.tsa),
        out_dir=args.output_dir,
        in_place=args.in_place,
        progress=_Print(),
    )


def print_report(report: VerifyReport) -> None:
    """The verification report as text."""
    print(f"{report.path}: {'VALID' if report.valid else 'NOT VALID'}")
    for problem in report.problems:
        print(f"  problem: {problem}")
    for sig in report.signatures:
        print(f"  signature {sig.field}: {'valid' if sig.ok else 'NOT valid'}")
        print(f"    signer: {sig.signer}")
        print(f"    signing time: {sig.signing_time.isoformat() if sig.signing_time else '-'}")
        if sig.timestamp_time is not None:
            print(f"    timestamp: {sig.timestamp_time.isoformat()}")
        print(f"    integrity: {'intact' if sig.intact and sig.valid else 'BROKEN'}")
        print(f"    covers the whole file: {'yes' if sig.whole_file else 'no'}")
        print(f"    appended after signing: {sig.changes_after or 'nothing'}")
        print(f"    chain to trust roots: {'yes' if sig.trusted else 'no'}")
        print(f"    revocation: {sig.revocation}")
        for problem in sig.problems:
            print(f"    problem: {problem}")
        for warning in sig.warnings:
            print(f"    warning: {warning}")


def _verify(args: argparse.Namespace) -> int:
    report = verify_file(args.input, _roots(args), online=not args.offline)
    print_report(report)
    return 0 if report.valid else 1


def _extend(args: argparse.Namespace) -> None:
    extender = LtExtender(_roots(args), args.tsa)
    for path in args.inputs:
        result = extender.extend(path, unless_extended=True)
        if result is None:
            print(f"{path}: already carries validation data; left as it is")
        else:
            print(f"{result.path}: {result.level} ({result.signatures} signature(s))")
