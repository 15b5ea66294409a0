"""A field's line read again from the page image of a generated first page."""

# A field's line read again from the page image: a generated first page read by Tesseract, its
# first reading damaged as the page OCR damages lines, and what the second reading makes of it.

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.errors import InputError
from app.extract.agree import agree
from app.extract.confirm import confirm, confused, settle
from app.extract.layout import Segment
from app.extract.model import (
    DIGITS_UNSURE,
    DISAGREE,
    REREAD_UNSURE,
    UNSURE,
    WEAK_NUMERAL,
    WEAK_SCORE,
    FieldValue,
)
from app.extract.read import PageFields, read_fields
from app.extract.reread import Rereader
from app.ocr.base import OcrResult, Word
from app.ocr.null import NullEngine
from app.ocr.tesseract import TesseractEngine
from app.synth.document import RenderedPage, render_page

DPI = 300
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def _damaged(ocr: OcrResult, text: str, to: str, **changes: object) -> OcrResult:
    """The page's OCR with the first word reading `text` (in reading order: the header's)
    read as `to`, and its fields `changes`."""
    hits = [w for w in ocr.words if w.text == text]
    assert hits, f"the page OCR should read {text!r}"
    return OcrResult(tuple(replace(w, text=to, **changes) if w is hits[0] else w  # type: ignore[arg-type]
                           for w in ocr.words), ocr.lang)


def _fields(rendered: RenderedPage, ocr: OcrResult, pixels: np.ndarray | None = None,
            engine: TesseractEngine | NullEngine | None = None) -> PageFields:
    image = rendered.image if pixels is None else pixels
    lines = Rereader(engine or TesseractEngine(lang="vie"), lambda: image, DPI)
    return read_fields(ocr, (rendered.image.shape[1], rendered.image.shape[0]), reread=lines)


def _size(rendered: RenderedPage) -> tuple[int, int]:
    return rendered.image.shape[1], rendered.image.shape[0]


def test_number_read_as_debris_is_read_again(first_page: tuple[RenderedPage, OcrResult]) -> None:
    rendered, ocr = first_page
    assert rendered.fields is not None
    number = rendered.fields.number  # "1949/BB-MTTQ-BTT"
    damaged = _damaged(ocr, number, "@B" + number[2:])
    assert read_fields(damaged, _size(rendered)).number.value == ""
    again = _fields(rendered, damaged).number
    assert again.value == number and not again.suggested
    assert again.box is not None and abs(again.box[1] - 600) < 30  # boxed in page pixels


def test_impossible_date_is_read_again(first_page: tuple[RenderedPage, OcrResult]) -> None:
    rendered, ocr = first_page
    assert rendered.fields is not None
    year = str(rendered.fields.issued.year)  # 2020, read "2620" as a typewriter face does
    damaged = _damaged(ocr, year, year[0] + "6" + year[2:])
    assert read_fields(damaged, _size(rendered)).issued.value == ""
    again = _fields(rendered, damaged).issued
    assert again.value == rendered.fields.issued.strftime("%d/%m/%Y") and not again.suggested


def test_unsure_number_is_confirmed_by_a_second_reading(
    first_page: tuple[RenderedPage, OcrResult],
) -> None:
    rendered, ocr = first_page
    assert rendered.fields is not None
    number = rendered.fields.number
    unsure = _damaged(ocr, number, number, conf=20.0)
    first = read_fields(unsure, _size(rendered)).number
    assert first.value == number and first.why == UNSURE
    again = _fields(rendered, unsure).number
    assert again.value == number and not again.suggested


def test_rival_digits_need_two_new_readings(first_page: tuple[RenderedPage, OcrResult]) -> None:
    rendered, ocr = first_page
    assert rendered.fields is not None
    number = rendered.fields.number
    rival = _damaged(ocr, number, number, rival=True)
    assert read_fields(rival, _size(rendered)).number.why == DIGITS_UNSURE
    engine = TesseractEngine(lang="vie")
    lines = Rereader(engine, lambda: rendered.image, DPI)
    again = read_fields(rival, _size(rendered), reread=lines).number
    assert again.value == number and not again.suggested
    assert lines.lines_read >= 2  # the first reading's own value was no vote


