"""Upward sync: the HTTP client and the background worker that sends the catalog's outbox."""
