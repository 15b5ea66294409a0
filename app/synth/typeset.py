"""A sheet being typeset: ink masks drawn with PIL at the sheet's dpi, and the printed lines."""

from __future__ import annotations

import unicodedata

from PIL import Image, ImageDraw, ImageFont

from app.synth.fonts import DEFAULT_FAMILY, font


class Sheet:
    """Ink layers (one 8-bit coverage mask per ink) plus every printed line, in reading order."""

    def __init__(self, width: int, height: int, dpi: int, family: str = DEFAULT_FAMILY) -> None:
        self.width = width
        self.height = height
        self.dpi = dpi
        self.family = family
        self.layers: dict[str, Image.Image] = {}
        self.lines: list[str] = []

    def px(self, mm: float) -> float:
        """Millimetres to pixels at the sheet's dpi."""
        return mm * self.dpi / 25.4

    def font(self, face: str, pt: float) -> ImageFont.FreeTypeFont:
        return font(face, max(1, round(pt * self.dpi / 72)), self.family)

    def draw(self, ink: str = "black") -> ImageDraw.ImageDraw:
        """A drawing context on the coverage mask of `ink` (created on first use)."""
        if ink not in self.layers:
            self.layers[ink] = Image.new("L", (self.width, self.height), 0)
        return ImageDraw.Draw(self.layers[ink])

    def length(self, text: str, face: str, pt: float) -> float:
        return float(self.font(face, pt).getlength(text))

    def put(
        self, x: float, baseline: float, text: str, face: str, pt: float, *, ink: str = "black"
    ) -> None:
        """Print one line with its left end at `x` and record it as printed text."""
        text = unicodedata.normalize("NFC", text)
        self.draw(ink).text((x, baseline), text, font=self.font(face, pt), fill=255, anchor="ls")
        self.lines.append(text)

    def put_centred(
        self, cx: float, baseline: float, text: str, face: str, pt: float, *, ink: str = "black"
    ) -> None:
        self.put(cx - self.length(text, face, pt) / 2, baseline, text, face, pt, ink=ink)

    def put_justified(
        self, x: float, baseline: float, text: str, face: str, pt: float, width: float
    ) -> None:
        """Print one line stretched to `width` by widening the spaces; recorded single-spaced."""
        words = text.split(" ")
        f = self.font(face, pt)
        room = width - sum(float(f.getlength(w)) for w in words)
        gap = room / (len(words) - 1) if len(words) > 1 else 0.0
        draw = self.draw()
        pos = x
        for word in words:
            draw.text((pos, baseline), word, font=f, fill=255, anchor="ls")
            pos += float(f.getlength(word)) + gap
        self.lines.append(unicodedata.normalize("NFC", text))

    def rule(self, x0: float, x1: float, y: float, thickness: float, ink: str = "black") -> None:
        """A horizontal line (not text)."""
        self.draw(ink).rectangle((x0, y, x1, y + max(1.0, thickness) - 1), fill=255)

    def wrap(
        self, text: str, face: str, pt: float, width: float, first_indent: float = 0
    ) -> list[str]:
        """Greedy word wrap of `text` into lines no wider than `width` (the first one indented)."""
        f = self.font(face, pt)
        space = float(f.getlength(" "))
        lines: list[str] = []
        current: list[str] = []
        used = first_indent
        for word in text.split():
            w = float(f.getlength(word))
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            used += (space if current else 0.0) + w
            current.append(word)
        if current:
            lines.append(" ".join(current))
        return lines
