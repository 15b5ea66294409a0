"""The tuning split's typewritten pages: faces with every Vietnamese letter, a typewriter's ink."""

from __future__ import annotations

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from app.synth.fonts import vietnamese_letters
from app.synth.variants import (
    DEV_TYPEWRITER,
    INKS,
    TYPEWRITER_FACES,
    font_path,
    render_variant,
    typewriter_ink,
)

FACES = ("regular", "bold", "italic", "bolditalic")


@pytest.mark.parametrize("faces", [*TYPEWRITER_FACES, DEV_TYPEWRITER])
def test_every_vietnamese_letter_has_a_glyph(faces: str) -> None:
    for face in FACES:
        path = font_path(faces, "mono", face)
        assert path.is_file(), f"{path} missing: apt-get install fonts-freefont-ttf " \
            "fonts-noto-mono fonts-texgyre"
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        missing = "".join(sorted(c for c in vietnamese_letters() | set("0123456789/-:;,.")
                                 if ord(c) not in cmap))
        assert missing == "", f"{faces} {face} lacks {missing}"


@pytest.mark.parametrize("faces", [*TYPEWRITER_FACES, DEV_TYPEWRITER])
def test_a_typewritten_page_is_all_monospace(faces: str) -> None:
    page, variant = render_variant(np.random.default_rng([11, 3]), dpi=100, faces=faces)
    assert variant.family == "mono" and variant.ink in INKS
    assert variant.name.startswith("mono-")
    assert page.fields is not None and page.fields.number in page.text
    assert (page.image < 128).any()


def test_a_typewriter_ink_is_faint_or_filled() -> None:
    layer = Image.new("L", (600, 120), 0)
    ImageDraw.Draw(layer).text(
        (10, 20), "Độc lập - Tự do", fill=255,
        font=ImageFont.truetype(str(font_path("freemono", "mono", "regular")), 60))
    even = np.asarray(layer).astype(int).sum()
    rng = np.random.default_rng(1)
    assert np.asarray(typewriter_ink(layer, "even", rng, 300)).astype(int).sum() == even
    assert np.asarray(typewriter_ink(layer, "faint", rng, 300)).astype(int).sum() < even
    assert np.asarray(typewriter_ink(layer, "filled", rng, 300)).astype(int).sum() > even
