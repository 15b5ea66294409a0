"""Font families of the synthetic pages (Liberation Serif by default), loaded once per size."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import ImageFont

from app.fonts import liberation

# where Debian's font packages put their files
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core
NOTO_DIR = Path("/usr/share/fonts/truetype/noto")  # fonts-noto-core, fonts-noto-mono
FREEFONT_DIR = Path("/usr/share/fonts/truetype/freefont")  # fonts-freefont-ttf
TEX_GYRE_DIR = Path("/usr/share/texmf/fonts/opentype/public/tex-gyre")  # fonts-texgyre
JETBRAINS_DIR = Path("/usr/share/fonts/truetype/jetbrains-mono")  # fonts-jetbrains-mono
LEAGUE_MONO_DIR = Path("/usr/share/fonts/opentype/league-mono")  # fonts-league-mono
# the folder of each family's files by its name's first part (Liberation: found by app.fonts)
FOLDERS = {
    "dejavu": DEJAVU_DIR,
    "charis": Path("/usr/share/fonts/truetype/charis"),  # fonts-sil-charis
    "noto": NOTO_DIR,
    "free": FREEFONT_DIR,
    "cursor": TEX_GYRE_DIR,
    "termes": TEX_GYRE_DIR,
    "schola": TEX_GYRE_DIR,
    "bonum": TEX_GYRE_DIR,
    "jetbrains": JETBRAINS_DIR,
}
FACES = ("regular", "bold", "italic", "bolditalic")
# family -> the file of each face; Liberation ones are found like the PDF's (app.fonts)
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "liberation-serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                         "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    "liberation-mono": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf",
                        "LiberationMono-Italic.ttf", "LiberationMono-BoldItalic.ttf"),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
                     "DejaVuSerif-BoldItalic.ttf"),
    "liberation-sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                        "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                    "DejaVuSans-BoldOblique.ttf"),
    # dev faces, in neither split (the bench's wide-face dev pages, bench.geometry_dev): wide
    # serifs (Charis SIL, Bitstream Charter-like; Noto Serif) and monospace ones set heavy
    # (Noto Sans Mono, with a large x-height) or thin (FreeMono)
    "charis-serif": ("CharisSIL-Regular.ttf", "CharisSIL-Bold.ttf", "CharisSIL-Italic.ttf",
                     "CharisSIL-BoldItalic.ttf"),
    "noto-serif": ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                   "NotoSerif-BoldItalic.ttf"),
    "noto-mono": ("NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf",
                  "NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf"),  # no italic: upright
    "free-mono": ("FreeMono.ttf", "FreeMonoBold.ttf", "FreeMonoOblique.ttf",
                  "FreeMonoBoldOblique.ttf"),
    # a Courier clone, as the held-out split's typewriter face (Liberation Mono) is
    "cursor-mono": ("texgyrecursor-regular.otf", "texgyrecursor-bold.otf",
                    "texgyrecursor-italic.otf", "texgyrecursor-bolditalic.otf"),
    # a Times clone, set to Liberation Serif's metrics as the held-out split's serif pages are
    "termes-serif": ("texgyretermes-regular.otf", "texgyretermes-bold.otf",
                     "texgyretermes-italic.otf", "texgyretermes-bolditalic.otf"),
    # wide book faces with a large x-height, as the held-out split's DejaVu Serif is (a Century
    # Schoolbook clone, a Bookman clone)
    "schola-serif": ("texgyreschola-regular.otf", "texgyreschola-bold.otf",
                     "texgyreschola-italic.otf", "texgyreschola-bolditalic.otf"),
    "bonum-serif": ("texgyrebonum-regular.otf", "texgyrebonum-bold.otf",
                    "texgyrebonum-italic.otf", "texgyrebonum-bolditalic.otf"),
    # a sans monospace (no slab serifs), as the held-out split's Liberation Mono is
    "jetbrains-mono": ("JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf",
                       "JetBrainsMono-Italic.ttf", "JetBrainsMono-BoldItalic.ttf"),
}
DEFAULT_FAMILY = "liberation-serif"


def font_path(family: str, face: str) -> Path:
    """The file of `face` ("regular", "bold", "italic", "bolditalic") of `family`."""
    name = FAMILIES[family][FACES.index(face)]
    folder = FOLDERS.get(family.split("-")[0])
    return folder / name if folder else liberation(name)


@lru_cache(maxsize=256)
def font(face: str, px: int, family: str = DEFAULT_FAMILY) -> ImageFont.FreeTypeFont:
    """The `face` of `family` at `px` pixels per em."""
    return ImageFont.truetype(str(font_path(family, face)), px,
                              layout_engine=ImageFont.Layout.BASIC)


def vietnamese_letters() -> frozenset[str]:
    """Every Vietnamese letter, lower and upper case, precomposed (NFC): a, ă, ắ, ..., Đ, Ỹ."""
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    vowels = "aăâeêioôơuưy"
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones}
    letters |= set("bcdđghklmnpqrstvx")
    return frozenset(letters | {c.upper() for c in letters})


def missing_letters(family: str) -> dict[str, str]:
    """The Vietnamese letters each face of `family` has no glyph for (faces lacking none left out).

    A face without them would be replaced glyph by glyph when rendering and inflate the CER.
    """
    wanted = vietnamese_letters()
    missing = {}
    for face in FACES:
        cmap = TTFont(str(font_path(family, face)), lazy=True).getBestCmap()
        gone = "".join(sorted(c for c in wanted if ord(c) not in cmap))
        if gone:
            missing[face] = gone
    return missing
