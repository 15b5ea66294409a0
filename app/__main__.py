"""`python -m app`: the station's command line."""

import sys

from app.cli.main import main

sys.exit(main())
