"""The issuing body: the lines of the top-left block above the number, under its parent."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from app.extract.fields.evidence import lacking, middling, not_syllable
from app.extract.fields.stamps import is_stamp
from app.extract.layout import Layout, Segment
from app.extract.model import (
    EMPTY,
    KIND_BROKEN,
    PLACE_DIFFERS,
    RIVAL_READING,
    FieldValue,
    doubt,
    found,
)
from app.extract.text import TONES, as_capitals, bare, fold
from app.ocr.base import Word
from app.ocr.lexicon import tone_key

SPECKS = ".,:;'`’"  # marks a speck beside a word of the issuer's is read as
SURE_CONF = 90.0  # a date-line word read at least this sure (0-100) may respell the issuer's place
# Folded line starts that open the issuing body itself (the parent line is above it).
ISSUER_HEADS = (
    "ban thuong truc", "ban thuong vu", "ban chap hanh", "ban dan van", "ban tuyen giao",
    "ban to chuc", "phong ", "van phong", "quan uy", "huyen uy", "thanh uy", "tinh uy",
    "thi uy", "dang uy", "chi bo", "hoi ", "so ", "cuc ",
)
# Folded line starts that may open either a parent body or the issuer ("ỦY BAN NHÂN DÂN …").
BODY_HEADS = ("uy ban", "dang bo", "doan ")
# The kinds of body and of administrative unit, as printed (NĐ 30; HD 36-HD/VPTW for the Party)
KINDS = tuple(k.split() for k in (
    "BAN THƯỜNG TRỰC", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "BAN DÂN VẬN", "BAN TUYÊN GIÁO",
    "BAN TỔ CHỨC", "ỦY BAN NHÂN DÂN", "ỦY BAN MTTQ VIỆT NAM", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "ĐẢNG ỦY", "ĐẢNG BỘ", "QUẬN ỦY", "HUYỆN ỦY", "THÀNH ỦY", "TỈNH ỦY", "THỊ ỦY", "CHI BỘ",
    "VĂN PHÒNG", "PHÒNG", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "QUẬN", "HUYỆN", "PHƯỜNG", "XÃ",
    "TỈNH",
))


def _capitals(segment: Segment) -> Segment | None:
    """The segment's words in capitals (a body's name is set in capitals; OCR debris is not);
    a digit among a word's capitals is read as the capital it stands for ("H0ÀN" → "HOÀN"),
    the word then a guess; specks read as marks at a word's ends are dropped ("BAN." → "BAN":
    a body's name has no punctuation)."""
    words = tuple(w if (text := as_capitals(w.text)) == w.text
                  else replace(w, text=text, guessed=True) for w in segment.words)
    words = tuple(w if (text := w.text.strip(SPECKS)) in (w.text, "")
                  else replace(w, text=text) for w in words)
    words = tuple(w for w in words
                  if (w.text.isalpha() and w.text.isupper()) or w.text in ("-", "–"))
    return Segment(words) if words else None


def _lines(layout: Layout, bottom: float) -> list[Segment]:
    """Left-column lines in capitals above `bottom`, same-height segments side by side joined
    (the pieces of one line a wide gap cut); a line under another is never joined to it,
    though its words be boxed tall up into it (a line of League Mono capitals boxed 80 px
    from the line above's letters, its own 40 px). A secrecy or urgency stamp is no line of
    the issuer's ("MẬT", "HỎA TỐC" under a number line that was not found)."""
    lines: list[Segment] = []
    for found_segment in layout.left(0, bottom):
        segment = _capitals(found_segment)
        if segment is None or len(segment.letters.replace(" ", "")) < 2 or is_stamp(segment):
            continue
        if lines and abs(segment.cy - lines[-1].cy) < 0.5 * segment.height and (
                segment.box[0] >= lines[-1].box[2] or segment.box[2] <= lines[-1].box[0]):
            words = sorted((*lines[-1].words, *segment.words), key=lambda w: w.box[0])
            lines[-1] = Segment(tuple(words))
        else:
            lines.append(segment)
    return lines


def _opens(lines: list[Segment], i: int, heads: tuple[str, ...]) -> bool:
    """True when line `i` opens with one of `heads`, read on into the lines after it (a narrow
    column wraps "BAN THƯỜNG / TRỰC ỦY BAN")."""
    own = lines[i].letters
    if own.startswith(heads):
        return True
    joined = " ".join(line.letters for line in lines[i:])
    return any(len(own) < len(h.strip()) and h.startswith(own + " ") and joined.startswith(h)
               for h in heads)


def _split(lines: list[Segment]) -> int | None:
    """The index of the issuer's first line (the lines before it name the parent body)."""
    if _opens(lines, 0, ISSUER_HEADS):  # no parent line printed
        later = [i for i in range(1, len(lines)) if _opens(lines, i, ISSUER_HEADS)]
        return later[0] if later else 0
    for i in range(1, len(lines)):
        if _opens(lines, i, ISSUER_HEADS):
            return i
    for i in range(len(lines) - 1, 0, -1):
        if _opens(lines, i, BODY_HEADS):
            return i
    # one body over all the lines ("ỦY BAN NHÂN DÂN / PHƯỜNG DƯ HÀNG", no parent printed)
    return 0 if len(lines) == 1 or _opens(lines, 0, BODY_HEADS) else None


def _kinds(texts: list[str]) -> int:
    """How many leading words name kinds of body or unit; each is respelled as KINDS has it."""
    i = 0
    while True:
        kind = max((k for k in KINDS if [fold(t) for t in texts[i:i + len(k)]] ==
                    [fold(w) for w in k]), key=len, default=None)
        if kind is None or i + len(kind) >= len(texts):  # a name must follow the kinds
            return i
        texts[i:i + len(kind)] = kind
        i += len(kind)


