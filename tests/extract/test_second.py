"""The typewritten trích yếu and number read again by the second model."""

# The trích yếu and number of a typewritten page read again by the second model (Tesseract's
# Vietnamese script model): a word it spells otherwise is taken where only its spelling forms a
# compound, kept where only the page's does, and offered where nothing decides; a number whose
# notation it reads as known abbreviations replaces one read with a part that is none.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.doctypes import table
from app.extract.model import (
    EMPTY,
    GUESSED,
    LOST_WORDS,
    NOT_A_SYLLABLE,
    SECOND_MODEL_DIFFERS,
    FieldValue,
)
from app.extract.reread import Rereader
from app.extract.second import second_reading
from app.ocr.base import OcrResult, Word
from app.ocr.tesseract import TesseractEngine

FONT = "/usr/share/fonts/truetype/freefont/FreeMono.ttf"
DPI = 300
PAGE = np.full((400, 1600), 255, np.uint8)
CUT_X = 100 - 84 + 16  # the page's first word (x = 100) in its line's cut (from x = 84, border 16)


@dataclass
class Second:
    """An engine whose second model reads each line as `lines` spells it, the words laid out
    as `_value` lays the page's (a line's cut starts 0.4 × its height, 16 px, left of it and
    is read at ×1 in a 16-pixel border: a word at x on the page is at x - 68 in the cut)."""

    lines: list[list[str]]
    confs: dict[str, float] = field(default_factory=dict)  # a word's score, if not 93
    name: str = "fake"
    asked: int = 0
    runs: list[int] = field(default_factory=list)  # how many lines each run read

    def check(self) -> None:
        """Nothing to check."""

    def recognize(self, image: np.ndarray, dpi: float) -> OcrResult:
        raise AssertionError("the page is not read again")

    def read_line(self, image: np.ndarray, dpi: float) -> OcrResult:
        raise AssertionError("no line is read by the page's model")

    def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        raise AssertionError("no line is read by the page's model")

    def read_word(self, image: np.ndarray, dpi: float, chars: str) -> OcrResult:
        raise AssertionError("no word is read alone")

    def read_lines_second(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
        self.asked += len(images)
        self.runs.append(len(images))
        return [OcrResult(tuple(replace(w, conf=self.confs.get(w.text, w.conf))
                                for w in _laid(texts, 1, x=CUT_X)), "Vietnamese")
                for texts in self.lines[:len(images)]]


def _laid(texts: Sequence[str], line: int, x: int = 100, y: int = 100) -> tuple[Word, ...]:
    """Words 30 px apart, each 20 px a letter wide and 40 px high, from (x, y)."""
    words = []
    for text in texts:
        width = 20 * len(text)
        words.append(Word(text, (x, y, x + width, y + 40), 93.0, (1, 1, line)))
        x += width + 30
    return tuple(words)


def _value(*lines: Sequence[str]) -> FieldValue:
    """A filled-in value of hand-laid lines, 60 px apart on the page."""
    words = tuple(w for k, texts in enumerate(lines) for w in _laid(texts, k, y=100 + 60 * k))
    return FieldValue(" ".join(w.text for w in words), 0.93, None, words)


def _subject(value: FieldValue, reread: Rereader | None) -> FieldValue:
    """The trích yếu `value` read again by the second model (no number on the page)."""
    return second_reading(EMPTY, value, reread, (), table())[1]


def _second(value: FieldValue, lines: list[list[str]]) -> tuple[FieldValue, Second]:
    engine = Second(lines)
    return _subject(value, Rereader(engine, lambda: PAGE, DPI)), engine


def test_a_spelling_only_the_second_model_makes_a_compound_of_is_taken() -> None:
    """"Để nghị" (the page model's reading of a typewritten "Đề"): "đề nghị" is a compound,
    "để nghị" none; the value is filled in with the second model's spelling."""
    value = _value(["Để", "nghị", "phê", "duyệt"], ["kinh", "phí", "năm", "2023"])
    got, engine = _second(value, [["Đề", "nghị", "phê", "duyệt"], ["kinh", "phí", "năm", "2023"]])
    assert engine.asked == 2
    assert got.value == "Đề nghị phê duyệt kinh phí năm 2023" and not got.suggested
    assert [w.text for w in got.words][:2] == ["Đề", "nghị"]


def test_the_page_spelling_stands_where_only_it_forms_a_compound() -> None:
    """The second model misreads too ("Đảo cáo" for "báo cáo", "tải" for "tài liệu"): the
    page's spelling, a compound, stands and the value stays filled in."""
    value = _value(["báo", "cáo", "công", "tác", "số", "hóa", "tài", "liệu"])
    got, _ = _second(value, [["Đảo", "cáo", "công", "tác", "số", "hóa", "tải", "liệu"]])
    assert got == value and not got.suggested


def test_a_syllable_nothing_decides_makes_a_suggestion() -> None:
    """"quý" read "quy" by the second model: both are syllables, neither forms a compound with
    "III" or "năm"; the value is offered, spelled as the page read it."""
    value = _value(["Kết", "quả", "quý", "III", "năm", "2020"])
    got, _ = _second(value, [["Kết", "quả", "quy", "III", "năm", "2020"]])
    assert got.value == value.value and got.why == SECOND_MODEL_DIFFERS


def test_a_numeral_read_as_digits_then_as_a_numeral_makes_a_suggestion() -> None:
    """"quý I1": the page model read a stroke as a digit, the second model reads "I"."""
    value = _value(["Tình", "hình", "quý", "I1", "năm", "2016"])
    got, _ = _second(value, [["Tình", "hình", "quý", "I", "năm", "2016"]])
    assert got.value == value.value and got.why == SECOND_MODEL_DIFFERS


def _barred(xs: Sequence[int]) -> np.ndarray:
    """The blank page with an upright stroke 6 px wide from each of `xs`, 100 to 140 down."""
    page = PAGE.copy()
    for x in xs:
        page[100:140, x:x + 6] = 0
    return page


def test_a_numeral_read_as_digits_is_taken_where_the_page_shows_its_strokes() -> None:
    """"quý I1" read "quý I" by the second model: the page shows one upright stroke where "I1"
    was read (x 410-450), so "I" is taken; two strokes there, and the value is offered."""
    value = _value(["Tình", "hình", "quý", "I1", "năm", "2016"])
    for bars, filled in (((425,), True), ((415, 440), False)):
        engine = Second([["Tình", "hình", "quý", "I", "năm", "2016"]])
        got = _subject(value, Rereader(engine, partial(_barred, bars), DPI))
        assert got.suggested is not filled
        assert got.value == ("Tình hình quý I năm 2016" if filled else value.value)


def test_a_capital_in_mid_sentence_the_second_model_reads_small_makes_a_suggestion() -> None:
    """"nộp Lưu vào" (a small l read L): only the case tells it; a capital after a full stop,
    opening the value or in a word of capitals is no doubt."""
    got, _ = _second(_value(["và", "nộp", "Lưu", "vào"]), [["và", "nộp", "lưu", "vào"]])
    assert got.value == "và nộp Lưu vào" and got.why == SECOND_MODEL_DIFFERS
    for line, read in ((["Lưu", "trữ"], ["lưu", "trữ"]), (["năm.", "Lưu", "trữ"],
                       ["năm.", "lưu", "trữ"]), (["nộp", "LƯU", "trữ"], ["nộp", "lưu", "trữ"]),
                       (["vào", "Lưu", "trữ"], ["vào", "Lưu", "trữ"])):
        kept, _ = _second(_value(line), [read])
        assert not kept.suggested, line


def test_a_less_sure_or_a_line_read_otherwise_raises_no_doubt() -> None:
    """"Lễ kỷ niệm" read "Lê" by the second model, less sure than the page's reading; a line
    it read with several words otherwise ("thị văn minh năm" → "Eh: vải mánh nam")."""
    value = _value(["Dự", "Lễ", "kỷ", "niệm", "Ngày", "thành", "lập"])
    engine = Second([["Dự", "Lê", "kỷ", "niệm", "Ngày", "thành", "lập"]], {"Lê": 57.0})
    assert not _subject(value, Rereader(engine, lambda: PAGE, DPI)).suggested
    assert engine.asked == 1
    value = _value(["đô", "thị", "văn", "minh", "năm", "2019"])
    got, _ = _second(value, [["đô", "Eh:", "vải", "mánh", "nam", "2019"]])
    assert got == value


@pytest.mark.parametrize("lines", [
    [["Kết", "quả", "công", "tác", "năm", "2O20"]],  # digits
    [["KẾT", "QUẢ", "công", "tác", "năm", "2020"]],  # case alone
    [["Kết", "quả,", "công", "tác;", "năm", "2020"]],  # marks at a word's ends
    [["Kết", "quả", "công", "tác", "năm"]],  # another count of words
    [["Kết", "quả", "côngg", "tác", "năm", "2020"]],  # no syllable
])
def test_what_the_second_reading_shows_to_be_its_own_slip_changes_nothing(
    lines: list[list[str]],
) -> None:
    value = _value(["Kết", "quả", "công", "tác", "năm", "2020"])
    got, _ = _second(value, lines[:1])
    assert got.value == value.value and not got.suggested


def test_a_suggestion_or_a_lost_page_is_not_read_again() -> None:
    value = _value(["Để", "nghị", "phê", "duyệt"])
    offered = replace(value, why=LOST_WORDS)
    got, engine = _second(offered, [["Đề", "nghị", "phê", "duyệt"]])
    assert got == offered and engine.asked == 0

    def gone() -> np.ndarray:
        raise OSError("the saved page is gone")

    engine = Second([["Đề", "nghị", "phê", "duyệt"]])
    assert _subject(value, Rereader(engine, gone, DPI)) == value
    assert engine.asked == 0 and _subject(value, None) == value


def test_marks_the_lexicon_guessed_are_settled_when_the_second_model_reads_them() -> None:
    """"kêt" read, "kết" chosen by the lexicon on thin evidence (a suggestion): the second
    model reading "kết" too fills the value in; reading "kêt" again, it stays offered."""
    value = _value(["Toàn", "dân", "đoàn", "kết"])
    guessed = replace(value, why=GUESSED, words=tuple(
        replace(w, guessed=w.text == "kết") for w in value.words))
    got, engine = _second(guessed, [["Toàn", "dân", "đoàn", "kết"]])
    assert engine.asked == 1
    assert got.value == "Toàn dân đoàn kết" and not got.suggested
    assert not any(w.guessed for w in got.words)
    kept, _ = _second(guessed, [["Toàn", "dân", "đoàn", "kêt"]])
    assert kept.value == "Toàn dân đoàn kết" and kept.why == GUESSED


def test_a_word_that_is_no_syllable_is_settled_by_a_compound_of_the_second_reading() -> None:
    """"Ouy chế" (a typewriter's Q read as O): the second model's "Quy" forms a compound with
    "chế", the value is filled in; a reading that settles nothing leaves it offered."""
    value = replace(_value(["ban", "hành", "Ouy", "chế"]), why=NOT_A_SYLLABLE)
    got, _ = _second(value, [["ban", "hành", "Quy", "chế"]])
    assert got.value == "ban hành Quy chế" and not got.suggested
    kept, _ = _second(value, [["ban", "hành", "Ouy", "chế"]])
    assert kept.value == "ban hành Ouy chế" and kept.why == NOT_A_SYLLABLE


def _number(text: str) -> FieldValue:
    words = _laid(["Số:", text], 1)
    return FieldValue(text, 0.9, None, words)


@pytest.mark.parametrize(("page", "read", "expected"), [
    ("05/QĐĐ-MTTQ-BTT", "05/QĐ-MTTQ-BTT", "05/QĐ-MTTQ-BTT"),  # a letter doubled
    ("136/MTTQO-BTT", "136/MTTQ-BTT", "136/MTTQ-BTT"),  # a Q's tail read as a letter
    ("91-QĐĐ/HU", "91-QĐ/HU", "91-QĐ/HU"),  # Party style
    ("288/BC-MTTQ-BTT", "288/BC-MTTQ", "288/BC-MTTQ-BTT"),  # the page's all known: it stands
    ("05/QĐĐ-MTTQ-BTT", "05/QĐN-MTTQ-BTT", "05/QĐĐ-MTTQ-BTT"),  # no better
])
def test_a_number_read_with_a_part_no_abbreviation_takes_the_second_reading(
    page: str, read: str, expected: str,
) -> None:
    value = _number(page)
    engine = Second([["Số:", read]])
    got, subject = second_reading(value, EMPTY, Rereader(engine, lambda: PAGE, DPI), (), table())
    assert engine.asked == 1 and got.value == expected and not got.suggested
    assert subject == EMPTY


@pytest.mark.parametrize(("page", "read"), [
    ("05/QĐĐ-MTTQ-BTT", "06/QĐ-MTTQ-BTT"),  # other digits, the notation no better or worse
    ("05-KH/QU", "95-KH/QU"),  # a digit read otherwise (Party style)
    ("522/BB-UBND", "322/BB-UBND"),  # the second model right, the page wrong: no telling
    ("525/UBND", "3525/UBND"),  # a digit more
])
def test_a_number_the_second_model_reads_with_other_digits_stands_as_read(
    page: str, read: str,
) -> None:
    """Each model misreads some digits of a face the other reads right: other digits read by
    the second model neither replace the page's nor make the number a suggestion."""
    engine = Second([["Số:", read]])
    got, _ = second_reading(_number(page), EMPTY, Rereader(engine, lambda: PAGE, DPI), (),
                            table())
    assert engine.asked == 1 and got.value == page and not got.suggested


def test_a_number_the_second_model_reads_alike_or_not_at_all_stands() -> None:
    """The same digits, or no number read by the second model, leave the page's number filled."""
    for read in (["Số:", "522/BB-UBND"], ["sư"]):
        engine = Second([read])
        got, _ = second_reading(_number("522/BB-UBND"), EMPTY,
                                Rereader(engine, lambda: PAGE, DPI), (), table())
        assert got.value == "522/BB-UBND" and not got.suggested


def test_the_number_and_the_trich_yeu_are_read_in_one_run() -> None:
    """The number line first, then the trích yếu's lines; each value takes its own readings."""
    num = _number("05/QĐĐ-MTTQ-BTT")
    value = _value(["Để", "nghị", "phê", "duyệt"])
    engine = Second([["Số:", "05/QĐ-MTTQ-BTT"], ["Đề", "nghị", "phê", "duyệt"]])
    got, subject = second_reading(num, value, Rereader(engine, lambda: PAGE, DPI), (), table())
    assert engine.runs == [2]
    assert got.value == "05/QĐ-MTTQ-BTT" and subject.value == "Đề nghị phê duyệt"


def _line(text: str) -> np.ndarray:
    image = Image.new("L", (1500, 100), 255)
    ImageDraw.Draw(image).text((30, 22), text, fill=0, font=ImageFont.truetype(FONT, 46))
    return np.asarray(image)


def test_a_typewritten_line_read_by_the_installed_second_model() -> None:
    """Real Tesseract: a typewritten line read by `vie`, its "Đề" then misread as "Để" (as the
    page model reads TeX Gyre Cursor's), is put right by the script model's reading."""
    engine = TesseractEngine(lang="vie")
    image = _line("Đề nghị phê duyệt kinh phí")
    words = engine.read_lines([image], DPI)[0].words
    assert [w.text for w in words] == ["Đề", "nghị", "phê", "duyệt", "kinh", "phí"]
    misread = tuple(replace(w, text="Để") if w.text == "Đề" else w for w in words)
    value = FieldValue(" ".join(w.text for w in misread), 0.9, None, misread)
    got = _subject(value, Rereader(engine, lambda: image, DPI))
    assert got.value == "Đề nghị phê duyệt kinh phí" and not got.suggested
