"""Text in legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI Windows) converted to NFC."""

from __future__ import annotations

import re
import unicodedata

from app.extract.text import nfc

ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)  # TCVN3 order: huyền, hỏi, ngã, sắc, nặng


def _c(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _tcvn3() -> dict[str, str]:
    table = {"¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
             "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\xad": "ư", "®": "đ"}
    rows = (  # (first code of the five tones, base letter, marks)
        (0xB5, "a", ()), (0xBB, "a", (BREVE,)), (0xC7, "a", (CIRCUMFLEX,)),
        (0xCC, "e", ()), (0xD2, "e", (CIRCUMFLEX,)), (0xD7, "i", ()), (0xDF, "o", ()),
        (0xE5, "o", (CIRCUMFLEX,)), (0xEA, "o", (HORN,)), (0xEF, "u", ()),
        (0xF5, "u", (HORN,)), (0xFA, "y", ()),
    )
    gaps = {0xBB: (0xBB, 0xBC, 0xBD, 0xBE, 0xC6), 0xCC: (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
            0xD7: (0xD7, 0xD8, 0xDC, 0xDD, 0xDE), 0xDF: (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
            0xEF: (0xEF, 0xF1, 0xF2, 0xF3, 0xF4)}
    for first, base, marks in rows:
        codes = gaps.get(first, tuple(range(first, first + 5)))
        for code, tone in zip(codes, TONES, strict=True):
            table[chr(code)] = _c(base, *marks, tone)
    return table


def _vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for upper in (False, True):
        def case(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        tone = dict(zip("øûõùï", TONES, strict=True))  # plain vowels, ơ and ư
        hat = dict(zip("àåãáä", TONES, strict=True))  # â ê ô
        breve = dict(zip("èúüéë", TONES, strict=True))  # ă
        for base in "aeouy":
            for key, mark in tone.items():
                table[case(base + key)] = _c(case(base), mark)
        for base in "aeo":
            table[case(base + "â")] = _c(case(base), CIRCUMFLEX)
            for key, mark in hat.items():
                table[case(base + key)] = _c(case(base), CIRCUMFLEX, mark)
        table[case("aê")] = _c(case("a"), BREVE)
        for key, mark in breve.items():
            table[case("a" + key)] = _c(case("a"), BREVE, mark)
        for legacy, base in (("ô", "o"), ("ö", "u")):
            table[case(legacy)] = _c(case(base), HORN)
            for key, mark in tone.items():
                table[case(legacy + key)] = _c(case(base), HORN, mark)
        for key, mark in zip("ìæóíò", TONES, strict=True):
            table[case(key)] = _c(case("i"), mark)
        table[case("ñ")] = case("đ")
        table[case("î")] = _c(case("y"), DOT)
    return table


TCVN3 = _tcvn3()
VNI = _vni()
_VNI_KEYS = re.compile("|".join(re.escape(k) for k in sorted(VNI, key=len, reverse=True)))
# Common Vietnamese syllables: converted text must read as Vietnamese to be accepted.
_COMMON_TEXT = (
    "của và các có là được không người những một trong cho với này đã năm ngày tháng công "
    "việt nam cộng hòa hoà xã hội chủ nghĩa độc lập tự do hạnh phúc về theo số ban nhân dân "
    "ủy uỷ quyết định kế hoạch báo cáo thực hiện văn bản tổ chức đồng thời"
)
COMMON = frozenset(_COMMON_TEXT.split(" "))


def from_tcvn3(text: str) -> str:
    """TCVN3 (ABC, .VnTime) text read as Latin-1 → Unicode NFC."""
    return nfc("".join(TCVN3.get(c, c) for c in text))


def from_vni(text: str) -> str:
    """VNI Windows text read as Latin-1 → Unicode NFC."""
    return nfc(_VNI_KEYS.sub(lambda m: VNI[m[0]], text))


def _common(text: str) -> int:
    return sum(w in COMMON for w in re.findall(r"\w+", text.lower()))


def to_unicode(text: str) -> tuple[str, str]:
    """(text in NFC, the encoding it was converted from: "tcvn3", "vni" or "").

    Text is converted only when it is clearly legacy: it has no Vietnamese letter outside
    Latin-1, and the conversion turns at least two words (and a fifth of the words) into
    common Vietnamese syllables that were not there before.
    """
    if any(ord(c) > 0xFF for c in text):
        return nfc(text), ""
    before = _common(text)
    words = max(1, len(re.findall(r"\w+", text)))
    best, best_gain, source = nfc(text), 0, ""
    for name, convert in (("tcvn3", from_tcvn3), ("vni", from_vni)):
        candidate = convert(text)
        gain = _common(candidate) - before
        if gain >= 2 and gain >= 0.2 * words and gain > best_gain:
            best, best_gain, source = candidate, gain, name
    return best, source
