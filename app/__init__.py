"""Scanning station for district offices of the Vietnam Fatherland Front."""

__version__ = "0.1.0"
