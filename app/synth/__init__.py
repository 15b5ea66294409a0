"""Synthetic scans of Vietnamese administrative documents with known truth (demo, tests, bench)."""
