"""The desk's facade over the core: the open catalog, who is signed in, what screens ask."""

from __future__ import annotations

from app.ui.session.archive import Archive, SyncStatus
from app.ui.session.filing import Filing
from app.ui.session.people import People
from app.ui.session.recovery import Recovery
from app.ui.session.review import ClerkDay, Review, ReviewItem

__all__ = ["ClerkDay", "DeskSession", "ReviewItem", "SyncStatus"]


class DeskSession(People, Filing, Review, Archive, Recovery):
    """The catalog folder, the open catalog and the signed-in user, with each screen's calls:
    people (first run, sign-in, users), filing, review, the archive (signing, search,
    status), and the batch folders' recovery and clean-up.

    Everything here is plain Python (no Qt) and may block: screens call it through workers.
    """