def test_nothing_readable_leaves_the_first_reading(
    first_page: tuple[RenderedPage, OcrResult],
) -> None:
    """A blank image (or no OCR at all) confirms nothing: a suggestion stays one, an
    unreadable line stays empty — never a value no second reading agreed on."""
    rendered, ocr = first_page
    assert rendered.fields is not None
    number = rendered.fields.number
    unsure = _damaged(ocr, number, number, conf=20.0)
    blank = np.full_like(rendered.image, 255)
    assert _fields(rendered, unsure, pixels=blank).number.why == UNSURE
    debris = _damaged(ocr, number, "@B" + number[2:])
    assert _fields(rendered, debris, pixels=blank).number.value == ""
    assert _fields(rendered, debris, engine=NullEngine()).number.value == ""


def test_a_cong_van_typed_from_its_number_read_again() -> None:
    """A công văn names no type in a title: its type comes from the "V/v" line, surer with
    the number; the number read as debris and read again gives it with the number."""
    rendered = render_page(np.random.default_rng(8), dpi=DPI, first_page=True)
    assert rendered.fields is not None and rendered.fields.type_code == "22"
    number = rendered.fields.number  # "165/MTTQ-BTT"
    ocr = TesseractEngine(lang="vie").recognize(rendered.image, DPI)
    read = next(w.text for w in ocr.words if w.text.startswith(number.split("/")[0]))
    damaged = _damaged(ocr, read, "@B" + read[2:])  # the page OCR reads "165/.MTTQ-BTT"
    first = read_fields(damaged, _size(rendered)).doc_type  # from the "V/v" line alone
    assert first.value == "22"
    again = _fields(rendered, damaged)
    assert again.number.value == number and again.doc_type.value == "22"
    assert again.doc_type.confidence > first.confidence


def test_unsure_words_of_a_subject_confirmed_by_a_second_reading(
    first_page: tuple[RenderedPage, OcrResult],
) -> None:
    """A trích yếu offered because a word was read unsure is filled in once a new reading of
    that word's line spells it the same; against a blank image it stays a suggestion."""
    rendered, ocr = first_page
    assert rendered.fields is not None
    subject = rendered.fields.subject  # "Kiểm tra công tác bảo đảm trật tự an toàn …"
    unsure = _damaged(ocr, "trật", "trật", conf=20.0, guessed=True)
    first = read_fields(unsure, _size(rendered)).subject
    assert first.value == subject and first.suggested
    again = _fields(rendered, unsure).subject
    assert again.value == subject and not again.suggested
    blank = np.full_like(rendered.image, 255)
    assert _fields(rendered, unsure, pixels=blank).subject.suggested


def test_a_misread_word_is_not_confirmed(first_page: tuple[RenderedPage, OcrResult]) -> None:
    """The first reading's unsure word spelled otherwise than the page prints it: the new
    reading does not spell it the same, so the value stays a suggestion."""
    rendered, ocr = first_page
    misread = _damaged(ocr, "trật", "trậc", conf=20.0)
    assert _fields(rendered, misread).subject.suggested


def test_a_lost_page_image_leaves_the_first_readings(
    first_page: tuple[RenderedPage, OcrResult],
) -> None:
    """The page's saved image gone (the desk renders it again from the batch folder): the
    fields read first stand, nothing is lost or raised."""
    rendered, ocr = first_page
    assert rendered.fields is not None
    number = rendered.fields.number
    unsure = _damaged(ocr, number, number, conf=20.0)

    def gone() -> np.ndarray:
        raise InputError("Cannot read the saved page.", hint="Rescan the page.")

    lines = Rereader(TesseractEngine(lang="vie"), gone, DPI)
    got = read_fields(unsure, _size(rendered), reread=lines)
    assert got == read_fields(unsure, _size(rendered))
    assert got.number.value == number and got.number.why == UNSURE and lines.lines_read == 0


