"""The bundle's `scanstation-gui`: worker processes re-enter it, so freeze_support comes first."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from app.ui.main import main

    sys.exit(main())
