"""The `scanstation` command line."""
