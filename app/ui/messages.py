"""The core's errors worded in the desk's language, from their code and parameters."""

from __future__ import annotations

import datetime
import logging
import re

from PySide6.QtCore import QCoreApplication, QLocale

from app.errors import StationError
from app.ui.i18n import show_date, show_number
from app.ui.names import role_name, state_name

log = logging.getLogger(__name__)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


translate = QCoreApplication.translate


def _table() -> dict[str, str]:
    """Every code the core raises, with its message; `{name}` is a parameter of the error."""
    return {
        # the base classes: an error raised without a more precise code
        "error": translate("Messages", "The action could not be completed."),
        "usage": translate("Messages", "This action is not allowed as asked."),
        "input": translate("Messages", "A file or value could not be used."),
        "device": translate("Messages", "The device could not be used."),
        "dependency": translate(
            "Messages",
            "A program the station needs is missing. Ask the administrator to "
            "check the station (Health tab).",
        ),
        "output": translate(
            "Messages", "The result could not be written. Check the free disk space."
        ),
        "cancelled": translate("Messages", "Cancelled."),
        "output.no_folder": translate("Messages", "The folder {path} does not exist."),
        "output.not_writable": translate(
            "Messages", "The folder {path} cannot be written to. Ask the administrator for access."
        ),
        "output.write_failed": translate(
            "Messages", "{path} could not be written. Check the free disk space, then try again."
        ),
        # catalog and workflow
        "catalog.has_organisation": translate(
            "Messages", "This catalog already has an organisation."
        ),
        "catalog.not_initialised": translate(
            "Messages", "The station is not set up yet (no organisation)."
        ),
        "catalog.damaged": translate(
            "Messages",
            "The catalog database {path} is damaged. Leave it as it is; the "
            "administrator checks the station (Health tab) and restores the "
            "last backup.",
        ),
        "catalog.too_new": translate(
            "Messages",
            "This catalog was written by a newer version of the station "
            "(schema {found}; this one knows up to {latest}). Install that "
            "version; nothing was changed.",
        ),
        "user.incomplete": translate("Messages", "A user needs a name and at least one role."),
        "user.password_short": translate(
            "Messages", "The password must have at least {min} characters."
        ),
        "user.exists": translate("Messages", "The user {name} already exists."),
        "user.reserved": translate(
            "Messages", "The name {name} is reserved for the station itself; choose another."
        ),
        "user.not_admin": translate(
            "Messages", "{name} is not an administrator; an administrator resets the password."
        ),
        "user.wrong_password": translate("Messages", "Wrong user name or password."),
        "user.not_found": translate("Messages", "There is no user {name}."),
        "user.disabled": translate(
            "Messages",
            "The account {name} is disabled. Ask the station's administrator to enable it again.",
        ),
        "user.self_disable": translate(
            "Messages", "You cannot disable your own account; another administrator can."
        ),
        "user.last_admin": translate(
            "Messages",
            "{name} is the last enabled administrator: the station would have none. Add another "
            "administrator first.",
        ),
        "user.same_password": translate(
            "Messages", "The new password must differ from the current one."
        ),
        "role.required": translate("Messages", "{user} needs one of the roles {roles} for this."),
        "hoso.exists": translate("Messages", "The hồ sơ {code} already exists."),
        "hoso.not_found": translate("Messages", "There is no hồ sơ {code}."),
        "batch.not_found": translate("Messages", "There is no scan batch {batch}."),
        "document.not_found": translate("Messages", "There is no document {doc}."),
        "document.metadata_locked": translate(
            "Messages", "{doc} is {state}: its metadata can no longer change."
        ),
        "document.scan_locked": translate(
            "Messages",
            "{doc} is {state}: its scan can no longer be replaced. A "
            "supervisor must send it back first.",
        ),
        "document.not_signed": translate(
            "Messages", "{doc} is {state}: only an approved and signed document may be sent."
        ),
        "document.unreadable": translate(
            "Messages",
            "The filed document {path} cannot be read. Ask the administrator to check the catalog.",
        ),
        "page.unreadable": translate(
            "Messages", "The saved page {path} cannot be read; rescan the page."
        ),
        "state.transition": translate("Messages", "{doc} cannot go from “{from}” to “{to}”."),
        "state.role": translate("Messages", "{doc}: making it “{to}” needs the role {roles}."),
        "reject.no_reason": translate(
            "Messages", "Sending back needs a reason: say what the clerk must fix."
        ),
        "secret": translate("Messages", "A state secret never leaves this machine by network."),
        "secret.document": translate(
            "Messages",
            "{doc} is a state secret: it never leaves this machine by "
            "network. Hand it over on paper or by the approved secret "
            "channel.",
        ),
        "secret.hoso": translate(
            "Messages", "The hồ sơ {code} is marked secret: it never leaves this machine."
        ),
        "metadata.invalid": translate(
            "Messages",
            "The metadata is not valid ({count} problems):\n{problems}\n"
            "Fix these fields and try again.",
        ),
        "extension.not_signed": translate(
            "Messages", "{doc}: the newest file is not signed; there is nothing to extend."
        ),
        "pdf.unreadable": translate(
            "Messages", "{path} is not a readable PDF. Choose the PDF/A the station wrote."
        ),
        "store.write_failed": translate(
            "Messages",
            "{name} could not be stored. Check the free disk space in the catalog folder.",
        ),
        "profile.not_found": translate("Messages", "There is no metadata profile {profile}."),
        "export.folder_not_empty": translate(
            "Messages", "{path} already exists and is not empty. Choose a new folder."
        ),
        "export.no_folder": translate("Messages", "The folder {path} does not exist."),
        "export.format": translate("Messages", "Unknown export format {format}."),
        "import.numbering": translate(
            "Messages", "The document numbers in the package are not 1…n ({number})."
        ),
        "outbox.receipt_mismatch": translate(
            "Messages", "The receipt is for another package than outbox item {item}."
        ),
        "package.refused": translate(
            "Messages",
            "The package is refused ({reason}); nothing was imported. Ask "
            "the sender for a package the station exported.",
        ),
        # backup and restore
        "backup.passphrase": translate(
            "Messages",
            "The passphrase does not open this backup set. Type the "
            "office's backup passphrase exactly (letters, accents and case "
            "count).",
        ),
        "backup.passphrase_short": translate(
            "Messages",
            "A backup passphrase needs at least {min} characters. "
            "Choose a longer phrase the office keeps in a safe place; "
            "it cannot be recovered.",
        ),
        "backup.not_a_backup": translate(
            "Messages", "This folder holds no backup set this program can read."
        ),
        "backup.no_set": translate(
            "Messages",
            "There is no backup set in {path}. Choose the folder that holds it "
            "(usually the drive itself).",
        ),
        "backup.damaged": translate(
            "Messages",
            "The backup set is damaged. Restore an older backup, or use the other backup drive.",
        ),
        "backup.empty": translate(
            "Messages",
            "The backup set holds no finished backup. Run a backup to this drive "
            "first, or choose another drive.",
        ),
        "backup.target": translate(
            "Messages", "The backup drive cannot be used. Check that it is plugged in and writable."
        ),
        "backup.drive_full": translate(
            "Messages",
            "The backup drive is full ({path}). Use a larger drive, or a "
            "new one for this backup set; nothing was lost.",
        ),
        "backup.write_failed": translate(
            "Messages",
            "Cannot write to the backup drive {path}. Check that it is "
            "plugged in and not write-protected, then run the backup "
            "again. The previous backup on it is intact.",
        ),
        "backup.no_folder": translate(
            "Messages",
            "The backup folder {path} does not exist. Plug in the backup "
            "drive, then run the backup again.",
        ),
        "backup.not_writable": translate(
            "Messages",
            "The backup folder {path} is not writable. Choose a folder "
            "on a drive you may write to.",
        ),
        "backup.source_missing": translate(
            "Messages",
            "The catalog's file {path} is missing, so the backup stopped. Ask the administrator "
            "to check the catalog; the previous backup on the drive is untouched.",
        ),
        "backup.source_unreadable": translate(
            "Messages",
            "The catalog's file {path} cannot be read, so the backup stopped. Ask the "
            "administrator to check the catalog; the previous backup on the drive is untouched.",
        ),
        "backup.busy": translate(
            "Messages",
            "Another backup is writing to {path} right now. Wait for it to "
            "finish, then run the backup again.",
        ),
        "restore.no_generation": translate(
            "Messages", "There is no backup number {generation} in this set (kept: {kept})."
        ),
        "restore.not_a_folder": translate(
            "Messages", "{path} is a file, not a folder. Choose a new folder."
        ),
        "restore.folder_not_empty": translate(
            "Messages",
            "The folder {path} is not empty. Restore into a new or "
            "empty folder; nothing in this one was touched.",
        ),
        # scanner
        "scanner.list_failed": translate(
            "Messages", "The scanners could not be listed. Check the scanner set-up (Health tab)."
        ),
        "scanner.open_failed": translate(
            "Messages",
            "The scanner {device} could not be opened. Check that it is on and connected.",
        ),
        "scanner.driver_restarted": translate(
            "Messages", "The scanner driver was restarted. Scan again."
        ),
        "scanner.feeder_empty": translate(
            "Messages", "The document feeder is empty. Put the paper in the feeder and scan again."
        ),
        "scanner.option_refused": translate(
            "Messages", "The scanner refused the setting {option} = {value}."
        ),
        "scanner.interrupted": translate(
            "Messages",
            "The scan stopped after {pages} pages; they are kept. Scan the sheets not yet scanned.",
        ),
        "scanner.jammed": translate(
            "Messages",
            "The paper jammed in the feeder after {pages} pages; they are "
            "kept. Remove the jammed sheet, then scan the sheets not yet "
            "scanned.",
        ),
        "scanner.cover_open": translate(
            "Messages",
            "The scanner cover is open ({pages} pages kept). Close it, "
            "then scan the sheets not yet scanned.",
        ),
        "scanner.io": translate(
            "Messages",
            "The scanner stopped answering after {pages} pages; they are kept. "
            "Check the cable and power, then scan the sheets not yet scanned.",
        ),
        "scanner.busy": translate(
            "Messages",
            "The scanner is busy. Close other scanning programs, wait a moment and try again.",
        ),
        "scanner.cancelled": translate(
            "Messages", "The scan was cancelled on the scanner after {pages} pages; they are kept."
        ),
        "scanner.denied": translate(
            "Messages",
            "Access to the scanner was denied. Ask the administrator to give "
            "this user access to the scanner.",
        ),
        "scanner.memory": translate(
            "Messages",
            "The scanner driver ran out of memory. Use a lower resolution or a smaller page size.",
        ),
        "scanner.failed": translate(
            "Messages",
            "The scanner reported an error after {pages} pages ({detail}); "
            "they are kept. Check the scanner, then scan the sheets not yet "
            "scanned.",
        ),
        "scanner.stopped": translate(
            "Messages",
            "The scanner stopped responding. The pages already received are "
            "kept. Check the scanner's cable and power, then try again.",
        ),
        "scanner.lost": translate(
            "Messages",
            "The scanner stopped responding after {pages} pages; they are kept. "
            "Check the scanner's cable and power, then try again.",
        ),
        "scanner.driver_failed": translate(
            "Messages",
            "The scanner driver failed ({detail}). Check the cable and power, then scan again.",
        ),
        "scanner.driver_timeout": translate(
            "Messages",
            "The scanner did not answer within {seconds} s and its "
            "driver was stopped. Check the cable and power, then scan "
            "again; the pages already received are kept.",
        ),
        "scanner.unknown": translate(
            "Messages", "The scanner {device} is not known; choose one from the list."
        ),
        "scanner.dpi": translate(
            "Messages",
            "The scanner {device} cannot scan at {dpi} dpi; choose from {min} to {max} dpi.",
        ),
        "scanner.mode": translate(
            "Messages", "The scanner {device} has no such colour mode ({mode})."
        ),
        "scanner.source": translate(
            "Messages", "The scanner {device} has no such paper source ({source})."
        ),
        "scanner.duplex": translate(
            "Messages",
            "The scanner {device} cannot scan both sides this way: use its document feeder, "
            "or scan one side.",
        ),
        "scanner.max_pages": translate("Messages", "The number of pages must be at least 1."),
        "scanner.page_size": translate("Messages", "The page size is not a page."),
        "scanner.area": translate(
            "Messages",
            "The page is larger than what the scanner {device} can scan (up to {width}×{height} "
            "mm).",
        ),
        "scanner.sane_missing": translate(
            "Messages",
            "Scanner support (SANE) is missing on this computer. Ask "
            "the administrator to install it, or use the demo scanner.",
        ),
        "scanner.sane_failed": translate(
            "Messages",
            "Scanner support (SANE) could not start. Ask the "
            "administrator to check the station (Health tab).",
        ),
        # text recognition
        "ocr.missing": translate(
            "Messages",
            "Tesseract (text recognition) is not installed. Ask the "
            "administrator to install it, or choose “No OCR” in Settings.",
        ),
        "ocr.too_old": translate(
            "Messages",
            "Tesseract {version} is too old for the station. Ask the administrator to update it.",
        ),
        "ocr.no_language": translate(
            "Messages",
            "Tesseract has no model for {languages}. Ask the administrator to install it.",
        ),
        "ocr.failed": translate(
            "Messages",
            "Text recognition failed on a page. Ask the administrator to check "
            "the station (Health tab).",
        ),
        "ocr.timeout": translate(
            "Messages",
            "Text recognition took longer than {seconds} s on one page. Check the page image.",
        ),
        # signing
        "signing.token": translate("Messages", "The signing token cannot be used."),
        "signing.certificate": translate("Messages", "This certificate may not sign."),
        "signing.document": translate("Messages", "The document cannot be signed."),
        "signing.choice": translate("Messages", "The chosen token or certificate was not found."),
        "signing.network": translate(
            "Messages",
            "The station is offline: revocation data or a timestamp could "
            "not be fetched; the file was left as it was.",
        ),
        "signing.cancelled": translate("Messages", "Signing was cancelled."),
        "signing.token_locked": translate(
            "Messages",
            "The token {label} is locked: its PIN was entered wrongly too many times. Nothing "
            "was signed or changed. Ask whoever manages the office's token (its security "
            "officer, who holds the SO PIN or PUK) to unblock it, or the certification "
            "authority; then sign again.",
        ),
        "signing.module_load": translate(
            "Messages",
            "The token's driver {path} cannot be loaded. Reinstall the "
            "token's driver, or choose the one that matches this token.",
        ),
        "signing.module_missing": translate(
            "Messages",
            "The token's driver {path} was not found. Install the token's driver from its CA.",
        ),
        "signing.no_module": translate(
            "Messages",
            "No token driver of a known Vietnamese CA was found on this "
            "computer. Install the token's driver.",
        ),
        "signing.token_removed": translate(
            "Messages",
            "The token was removed or its session closed. Insert the "
            "token and sign the remaining documents again.",
        ),
        "signing.no_token": translate(
            "Messages", "No token labelled {label} is plugged in (tokens present: {present})."
        ),
        "signing.pin_wrong": translate(
            "Messages",
            "Wrong PIN for the token '{label}'; it was not retried: {tries}. Check the PIN and "
            "sign again: a token locks after a few wrong PINs.",
        ),
        "signing.choose_certificate": translate(
            "Messages", "Choose one signing certificate on the token {label}."
        ),
        "signing.certificate_expired": translate(
            "Messages",
            "The certificate {subject} expired on {date}. Renew "
            "it with the CA, or choose another one.",
        ),
        "signing.certificate_not_yet_valid": translate(
            "Messages",
            "The certificate {subject} is not valid before {date}. Check the computer's clock.",
        ),
        "signing.certificate_usage": translate(
            "Messages",
            "The certificate {subject} is not for signing. Choose the token's signing certificate.",
        ),
        "signing.not_pdfa": translate(
            "Messages", "{name} is not a PDF/A-2 file; it was not signed."
        ),
        "signing.unreadable": translate(
            "Messages", "The file {path} cannot be read; it was not signed."
        ),
        "signing.no_room": translate(
            "Messages", "Page 1 of {name} has no free place for the signature box. Check the scan."
        ),
        "signing.not_verified": translate(
            "Messages",
            "The newly signed copy did not verify; nothing was written. "
            "Try again; if it repeats, the token may be faulty.",
        ),
        # upward sync
        "sync": translate("Messages", "Sending to the server failed."),
        "sync.unreachable": translate(
            "Messages",
            "The server cannot be reached now; the documents stay in the "
            "outbox and are sent later.",
        ),
        "sync.rejected": translate(
            "Messages",
            "The server refused a package; sending it again will not help. "
            "Ask the server administrator.",
        ),
        "sync.unusable": translate(
            "Messages",
            "Nothing can be sent until the station's sync set-up is fixed. Ask the administrator.",
        ),
        "sync.credential": translate(
            "Messages",
            "The server refused the station's credential. Ask the server "
            "administrator for a new enrolment code.",
        ),
        "sync.trust": translate(
            "Messages",
            "The server's certificate is not one this station trusts; nothing "
            "was sent. Ask the administrator for the server's CA certificate.",
        ),
    }


