"""The OCR's second pass: blue ink kept out, weak lines read again, with real Tesseract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.errors import DependencyError
from app.ocr import ink, reread
from app.ocr.base import Box
from app.ocr.hocr import ChoiceWord, read_hocr
from app.ocr.rerank import rerank_words
from app.ocr.reread import Cut, cut, line_words, pieces, reread_lines, stroke_width, thin
from app.ocr.tesseract import TesseractEngine

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
LINES = ["Độc lập - Tự do - Hạnh phúc", "Ủy ban Mặt trận Tổ quốc Việt Nam",
         "Nơi nhận: các đơn vị trực thuộc"]
BLUE = (30, 45, 150)
ENGINE = TesseractEngine(lang="vie")


def _page(ink_colour: tuple[int, int, int] = (20, 20, 20), scribble: bool = True) -> np.ndarray:
    """Three lines of text and, under them, a wavy blue stroke like a signature."""
    image = Image.new("RGB", (1800, 1100), (246, 244, 238))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 56)
    for i, line in enumerate(LINES):
        draw.text((150, 120 + 160 * i), line, font=font, fill=ink_colour)
    if scribble:
        t = np.linspace(0, 1, 80)
        points = [(float(700 + 600 * x), float(850 + 70 * np.sin(x * 14) * (1.2 - x)))
                  for x in t]
        draw.line(points, fill=BLUE, width=5, joint="curve")
    return np.asarray(image)


def _word(text: str, box: Box, conf: float, line: int = 1) -> ChoiceWord:
    return ChoiceWord(text, box, conf, (1, 1, line), ())


def _read(image: np.ndarray, calls: list[tuple[int, int]] | None = None
          ) -> Callable[[list[Cut], int], list[list[ChoiceWord]]]:
    """Reads pieces of `image` again as the engine does, noting (mode, count) in `calls`."""
    def read(cuts: list[Cut], psm: int) -> list[list[ChoiceWord]]:
        if calls is not None:
            calls.append((psm, len(cuts)))
        return line_words(replace(ENGINE, psm=psm).hocr_many([cut(image, *c) for c in cuts],
                                                             300), cuts)
    return read


def _each(reading: Callable[[Box], list[ChoiceWord]]
          ) -> Callable[[list[Cut], int], list[list[ChoiceWord]]]:
    return lambda cuts, psm: [reading(c.box) for c in cuts]


def test_a_line_is_cut_into_pieces_at_a_column_gap() -> None:
    words = [_word("Như", (100, 10, 160, 40), 90), _word("trên;", (170, 10, 250, 40), 90),
             _word("CHỦ", (1200, 10, 1300, 50), 90), _word("TỊCH", (1310, 10, 1420, 50), 90),
             _word("Lưu", (100, 60, 160, 90), 90, line=2)]
    assert pieces(words) == [[0, 1], [2, 3], [4]]
    assert pieces([]) == []


def test_sure_lines_are_not_read_again() -> None:
    image = _page(scribble=False)
    words = read_hocr(ENGINE.hocr(image, 300))
    calls: list[tuple[int, int]] = []
    assert reread_lines(words, (image.shape[1], image.shape[0]), _read(image, calls)) == words
    assert calls == []


def test_a_weak_line_is_read_again_in_place_and_kept_when_surer() -> None:
    image = _page(scribble=False)
    words = read_hocr(ENGINE.hocr(image, 300))
    second = words[0].line
    # the first line as the page OCR might have read it: junk, little confidence
    junk = [ChoiceWord(w.text[::-1] + "~", w.box, 20.0, w.line, ()) if w.line == second else w
            for w in words]
    calls: list[tuple[int, int]] = []
    out = reread_lines(junk, (image.shape[1], image.shape[0]), _read(image, calls))
    assert calls and calls[0] == (reread.READINGS[0][0], 1)
    again = [w for w in out if w.line == second]
    assert " ".join(w.text for w in again) == LINES[0]
    assert min(w.conf for w in again) > 20.0
    first_box = [w.box for w in words if w.line == second]
    assert abs(again[0].box[0] - first_box[0][0]) <= 3
    assert abs(again[-1].box[2] - first_box[-1][2]) <= 3
    assert [w.text for w in out if w.line != second] == [w.text for w in words if w.line != second]
    # a reading less sure than the first (or none at all) leaves the first
    assert reread_lines(junk, (image.shape[1], image.shape[0]), _each(lambda box: [])) == junk
    sure = [replace(w, conf=79.0) for w in junk]
    worse = reread_lines(sure, (image.shape[1], image.shape[0]),
                         _each(lambda box: [_word("x", box, 10.0)]))
    assert worse == sure


def test_a_piece_at_the_page_edge_is_cut_inside_the_page() -> None:
    image = _page(scribble=False)
    edge = [_word("~", (0, 0, 30, image.shape[0]), 5.0)]
    box = reread.cut_box(edge, (image.shape[1], image.shape[0]), 0.3)
    assert box[0] == 0 and box[1] == 0 and box[3] == image.shape[0]
    assert cut(image, box).shape[:2] == (image.shape[0] + 2 * reread.BORDER,
                                         box[2] + 2 * reread.BORDER)


def test_blue_ink_is_found_and_printed_blue_is_not_dropped() -> None:
    page = _page()
    blue = ink.blue_ink(page)
    assert blue is not None and blue[850 - 80:850 + 80, 700:1300].any()
    assert not blue[100:700, :].any()  # the black text
    assert ink.without_blue(page, blue)[blue].min() == 255
    assert ink.blue_ink(_page(scribble=False)) is None
    assert ink.blue_ink(ink.grey(page)) is None
    assert ink.blue_ink(_page(ink_colour=BLUE)) is None  # printed in blue: mostly blue ink
    printed_blue = TesseractEngine(lang="vie").recognize(_page(ink_colour=BLUE), 300)
    assert printed_blue.text.splitlines()[:3] == LINES


def test_words_on_a_signature_are_dropped_and_text_kept() -> None:
    page = _page()
    words = ENGINE.words(page, 300)
    assert [" ".join(w.text for w in words if w.line == line)
            for line in dict.fromkeys(w.line for w in words)] == LINES
    stroke = ink.blue_ink(page)
    assert stroke is not None
    first = [_word("`...", (700, 780, 1300, 930), 30.0), *read_hocr(ENGINE.hocr(page, 300))]
    flagged = {first[i].text for i in ink.on_blue(first, page, stroke)}
    assert "`..." in flagged and not flagged & set(" ".join(LINES).split())
    assert ink.on_blue(first, page, None) == []


def test_recognize_gives_the_second_pass_re_ranked() -> None:
    page = _page()
    result = ENGINE.recognize(page, 300)
    again = rerank_words(ENGINE.words(page, 300))
    assert [w.text for w in result.words] == [w.text for w in again]


def test_marks_a_cut_edge_adds_are_trimmed_unless_read_there_first() -> None:
    first = [_word("Nhi", (100, 10, 160, 40), 20.0), _word("tượt", (170, 10, 250, 40), 20.0)]
    again = [_word("“Năm", (95, 10, 160, 40), 90.0), _word("lượt.", (170, 10, 255, 40), 90.0)]
    out = reread_lines(first, (400, 100), _each(lambda box: again))
    assert [w.text for w in out] == ["Năm", "lượt"]
    quoted = [_word("“Năm", (100, 10, 160, 40), 20.0), _word("lượt.", (170, 10, 250, 40), 20.0)]
    out = reread_lines(quoted, (400, 100), _each(lambda box: again))
    assert [w.text for w in out] == ["“Năm", "lượt."]
    dash = [_word("-", (95, 10, 105, 40), 90.0), _word("Như", (120, 10, 160, 40), 90.0)]
    assert [w.text for w in reread_lines(first, (400, 100), _each(lambda box: dash))] == [
        "-", "Như"]


def test_several_lines_are_read_in_one_run_page_by_page() -> None:
    image = _page(scribble=False)
    words = read_hocr(ENGINE.hocr(image, 300))
    boxes = [reread.cut_box([w for w in words if w.line == line], (image.shape[1],
                                                                    image.shape[0]), 0.3)
             for line in dict.fromkeys(w.line for w in words)]
    pages = _read(image)([Cut(box) for box in boxes], 7)
    assert [" ".join(w.text for w in page) for page in pages] == LINES
    assert all(box[0] <= page[0].box[0] and page[-1].box[2] <= box[2]
               for box, page in zip(boxes, pages, strict=True))


def test_a_run_that_loses_a_line_image_is_a_clear_error() -> None:
    image = _page(scribble=False)
    one = ENGINE.hocr_many([cut(image, (100, 100, 900, 200))], 300)
    with pytest.raises(DependencyError, match="1 of 2 line images"):
        line_words(one, [(100, 100, 900, 200), (100, 300, 900, 400)])
    with pytest.raises(DependencyError, match="could not be read"):
        line_words("<html><body>", [(0, 0, 10, 10)])


TYPEWRITER = "/usr/share/fonts/truetype/freefont/FreeMono.ttf"  # fonts-freefont-ttf: Courier-like


def _typed(font: str, text: str = "Toàn dân đoàn kết xây dựng nông thôn mới") -> np.ndarray:
    """One line of text at 12 pt, 300 dpi, in grey."""
    image = Image.new("L", (2200, 200), 250)
    ImageDraw.Draw(image).text((60, 60), text, font=ImageFont.truetype(font, 50), fill=25)
    return np.asarray(image)


def test_thin_strokes_are_told_from_printed_ones() -> None:
    typed, printed = _typed(TYPEWRITER), _typed(FONT)
    words = {name: read_hocr(ENGINE.hocr(image, 300)) for name, image in
             (("typed", typed), ("printed", printed))}
    assert words["typed"] and words["printed"]
    whole = (0, 0, typed.shape[1], typed.shape[0])
    assert 0 < stroke_width(typed, whole) < stroke_width(printed, whole)
    assert stroke_width(cut(typed, whole, thick=True), whole) > stroke_width(typed, whole)
    assert stroke_width(np.full((50, 50), 255, np.uint8), (0, 0, 50, 50)) == 0
    assert thin(typed, words["typed"], 300)
    assert not thin(printed, words["printed"], 300)
    assert not thin(typed, words["typed"], 100)  # thin for its size, not outright


def test_a_thin_weak_piece_is_also_read_thickened_in_every_mode() -> None:
    typed = _typed(TYPEWRITER)
    words = read_hocr(ENGINE.hocr(typed, 300))
    weak = [replace(w, conf=30.0) for w in words]
    asked: list[tuple[int, bool]] = []

    def read(cuts: list[Cut], psm: int) -> list[list[ChoiceWord]]:
        asked.extend((psm, c.thick) for c in cuts)
        return _read(typed)(cuts, psm)

    out = reread_lines(weak, (typed.shape[1], typed.shape[0]), read,
                       lambda piece: thin(typed, piece, 300))
    # in each mode asked, the plain cut and the thickened one
    assert asked and sorted(asked) == sorted({(psm, t) for psm, _ in asked for t in (False, True)})
    assert min(w.conf for w in out) > 30.0  # the surer of them was taken
    plain: list[bool] = []

    def unread(cuts: list[Cut], psm: int) -> list[list[ChoiceWord]]:
        plain.extend(c.thick for c in cuts)
        return [[] for _ in cuts]

    assert reread_lines(weak, (typed.shape[1], typed.shape[0]), unread) == weak
    assert plain and not any(plain)  # not thickened unless found thin