def test_a_box_off_the_page_reads_nothing() -> None:
    image = np.full((200, 300), 255, np.uint8)
    lines = Rereader(TesseractEngine(lang="vie"), lambda: image, DPI)
    assert lines.read((400, 250, 500, 290), 2.0) is None
    assert lines.lines_read == 0


def test_lines_read_in_one_way_before_are_not_read_again() -> None:
    # the number check, agree and the second model ask for some of the same readings
    img = Image.new("L", (700, 180), 255)
    draw = ImageDraw.Draw(img)
    draw.text((20, 20), "Về việc lập hồ sơ", fill=0, font=ImageFont.truetype(FONT, 44))
    draw.text((20, 100), "năm 2023", fill=0, font=ImageFont.truetype(FONT, 44))
    image = np.asarray(img)
    lines = Rereader(TesseractEngine(lang="vie"), lambda: image, DPI)
    boxes = [(20, 25, 420, 75), (20, 105, 230, 155)]
    first = lines.read_many(boxes, 2.0)
    assert first is not None and lines.lines_read == 2
    texts = [segment.text if segment is not None else "" for segment in first]
    assert "hồ" in texts[0] and "2023" in texts[1]
    assert lines.read_many(boxes[:1], 2.0) == first[:1]  # a part of what was read: kept
    assert lines.lines_read == 2
    lines.read_many(boxes[:1], 2.0, thick=True)  # read in another way: read
    assert lines.lines_read == 3


def test_one_reading_alone_is_only_offered() -> None:
    """A line the first reading got nothing from, and only one of the new readings gives a
    value (no confused digits tie it to the first): offered to the clerk, not filled in."""
    img = Image.new("L", (700, 90), 255)
    ImageDraw.Draw(img).text((20, 20), "Số: 12/KH-UBND", fill=0, font=ImageFont.truetype(FONT, 44))
    image = np.asarray(img)
    line = Segment((Word("Số: ??/KH-UBND", (20, 25, 380, 70), 90.0, (1, 1, 1)),))
    lines = Rereader(TesseractEngine(lang="vie"), lambda: image, DPI)
    values = iter(["12/KH-UBND"])  # the field's own reading takes only the first

    def value_of(segment: Segment) -> FieldValue:
        return FieldValue(next(values, ""), 0.9, segment.box, segment.words)

    got = settle(FieldValue(), line, lines, value_of)
    assert got.value == "12/KH-UBND" and got.why == REREAD_UNSURE
    assert lines.lines_read == 3


def test_confused_digits() -> None:
    assert confused("ngày 04 tháng 69 năm 2612", "ngày 04 tháng 09 năm 2012")
    assert not confused("tháng 69", "tháng 69")
    assert not confused("tháng 69", "tháng 19")
    assert not confused("Số 63", "Số 603")


def test_a_subject_read_sure_is_read_a_second_time(
    first_page: tuple[RenderedPage, OcrResult],
) -> None:
    """A trích yếu read sure: its lines holding a word the lexicon does not bear out are read
    a second time (one run, re-ranked as the page was), at most once each; the readings
    agree, so it stays filled in."""
    rendered, ocr = first_page
    assert rendered.fields is not None
    lines = Rereader(TesseractEngine(lang="vie"), lambda: rendered.image, DPI)
    got = read_fields(ocr, _size(rendered), reread=lines).subject
    assert got.value == rendered.fields.subject and not got.suggested
    assert lines.lines_read <= len({w.line for w in got.words})


