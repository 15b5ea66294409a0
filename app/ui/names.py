"""Names the screens share, translated: workflow states, roles and history actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def state_name(state: str) -> str:
    """A document's workflow state as the user reads it."""
    names = {
        "scanned": QCoreApplication.translate("Names", "scanned"),
        "indexed": QCoreApplication.translate("Names", "indexed"),
        "approved": QCoreApplication.translate("Names", "approved"),
        "rejected": QCoreApplication.translate("Names", "rejected"),
        "signed": QCoreApplication.translate("Names", "signed"),
        "synced": QCoreApplication.translate("Names", "synced"),
    }
    return names.get(str(state), str(state))


def role_name(role: str) -> str:
    """A user's role as the user reads it."""
    names = {
        "clerk": QCoreApplication.translate("Names", "clerk"),
        "supervisor": QCoreApplication.translate("Names", "supervisor"),
        "signer": QCoreApplication.translate("Names", "signer"),
        "admin": QCoreApplication.translate("Names", "administrator"),
    }
    return names.get(str(role), str(role))


def action_name(action: str) -> str:
    """An audit-log action (a line of a document's history) as the user reads it."""
    names = {
        "create": QCoreApplication.translate("Names", "filed"),
        "edit": QCoreApplication.translate("Names", "metadata corrected"),
        "state": QCoreApplication.translate("Names", "state changed"),
        "rescan": QCoreApplication.translate("Names", "rescanned (new file version)"),
        "sign": QCoreApplication.translate("Names", "signed"),
        "sync": QCoreApplication.translate("Names", "sent upward"),
        "page-flags": QCoreApplication.translate("Names", "page checks recorded"),
        "import": QCoreApplication.translate("Names", "imported"),
        "sync-refused": QCoreApplication.translate("Names", "kept back from sync"),
    }
    return names.get(action, action)
