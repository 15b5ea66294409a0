"""Encrypted, incremental, verified backups of the catalog to removable media, and restore."""