def test_a_sure_misreading_is_caught_by_the_second_reading(
    first_page: tuple[RenderedPage, OcrResult],
) -> None:
    """A word of the trích yếu read sure as another valid syllable ("trực" for "trật"): no
    check of the word itself fires, the second reading spells it as printed, so the value is
    only offered; with no page image to read from, the first reading stands."""
    rendered, ocr = first_page
    misread = _damaged(ocr, "trật", "trực", conf=85.0)  # sure: above every check's bar
    assert not read_fields(misread, _size(rendered)).subject.suggested
    got = _fields(rendered, misread).subject
    assert "trực" in got.value and got.why == DISAGREE

    def gone() -> np.ndarray:
        raise InputError("Cannot read the saved page.", hint="Rescan the page.")

    kept = read_fields(misread, _size(rendered), reread=Rereader(NullEngine(), gone, DPI))
    assert not kept.subject.suggested


def _line(text: str) -> np.ndarray:
    img = Image.new("L", (1100, 90), 255)
    ImageDraw.Draw(img).text((20, 20), text, fill=0, font=ImageFont.truetype(FONT, 44))
    return np.asarray(img)


def _value(words: tuple[Word, ...]) -> FieldValue:
    return FieldValue(" ".join(w.text for w in words), 0.9, None, words)


def test_a_second_reading_doubts_one_word_the_lexicon_does_not_bear_out() -> None:
    """A line read twice (real Tesseract on a line image): the first reading taken as is stays
    filled in; the same reading with one word spelled otherwise, sure ("mình" for "minh": no
    compound with "văn"), is only offered; a first spelling the lexicon bears out against the
    second's is kept ("văn minh" read first, "văn mình" second)."""
    image = _line("xây dựng nếp sống văn minh")
    engine = TesseractEngine(lang="vie")
    first = engine.read_lines([image], DPI)[0].words
    assert [w.text for w in first] == ["xây", "dựng", "nếp", "sống", "văn", "minh"]
    same = agree(_value(first), Rereader(engine, lambda: image, DPI))
    assert not same.suggested
    wrong = tuple(replace(w, text="mình", conf=80.0) if w.text == "minh" else w for w in first)
    doubted = agree(_value(wrong), Rereader(engine, lambda: image, DPI))
    assert doubted.value.endswith("văn mình") and doubted.why == DISAGREE
    printed = _line("xây dựng nếp sống văn mình")  # what a second reading might say
    kept = agree(_value(first), Rereader(engine, lambda: printed, DPI))
    assert not kept.suggested


def test_an_unsure_word_both_new_readings_spell_as_a_compound_is_taken_in_a_text_value(
) -> None:
    """"văn mình" read with a middling score (offered: WEAK_SCORE); the ×2 and ×3 readings
    (real Tesseract on a line image) both spell "minh", and only "văn minh" is a compound of
    the lexicon: a text value (the trích yếu) takes it, filled in; a name's (the issuer's,
    without `respell`) stays offered."""
    image = _line("xây dựng nếp sống văn minh")
    engine = TesseractEngine(lang="vie")
    first = engine.read_lines([image], DPI)[0].words
    weak = tuple(replace(w, text="mình", conf=50.0) if w.text == "minh" else w for w in first)
    value = replace(_value(weak), why=WEAK_SCORE)
    got = confirm(value, Rereader(engine, lambda: image, DPI), respell=True)
    assert got.value == "xây dựng nếp sống văn minh" and not got.suggested
    assert [w.text for w in got.words] == got.value.split()
    assert confirm(value, Rereader(engine, lambda: image, DPI)).why == WEAK_SCORE
    other = _line("xây dựng nếp sống văn mình")  # both new readings spell it as first read
    assert not confirm(value, Rereader(engine, lambda: other, DPI), respell=True).suggested
    assert confirm(value, Rereader(engine, lambda: other, DPI), respell=True
                   ).value.endswith("văn mình")


BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"


def _bold(text: str) -> np.ndarray:
    """A trích yếu's line set bold, 50 px (12 pt at 300 dpi)."""
    img = Image.new("L", (1300, 100), 255)
    ImageDraw.Draw(img).text((20, 20), text, fill=0, font=ImageFont.truetype(BOLD, 50))
    return np.asarray(img)


