"""`python -m app`: the desk application (the command line stays `scanstation`)."""

import sys

from app.ui.main import main

sys.exit(main())
