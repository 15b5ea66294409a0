"""`scanstation-gui` (also `python -m app`): first run, sign-in, then the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from app.logs import setup_logging
from app.ui import i18n
from app.ui.desk import Desk
from app.ui.firstrun import FirstRunDialog
from app.ui.main_window import MainWindow
from app.ui.prefs import Prefs
from app.ui.session import DeskSession
from app.ui.signin import SignInDialog
from app.ui.status import StatusBar
from app.ui.workers import Pools

OCR_THREADS = "1"


def open_desk(folder: Path, prefs: Prefs) -> Desk:
    """The session on `folder` with fresh pools and status bar (nobody signed in yet).

    Tesseract runs single-threaded at the desk (unless OMP_THREAD_LIMIT says otherwise): its
    OpenMP threads would take every core from the scanner and the window, and on two cores
    one thread even reads a page sooner (bench/ui.py: 50-page scan with OCR).
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", OCR_THREADS)
    return Desk(DeskSession(folder), Pools(), prefs, StatusBar())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desk until its window closes (in the running QApplication, if one was made)."""
    parser = argparse.ArgumentParser(prog="scanstation-gui")
    parser.add_argument("--catalog", type=Path, default=None, help="the catalog folder")
    args, qt_args = parser.parse_known_args(argv)
    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("scanstation")
    prefs = Prefs()
    i18n.compile_translations()
    i18n.install(prefs.language)
    folder = args.catalog or Path(os.environ.get("SCANSTATION_CATALOG") or prefs.catalog_folder)
    desk = open_desk(folder, prefs)
    try:
        if desk.session.needs_first_run() and FirstRunDialog(
            desk.session, desk.pools, prefs
        ).exec() != QDialog.DialogCode.Accepted:
            return 1
        while True:  # until the window closes other than by "Sign out"
            if SignInDialog(desk.session, desk.pools).exec() != QDialog.DialogCode.Accepted:
                return 1
            window = MainWindow(desk)
            window.signed_out.connect(app.quit)
            window.show()
            code = app.exec()
            if not window.signing_out:
                return code
            desk.session.user = None
            desk.status = StatusBar()  # the closed window took its status bar with it
    finally:
        desk.pools.wait()
        desk.session.close()


if __name__ == "__main__":
    sys.exit(main())
