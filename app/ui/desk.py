"""What every screen is given: the session, the worker pools, the settings, the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from app.ui.prefs import Prefs
from app.ui.session import DeskSession
from app.ui.status import StatusBar
from app.ui.workers import Pools


@dataclass
class Desk:
    """The running application's shared parts."""

    session: DeskSession
    pools: Pools
    prefs: Prefs
    status: StatusBar
