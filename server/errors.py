"""Typed API errors: an HTTP status, a stable machine code and a clear message."""

from __future__ import annotations


class ApiError(Exception):
    """An error answered as JSON `{"error": code, "message": message}` with `status`."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


class ConfigError(Exception):
    """The server's configuration file is missing or wrong."""
