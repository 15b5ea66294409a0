"""Liberation Serif faces (Times New Roman metrics), loaded once per face and pixel size."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
FACES = tuple(_FILES)


@lru_cache(maxsize=128)
def font(face: str, px: int) -> ImageFont.FreeTypeFont:
    """The `face` ("regular", "bold", "italic", "bolditalic") at `px` pixels per em."""
    return ImageFont.truetype(
        str(FONT_DIR / _FILES[face]), px, layout_engine=ImageFont.Layout.BASIC
    )
