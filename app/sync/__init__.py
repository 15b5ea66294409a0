"""Upward sync: the outbox in the catalog, the HTTP client, and the background worker."""
