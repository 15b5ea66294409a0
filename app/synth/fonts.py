"""Liberation Serif faces (Times New Roman metrics), loaded once per face and pixel size."""

from __future__ import annotations

from functools import lru_cache

from PIL import ImageFont

from app.fonts import liberation

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
        str(liberation(_FILES[face])), px, layout_engine=ImageFont.Layout.BASIC
    )
