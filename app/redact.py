"""Masks secrets (PINs, passwords, keys, credentials) in text, settings and JSON values."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

REDACTED = "[redacted]"

# A setting is secret when a word of the last part of its name is one of these
# ("token/label" is a label; "token", "pin_env", "stationSecret", "mật khẩu" are secret).
_SECRET_WORDS = frozenset(
    {"pin", "puk", "sopin", "password", "passwd", "pwd", "passphrase", "secret", "token",
     "credential", "credentials", "cookie", "authorization", "otp"}
)
_SECRET_RUNS = ("password", "passphrase", "secret", "privatekey", "apikey", "matkhau")
_KEY_WORD = (
    r"(?:pin|puk|password|passwd|pwd|passphrase|secret|token|credentials?|api[_-]?key|"
    r"private[_-]?key|authorization|cookie|mật khẩu|mat khau)"
)


def _keep_quotes(match: re.Match[str]) -> str:
    value = match.group(2)
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{match.group(1)}{quote}{REDACTED}{quote}"


_PATTERNS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # PEM private keys, whole blocks
    (
        re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?-----END [A-Z0-9 ]*PRIVATE KEY-----",
                   re.DOTALL),
        REDACTED,
    ),
    # HTTP credentials: "Basic dXNlcjpwYXNz", "Bearer eyJ…"
    (re.compile(r"\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,}", re.IGNORECASE), rf"\1 {REDACTED}"),
    # user:password@host in URLs
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^@\s/]+@", re.IGNORECASE), rf"\1{REDACTED}@"),
    # key=value, key: value, "key": "value", 'key': 'value' where the key names a secret
    (
        re.compile(
            rf"([\w.-]*?{_KEY_WORD}[\w.-]*[\"']?\s*[:=]\s*)"
            r"(\"[^\"]*\"|'[^']*'|[^\s,;&}\])\"']+)",
            re.IGNORECASE,
        ),
        _keep_quotes,
    ),
    # --pin-env VAR, --password VALUE, --code ENROLLMENT-CODE on a command line
    (
        re.compile(rf"(--(?:[\w-]*{_KEY_WORD}[\w-]*|code)\s+)(\S+)", re.IGNORECASE),
        rf"\1{REDACTED}",
    ),
    # "PIN 123456", "mã PIN 1234": a PIN-like number right after the word
    (re.compile(r"\b(pin|puk)(\s+)\d{4,}\b", re.IGNORECASE), rf"\1\2{REDACTED}"),
)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_secret_key(key: str) -> bool:
    """Whether a setting named `key` holds a secret (judged on its last part, any case)."""
    last = _ascii(re.split(r"[/\\.:]", key)[-1])
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", last).lower()
    parts = [w for w in re.split(r"[^a-z0-9]+", words) if w]
    joined = "".join(parts)
    return any(p in _SECRET_WORDS for p in parts) or any(run in joined for run in _SECRET_RUNS)


def redact_text(text: str) -> str:
    """`text` with every secret-looking value replaced by [redacted]."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_value(value: Any) -> Any:
    """A JSON-like value with the values of secret keys masked and every string redacted."""
    if isinstance(value, dict):
        return {
            key: REDACTED if is_secret_key(str(key)) and item not in ("", None)
            else redact_value(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    return value


def redact_ini(text: str) -> str:
    """An INI file (such as the desk's Qt settings) with the values of secret keys masked."""
    lines = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        setting = sep and not line.lstrip().startswith((";", "#", "["))
        if setting and is_secret_key(key.strip()) and value.strip():
            lines.append(f"{key}={REDACTED}")
        else:
            lines.append(redact_text(line))
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")