def codes() -> frozenset[str]:
    """Every code the desk has a message for."""
    return frozenset(_table())


def _shown(name: str, value: object) -> str:
    """A parameter as the user reads it: states, roles, dates, numbers and lists in words."""
    if isinstance(value, list | tuple | frozenset | set):
        return ", ".join(_shown(name, v) for v in value)
    if name in ("from", "to", "state"):
        return state_name(str(value))
    if name in ("mode", "source"):
        return _setting_name(str(value))
    if name == "tries":
        return _tries(str(value))
    if name == "roles":
        return role_name(str(value))
    if isinstance(value, datetime.date):
        return show_date(value.isoformat())
    if name == "date":
        return show_date(str(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return show_number(value)
    return str(value)


def _setting_name(value: str) -> str:
    """A scan mode or paper source as the scan view names it."""
    names = {
        "color": translate("Messages", "colour"),
        "gray": translate("Messages", "greyscale"),
        "lineart": translate("Messages", "black and white"),
        "flatbed": translate("Messages", "flatbed"),
        "adf": translate("Messages", "document feeder"),
    }
    return names.get(value, value)


def _tries(value: str) -> str:
    """What a token says about the PIN tries left (it gives flags, not a count)."""
    names = {
        "locked": translate("Messages", "the token is locked"),
        "final": translate("Messages", "one try is left before the token locks"),
        "low": translate("Messages", "the token reports that few tries are left"),
    }
    return names.get(value, translate("Messages", "the token does not say how many tries are left"))


def _problems(value: object) -> str:
    return "\n".join(f"  – {line}" for line in value) if isinstance(value, list | tuple) else ""


def _filled(template: str, params: dict[str, object]) -> str:
    """`template` with each {name} replaced (unknown names left as they are)."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            return match.group(0)
        value = params[name]
        return _problems(value) if name == "problems" else _shown(name, value)

    return _PLACEHOLDER.sub(one, template)


def error_text(err: BaseException) -> str:
    """What the desk shows for `err`: its code's message, else a generic one with the code."""
    if not isinstance(err, StationError):
        return translate(
            "Messages", "Something went wrong (%1). The details are in the log."
        ).replace("%1", type(err).__name__)
    table = _table()
    template = table.get(err.code)
    vietnamese = getattr(err, "message_vi", "")
    if vietnamese and (template is None or err.code == type(err).code) and _in_vietnamese():
        return str(vietnamese)  # signing's own Vietnamese text, finer than its class's message
    if template is None:
        log.warning("no desk message for the code %r: %s", err.code, err.message)
        return translate("Messages", "The action could not be completed (code %1).").replace(
            "%1", err.code
        )
    return _filled(template, err.params)


def _in_vietnamese() -> bool:
    return QLocale().language() == QLocale.Language.Vietnamese
