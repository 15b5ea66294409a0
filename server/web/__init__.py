"""The read-only web catalog for leaders: sign-in, search, documents, downloads, reports."""

from .routes import create_schema, mount

__all__ = ["create_schema", "mount"]