def place_words(dated: Segment | None) -> tuple[Word, ...]:
    """The words of the place printed before the date ("Hoàn Kiếm, ngày …"), without the
    comma: the words of letters before the first word that ends in one, back to the line's
    start or to a word of other characters (a wide face can run the number line into the
    date line: "Số: 417/KH-MTTQ-BTT Kiến Xương, ngày …"); () when there is none."""
    if dated is None:
        return ()
    out: list[Word] = []
    for word in dated.words:
        text = word.text.rstrip(",")
        if not text.isalpha():
            out = []
            continue
        out.append(replace(word, text=text))
        if word.text.endswith(","):
            return tuple(out)
    return ()


def _near(a: list[str], b: list[str]) -> bool:
    """True when two word lists read the same without marks but for one letter per word
    ("phu hot" / "phu hoi"): the same name, one of them misread."""
    fa, fb = [fold(t) for t in a], [fold(t) for t in b]
    return len(fa) == len(fb) and all(
        len(x) == len(y) and sum(c != d for c, d in zip(x, y, strict=True)) <= 1
        for x, y in zip(fa, fb, strict=True))


_KIND_WORDS = frozenset(fold(w) for kind in KINDS for w in kind)
_UNITS = tuple(k for k in KINDS if k[0] in ("THÀNH", "THỊ", "QUẬN", "HUYỆN", "PHƯỜNG", "XÃ",
                                            "TỈNH") and k[-1] != "ỦY")


def _broken(gap: list[str]) -> bool:
    """True when words between the body's kinds and its place hold a piece of a kind ("BAN
    THƯỜNG TRỰC ỦY MTTQ …": a word of "ỦY BAN MTTQ" was lost), the unit kinds at its end aside."""
    for unit in _UNITS:
        if len(gap) > len(unit) and [fold(t) for t in gap[-len(unit):]] == [fold(w) for w in unit]:
            gap = gap[:-len(unit)]
            break
    return any(fold(t) in _KIND_WORDS for t in gap)


def _sure(word: Word) -> bool:
    return not word.guessed and not word.rival and word.conf >= SURE_CONF


def _mends(tail: list[str], place: tuple[Word, ...]) -> bool:
    """True when each word of the issuer's place spelled otherwise than the date line's is
    no syllable while the date line's is one, its marks not guessed ("KTỀU" / "Kiều")."""
    return all(not_syllable(t, abbreviations=False) and not w.guessed
               and not not_syllable(w.text, abbreviations=False)
               for t, w in zip(tail, place, strict=True) if tone_key(t) != tone_key(w.text))


def _tone_dropped(tail: list[str], place: tuple[Word, ...]) -> bool:
    """True when a word of the date line's place spelled otherwise than the issuer's bears a
    circumflex and no tone where the issuer's bears a tone ("Công" / "CỐNG", "Kiêm" /
    "KTẾM"): the model drops a tone set beside a circumflex as readily as capitals gain one,
    so neither reading settles the other."""
    return any(bare(w.text) and TONES & set(unicodedata.normalize("NFD", t))
               for t, w in zip(tail, place, strict=True) if tone_key(t) != tone_key(w.text))


def _cut_short(name: list[str], place: tuple[Word, ...]) -> bool:
    """True when the issuer's name ends with the date line's place cut short: its first words,
    not all ("ĐẢNG ỦY PHƯỜNG TÂY" under "Tây Lộc, ngày …"): the last word was lost."""
    folded = [fold(t) for t in name]
    return any(folded[-k:] == [fold(w.text) for w in place[:k]] for k in range(1, len(place))
               if k <= len(folded))


def find(layout: Layout, number_top: float, place: tuple[Word, ...] = ()) -> FieldValue:
    """The issuer's lines, from the top of the page down to the number line; `place` is the
    place read before the date, to check the issuer's own place name against: when the two
    spell it otherwise, the date line's reading is taken if it is sure (small letters keep
    their marks apart better than capitals) and has not dropped a tone beside a circumflex
    (`_tone_dropped`), else the issuer is a suggestion."""
    lines = _lines(layout, number_top)
    start = _split(lines) if lines else None
    if start is None:
        return EMPTY
    words: tuple[Word, ...] = tuple(w for s in lines[start:] for w in s.words)
    texts = [w.text for w in words]
    sure = _kinds(texts)
    unsure = list(words[sure:])
    why = ""
    factor = 1.0 if start else 0.8
    n = len(place)
    tail = texts[len(texts) - n :] if place and n <= len(texts) - sure else []
    matched = bool(tail) and _near(tail, [w.text for w in place])
    if matched:
        if [tone_key(t) for t in tail] != [tone_key(w.text) for w in place]:
            if (all(_sure(w) for w in place) or _mends(tail, place)) \
                    and not _tone_dropped(tail, place):
                texts[len(texts) - n :] = [w.text.upper() for w in place]
                factor *= 0.9
            else:
                why = PLACE_DIFFERS
        if not why and _broken(texts[sure : len(texts) - n]):
            why = KIND_BROKEN
        unsure = unsure[: len(unsure) - n]
    elif _cut_short(texts[sure:], place):
        why = PLACE_DIFFERS
    name = texts[sure : len(texts) - n] if matched else texts[sure:]  # the place is checked
    why = why or lacking(name, unsure) or (RIVAL_READING if any(w.rival for w in unsure)
                                            else doubt(unsure) or middling(unsure))
    return found(" ".join(texts), words, factor, why, checked=True)
