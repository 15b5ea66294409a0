"""The signature box's font (NĐ 30 "SAO Y"): present, readable, with every Vietnamese letter."""

from __future__ import annotations

import unicodedata
from functools import cache

from fontTools.ttLib import TTFont, TTLibError

from .context import Context
from .result import Result, Status, Text, install_fix

TITLE = Text("Phông chữ của ô chữ ký số", "Font of the signature box")
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng
_WINDOWS = (
    "Cài lại phần mềm trạm số hóa (bộ cài có phông Liberation Serif).",
    "Reinstall the scanning station (its installer ships Liberation Serif).",
)


@cache
def vietnamese_letters() -> str:
    """Every Vietnamese letter with its tone marks, lower and upper case, precomposed (NFC)."""
    lower = {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | {"đ"}
    return "".join(sorted(lower | {c.upper() for c in lower}))


def check(ctx: Context) -> Result:
    """FAIL when the font is missing, unreadable or lacks a Vietnamese letter."""
    fix = install_fix("fonts-liberation2", *_WINDOWS)
    try:
        with TTFont(ctx.font, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except FileNotFoundError:
        return Result(
            "fonts",
            Status.FAIL,
            TITLE,
            Text(
                f"Không có phông {ctx.font.name} ({ctx.font}): không ký số được bản sao.",
                f"The font {ctx.font.name} is missing ({ctx.font}): copies cannot be signed.",
            ),
            fix,
        )
    except (OSError, TTLibError, AssertionError) as err:
        return Result(
            "fonts",
            Status.FAIL,
            TITLE,
            Text(
                f"Không đọc được phông {ctx.font} ({err}).",
                f"The font {ctx.font} cannot be read ({err}).",
            ),
            fix,
        )
    missing = "".join(c for c in vietnamese_letters() if ord(c) not in cmap)
    if missing:
        return Result(
            "fonts",
            Status.FAIL,
            TITLE,
            Text(
                f"Phông {ctx.font.name} thiếu chữ tiếng Việt: {missing}.",
                f"The font {ctx.font.name} lacks Vietnamese letters: {missing}.",
            ),
            fix,
        )
    return Result(
        "fonts",
        Status.OK,
        TITLE,
        Text(
            f"{ctx.font.name} có đủ {len(vietnamese_letters())} chữ cái tiếng Việt.",
            f"{ctx.font.name} has all {len(vietnamese_letters())} Vietnamese letters.",
        ),
    )
