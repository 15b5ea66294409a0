"""The clerk's desk, a widget per concern: controls, strip and tools, preview, filing."""