@pytest.mark.parametrize(("numeral", "strokes"), [("I", 1), ("II", 2), ("III", 3), ("IV", 3)])
def test_strokes_across_a_numerals_middle_are_counted(numeral: str, strokes: int) -> None:
    """The serifs of a bold face join a numeral's letters at top and bottom, not across the
    middle, where each I shows one stroke and a V two."""
    image = _bold(numeral)
    ys, xs = np.nonzero(image < 128)
    box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
    assert Rereader(NullEngine(), lambda: image, DPI).strokes(box) == strokes


def test_a_weak_numeral_is_filled_in_only_when_the_page_shows_its_strokes() -> None:
    """A trích yếu offered because a Roman numeral was read with a middling score: filled in
    when the page shows as many strokes as the reading has and a new reading spells it the
    same; "II" read where "III" is printed stays a suggestion."""
    image = _bold("khen thưởng quý III năm 2017")
    engine = TesseractEngine(lang="vie")
    read = engine.read_lines([image], DPI)[0].words
    assert "III" in [w.text for w in read]
    for text, filled in (("III", True), ("II", False)):
        words = tuple(replace(w, text=text, conf=46.0) if w.text == "III" else w for w in read)
        value = replace(_value(words), why=WEAK_NUMERAL)
        got = confirm(value, Rereader(engine, lambda: image, DPI))
        assert got.suggested is not filled and text in got.value.split()


@dataclass
class _Reads:
    """An engine that reads any line cut as `texts`, the words spread evenly over the cut
    between its margins (a line's cut has 0.4 × its height of page left and right, and a
    16-pixel border)."""

    texts: list[str]
    conf: float = 90.0
    name: str = "fake"

    def read_lines(self, images: list[np.ndarray], dpi: float) -> list[OcrResult]:
        return [self.read_line(image, dpi) for image in images]

    def read_line(self, image: np.ndarray, dpi: float) -> OcrResult:
        scale = dpi / DPI
        height, width = image.shape[:2]
        left, right = 16 + 16 * scale, width - 16 - 16 * scale  # margin: 0.4 × 40 px
        step = (right - left) / len(self.texts)
        return OcrResult(tuple(
            Word(text, (round(left + k * step), 16, round(left + (k + 1) * step), height - 16),
                 self.conf, (1, 1, 1)) for k, text in enumerate(self.texts)), "vie")


def test_an_unsure_word_read_again_with_a_mark_at_its_edge_is_confirmed() -> None:
    """A new reading of a typewritten line that takes in a speck at a word's edge ("_lưu",
    "“lưu"): the word is spelled the same, the value filled in; "tưu" is another word."""
    words = (Word("lưu", (100, 100, 160, 140), 52.0, (1, 1, 1)),
             Word("trữ", (190, 100, 250, 140), 87.0, (1, 1, 1)))
    value = replace(_value(words), why=WEAK_SCORE)
    page = np.full((400, 600), 255, np.uint8)
    for first, filled in (("_lưu", True), ("“lưu", True), ("tưu", False)):
        got = confirm(value, Rereader(_Reads([first, "trữ"]), lambda: page, DPI))  # type: ignore[arg-type]
        assert got.suggested is not filled


def test_a_numeral_read_again_as_thin_strokes_raises_no_doubt() -> None:
    """"III" read again as "IIT" (capitals, so no syllable check stops it): the second reading's
    own slip of thin strokes; read again as another numeral ("IV"), the value is doubted."""
    words = tuple(Word(text, (x, 100, x + 20 * len(text), 140), conf, (1, 1, 1))
                  for text, x, conf in (("khen", 100, 95.0), ("thưởng", 210, 95.0),
                                        ("quý", 360, 93.0), ("III", 450, 47.0)))
    page = np.full((400, 800), 255, np.uint8)
    for second, doubted in ((["khen", "thưởng", "quý", "IIT"], False),
                            (["khen", "thưởng", "quý", "IV"], True)):
        engine = _Reads(second, conf=68.0)
        got = agree(_value(words), Rereader(engine, lambda: page, DPI))  # type: ignore[arg-type]
        assert (got.why == DISAGREE) is doubted
