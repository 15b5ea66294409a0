"""Separator sheets: the QR payload (with its own checksum) and finding one on a page image."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

PREFIX = "SCANSTATION-SEP"
VERSION = "v1"
DETECT_LONG_SIDE = 1400  # px: the page is read at about 120 dpi, plenty for the sheet's QR
QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
_FILECODE = re.compile(r"[A-Za-z0-9.\-_]{1,100}")


@dataclass(frozen=True)
class Separator:
    """What a separator sheet says: the hồ sơ and the number of the document that follows."""

    filecode: str
    number: int

    @property
    def doc_code(self) -> str:
        """The following document's docCode: fileCode + "." + its number as 7 digits."""
        return f"{self.filecode}.{self.number:07d}"


def _checksum(body: str) -> str:
    return f"{zlib.crc32(body.encode('utf-8')):08X}"


def payload(separator: Separator) -> str:
    """`SCANSTATION-SEP|v1|{filecode}|{number, 7 digits}|{CRC-32 of what precedes, hex}`."""
    if not _FILECODE.fullmatch(separator.filecode):
        raise ValueError(f"not a hồ sơ code: {separator.filecode!r}")
    if not 1 <= separator.number <= 9_999_999:
        raise ValueError(f"document number out of range: {separator.number}")
    body = f"{PREFIX}|{VERSION}|{separator.filecode}|{separator.number:07d}"
    return f"{body}|{_checksum(body)}"


def parse(text: str) -> Separator | None:
    """The separator a QR text describes, or None for a foreign or damaged payload."""
    parts = text.split("|")
    if len(parts) != 5 or parts[0] != PREFIX or parts[1] != VERSION:
        return None
    body, check = "|".join(parts[:4]), parts[4]
    if check != _checksum(body) or not _FILECODE.fullmatch(parts[2]):
        return None
    if not parts[3].isdigit() or len(parts[3]) != 7 or int(parts[3]) < 1:
        return None
    return Separator(parts[2], int(parts[3]))


def _grey(image: np.ndarray) -> np.ndarray:
    """The page in grey, shrunk so that its long side is at most DETECT_LONG_SIDE."""
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    scale = DETECT_LONG_SIDE / max(grey.shape[:2])
    if scale < 1:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(grey)


def detect_separator(image: np.ndarray) -> Separator | None:
    """The separator sheet shown on `image` (RGB or grey, any turn), or None.

    Only a QR code whose payload has the station's prefix and a matching checksum counts;
    a foreign, damaged or partial code is ignored.
    """
    if image.size == 0:
        return None
    for barcode in zxingcpp.read_barcodes(_grey(image), formats=QR):
        if barcode.valid:
            found = parse(barcode.text)
            if found is not None:
                return found
    return None
