"""A field's line read again from the page image: a generated first page read by Tesseract, its
first reading damaged as the page OCR damages lines, and what the second reading makes of it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.errors import InputError
from app.extract.layout import Segment
from app.extract.model import DIGITS_UNSURE, UNSURE, FieldValue
from app.extract.read import PageFields, read_fields
from app.extract.reread import REREAD_UNSURE, Rereader, confused, settle
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
    """A công văn names no type in a title: its type comes from the "V/v" line with the
    number; the number read as debris and read again still gives the type."""
    rendered = render_page(np.random.default_rng(8), dpi=DPI, first_page=True)
    assert rendered.fields is not None and rendered.fields.type_code == "22"
    number = rendered.fields.number  # "165/MTTQ-BTT"
    ocr = TesseractEngine(lang="vie").recognize(rendered.image, DPI)
    read = next(w.text for w in ocr.words if w.text.startswith(number.split("/")[0]))
    damaged = _damaged(ocr, read, "@B" + read[2:])  # the page OCR reads "165/.MTTQ-BTT"
    assert read_fields(damaged, _size(rendered)).doc_type.value == ""
    again = _fields(rendered, damaged)
    assert again.number.value == number and again.doc_type.value == "22"


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

