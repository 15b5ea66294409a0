"""`scanstation doctor`: checks the station's dependencies, devices and data, and says the fix."""

from .context import Context
from .registry import CHECKS, Check, failed, run_check, run_checks
from .result import LANGUAGES, Result, Status, Text

__all__ = [
    "CHECKS",
    "LANGUAGES",
    "Check",
    "Context",
    "Result",
    "Status",
    "Text",
    "failed",
    "run_check",
    "run_checks",
]
