"""Periodic reports upward (month, quarter, half-year, year) from what the stations send."""
