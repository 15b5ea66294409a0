"""The NĐ 30 box of a copy: "SAO Y", the organisation, the signing time; optional red seal."""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from PIL import Image, ImageFont
from platformdirs import user_cache_path
from pyhanko.pdf_utils import images, layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

from app.fonts import liberation

VN_TZ = datetime.timezone(datetime.timedelta(hours=7), "+07:00")
LIBERATION_SERIF = liberation("LiberationSerif-Regular.ttf")
COPY_FORM = "SAO Y"
FONT_SIZE = 10
LEADING = 12
PADDING = 4  # pt between the text and the box's edge
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S+07:00"  # the session time is always in +07:00
SEAL_SIZE = 100  # pt: a 35 mm office seal at actual size


@dataclass(frozen=True)
class Appearance:
    """What the visible signature shows."""

    organisation: str
    seal_png: Path | None = None  # the older style: the red seal (transparent PNG) under the text
    font: Path = LIBERATION_SERIF


@functools.cache
def layout_font(font: Path, chars: str) -> Path:
    """`font` cut down to `chars` and rescaled to 1000 units per em, cached on disk.

    The cut keeps each signature's font work small (the batch target); the rescale works
    around pyHanko 0.38 writing TrueType widths in font units rather than 1/1000 em, which
    spreads the letters of 2048-unit fonts such as Liberation Serif.
    """
    data = font.read_bytes()
    digest = hashlib.sha256(data + chars.encode("utf-8")).hexdigest()[:16]
    cached = user_cache_path("scanstation") / "fonts" / f"{font.stem}-{digest}.ttf"
    if cached.is_file():
        return cached
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    tt = TTFont(font)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(tt)
    if tt["head"].unitsPerEm != 1000:
        scale_upem(tt, 1000)
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
    tt.save(tmp)
    tmp.replace(cached)
    return cached


def vietnam_time(moment: datetime.datetime | None = None) -> datetime.datetime:
    """`moment` (default now) in Vietnam's +07:00, to the second."""
    when = moment or datetime.datetime.now(VN_TZ)
    return when.astimezone(VN_TZ).replace(microsecond=0)


def stamp_lines(appearance: Appearance, when: datetime.datetime) -> tuple[str, str, str]:
    """The three lines of the box."""
    return COPY_FORM, appearance.organisation, vietnam_time(when).strftime(TIME_FORMAT)


def box_size(appearance: Appearance, when: datetime.datetime) -> tuple[float, float]:
    """Width and height (pt) of the box at full size."""
    font = ImageFont.truetype(str(appearance.font), 100)
    widest = max(font.getlength(line) for line in stamp_lines(appearance, when)) * FONT_SIZE / 100
    width = widest + 2 * PADDING + 2
    height = 3 * LEADING + 2 * PADDING
    if appearance.seal_png is not None:
        return max(width, SEAL_SIZE), max(height, SEAL_SIZE)
    return width, height


def stamp_style(appearance: Appearance, factor: float) -> TextStampStyle:
    """The pyHanko style: Liberation Serif embedded, black, 10 pt times `factor`."""
    chars = "".join(sorted(set(f"{COPY_FORM}{appearance.organisation}0123456789-T:+ ")))
    size = max(6, round(FONT_SIZE * factor))
    background = None
    if appearance.seal_png is not None:
        with Image.open(appearance.seal_png) as seal:
            background = images.PdfImage(seal.convert("RGBA"))
    return TextStampStyle(
        stamp_text=f"{COPY_FORM}\n%(org)s\n%(ts)s",
        timestamp_format=TIME_FORMAT,
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(layout_font(appearance.font, chars)), font_size=size),
            font_size=size,
            leading=round(LEADING * size / FONT_SIZE),
            text_color=(0, 0, 0),
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MAX,
                margins=layout.Margins.uniform(0),
            ),
        ),
        border_width=0,
        background=background,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MAX,
            margins=layout.Margins.uniform(round(PADDING * factor)),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )
