"""The numbers of a trích yếu settled from the page (app.extract.numbers), on pages made in code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import cv2
import numpy as np

from app.extract.fields.subject import judged
from app.extract.model import (
    DISAGREE,
    NO_YEAR,
    ODD_CHARACTER,
    THIN_STROKES,
    FieldValue,
    found,
)
from app.extract.numbers import settle_numbers
from app.extract.reread import Rereader
from app.ocr.base import OcrResult, Word

DPI = 300
TOP, BOTTOM = 100, 140  # every word stands on one line, 40 px high


@dataclass
class _Engine:
    """Reads each year word cut alone as the next of `years`; reads a line (×2) as the page's
    words, but any word in `recased` spelled as given there (boxed where the cut puts them)."""

    words: tuple[Word, ...]
    years: list[str] = field(default_factory=list)
    recased: dict[str, str] = field(default_factory=dict)
    asked: int = 0
    name: str = "fake"

    def read_word(self, image: np.ndarray, dpi: float, chars: str) -> OcrResult:
        assert chars == "0123456789"
        self.asked += 1
        text = self.years.pop(0) if self.years else ""
        return OcrResult((Word(text, (16, 16, 80, 60), 90.0, (1, 1, 1)),) if text else (), "vie")

    def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        scale = dpi / DPI
        x0 = self.words[0].box[0] - round(0.4 * (BOTTOM - TOP))  # the cut's left margin

        def at(v: int) -> int:
            return 16 + round((v - x0) * scale)

        return [OcrResult(tuple(Word(self.recased.get(w.text, w.text),
                                     (at(w.box[0]), 16, at(w.box[2]), 16 + 80), 90.0, (1, 1, 1))
                                for w in self.words), "vie") for _ in images]

    read_lines_second = read_lines


def _laid(texts: Sequence[str], widths: Sequence[int] | None = None) -> tuple[Word, ...]:
    """Words on one line from x = 100, 40 px apart, each 60 px wide unless `widths` says."""
    words, x = [], 100
    for k, text in enumerate(texts):
        width = widths[k] if widths else 60
        words.append(Word(text, (x, TOP, x + width, BOTTOM), 92.0, (1, 1, 1)))
        x += width + 40
    return tuple(words)


def _value(words: tuple[Word, ...]) -> FieldValue:
    text = " ".join(w.text for w in words)
    return found(text, words, 1.0, judged(text, words), checked=True)


def _page() -> np.ndarray:
    return np.full((240, 1200), 250, np.uint8)


def _settled(value: FieldValue, page: np.ndarray, engine: _Engine) -> FieldValue:
    return settle_numbers(value, Rereader(engine, lambda: page, DPI))  # type: ignore[arg-type]


def test_a_numeral_read_as_thin_letters_is_read_from_its_strokes() -> None:
    """"quý TTII" where the page shows three thin upright strokes is "quý III", filled in; a V
    (slanted strokes) there settles nothing."""
    words = _laid(["quý", "TTII", "năm", "2020"], [60, 100, 60, 80])
    value = _value(words)
    assert value.why == THIN_STROKES
    page = _page()
    for x in (215, 245, 275):  # the numeral's box is 200-300
        page[TOP:BOTTOM, x:x + 8] = 20
    got = _settled(value, page, _Engine(words))
    assert (got.value, got.why) == ("quý III năm 2020", "")
    slanted = _page()
    cv2.line(slanted, (215, TOP), (235, BOTTOM - 1), 20, 6)
    cv2.line(slanted, (255, TOP), (235, BOTTOM - 1), 20, 6)
    assert _settled(value, slanted, _Engine(words)) == value


def test_a_year_needs_two_agreeing_readings_of_its_word_alone() -> None:
    """"năm 2822" (no year) read "2022" twice as digits alone is "năm 2022"; readings that
    give no year twice alike leave it offered."""
    words = _laid(["năm", "2822"])
    value = _value(words)
    assert value.why == NO_YEAR
    engine = _Engine(words, years=["2022", "2022"])
    got = _settled(value, _page(), engine)
    assert (got.value, got.why, engine.asked) == ("năm 2022", "", 2)
    for years in (["2022", "2822", "2018"], ["20822", "2022", ""]):
        assert _settled(value, _page(), _Engine(words, years=years)) == value


def test_a_settled_value_with_a_word_read_in_another_case_stays_offered() -> None:
    """Every other doubt settled, a word a new reading of its line starts with the same letter
    in the other case ("Lập" read "lập") keeps the value offered."""
    words = _laid(["việc", "Lập", "năm", "2822"])
    value = _value(words)
    got = _settled(value, _page(), _Engine(words, years=["2022", "2022"], recased={"Lập": "lập"}))
    assert (got.value, got.why) == ("việc Lập năm 2022", DISAGREE)
    got = _settled(value, _page(), _Engine(words, years=["2022", "2022"], recased={"Lập": "tập"}))
    assert got.why == ""  # another letter: the new reading's own slip


def test_a_range_dash_read_as_a_tilde_is_a_dash_where_the_page_shows_a_bar() -> None:
    words = _laid(["2023", "~", "2027"], [100, 30, 100])  # "~" at 240-270
    value = _value(words)
    assert value.why == ODD_CHARACTER
    page = _page()
    page[118:123, 240:268] = 20  # a flat bar at mid-height
    got = _settled(value, page, _Engine(words))
    assert (got.value, got.why) == ("2023 - 2027", "")
    wave = _page()
    xs = np.arange(240, 268)
    points = np.stack([xs, 120 + np.round(5 * np.sin((xs - 240) / 4.5))], axis=1)
    cv2.polylines(wave, [points.astype(np.int32)], False, 20, 3)
    assert _settled(value, wave, _Engine(words)) == value


def test_a_quote_at_the_start_is_dropped_only_when_no_mark_stands_apart() -> None:
    """"'Tổ" with no mate: where the first ink in the word is as tall as a letter (a serif read
    as a quote) the quote is dropped; a mark standing apart before the letter keeps it."""
    words = _laid(["'Tổ", "chức"])
    value = _value(words)
    assert value.why == ODD_CHARACTER
    page = _page()
    page[TOP:BOTTOM, 100:140] = 20  # the letter, from the word's left edge
    got = _settled(value, page, _Engine(words))
    assert (got.value, got.why) == ("Tổ chức", "")
    quoted = _page()
    quoted[TOP:TOP + 10, 100:104] = 20  # a quote's tick
    quoted[TOP:BOTTOM, 112:150] = 20
    assert _settled(value, quoted, _Engine(words)) == value


def test_a_number_read_unsure_is_read_again_alone() -> None:
    """"Sơ kết 66 tháng" with "66" read at a middling score, read "6" twice as digits alone,
    is "Sơ kết 6 tháng"; the same number read sure is not read again."""
    words = _laid(["kết", "66", "tháng"])
    unsure = tuple(replace(w, conf=44.0) if w.text == "66" else w for w in words)
    engine = _Engine(unsure, years=["6", "6"])
    got = _settled(_value(unsure), _page(), engine)
    assert (got.value, got.why) == ("kết 6 tháng", "")
    engine = _Engine(words, years=["6", "6"])
    assert _settled(_value(words), _page(), engine) == _value(words) and engine.asked == 0
