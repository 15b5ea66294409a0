"""A công văn's "V/v" label as the model reads it in sans faces ("V/", "V4")."""

# A công văn's "V/v" label as the model reads it in sans faces ("V/", "V4"): hand-laid
# readings, and real Tesseract on line crops set in the dev faces (TeX Gyre Heros, FreeSans).

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.extract.read import PageFields, read_fields
from app.ocr.base import OcrResult, Word
from app.ocr.tesseract import TesseractEngine
from app.synth.variants import font_path
from tests.extract.conftest import LEFT, PAGE, RIGHT, centred

VV_TOP = 510  # where the hand-laid page sets its "V/v" line


HEADER = [
    ("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", LEFT, 230),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
    ("VĂN PHÒNG HĐND VÀ UBND", LEFT, 290),
    ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
    ("Số: 15/UBND-VP", LEFT, 450),
    ("Ba Đình, ngày 12 tháng 7 năm 2022", RIGHT, 450),
]


def _header() -> list[Word]:
    """A công văn's header down to its number and date lines (OCR lines 0 to 5)."""
    return [w for k, (text, cx, y) in enumerate(HEADER) for w in centred(text, cx, y, k)]


def _cong_van(vv: list[Word]) -> PageFields:
    """A công văn's first page whose "V/v" line reads as `vv`, followed by a centred
    continuation line."""
    words = [*_header(), *vv]
    words += centred("công tác văn thư, lưu trữ", LEFT, VV_TOP + 60, len(HEADER) + 1)
    words += centred("Kính gửi: Các ban chuyên môn", 1330, 800, len(HEADER) + 2)
    return read_fields(OcrResult(tuple(words), "vie"), PAGE)


@pytest.mark.parametrize("label", ["V/v", "V/V", "Vív", "V/", "V4", "V/w", "Ÿ/v", "V / v",
                                   "Vj", "Vjv", "W/v"])
def test_the_label_as_misread_still_makes_a_cong_van(label: str) -> None:
    """A slash and small v run together in a sans face read "V/" or "V4" (a faint typewriter
    "Ÿ/v"; League Mono "Vj", "Vjv", "W/v"): still the label, no part of the trích yếu."""
    f = _cong_van(centred(f"{label} góp ý dự thảo Kế hoạch", LEFT, VV_TOP, 6))
    assert f.doc_type.value == "22"
    assert f.subject.value == "góp ý dự thảo Kế hoạch công tác văn thư, lưu trữ"
    assert not f.subject.suggested


@pytest.mark.parametrize("first", ["Vì", "Vô", "Vl", "Về", "Vì vậy"])
def test_a_word_that_opens_a_line_is_no_label(first: str) -> None:
    """A stroke alone after V ("Vì", "Vl"), or a syllable, is no "V/v": no công văn is made
    of a left-column line that merely starts with V."""
    f = _cong_van(centred(f"{first} góp ý dự thảo Kế hoạch", LEFT, VV_TOP, 6))
    assert f.subject.empty and f.doc_type.empty


@pytest.mark.parametrize(("faces", "px"), [("gyre", 46), ("free", 40)])
def test_a_vv_line_read_by_tesseract_in_a_sans_face(faces: str, px: int) -> None:
    """The line as Tesseract reads it from a crop set in TeX Gyre Heros / FreeSans ("V/" and
    "V4" at these sizes), placed where the page sets its "V/v" line: the trích yếu is the
    line's words after the label, the type a công văn."""
    font = ImageFont.truetype(str(font_path(faces, "sans", "regular")), px)
    image = Image.new("L", (px * 14, px * 2), 255)
    ImageDraw.Draw(image).text((px // 2, px // 3), "V/v triển khai công tác", font=font, fill=20)
    read = TesseractEngine(lang="vie").read_lines([np.asarray(image)], 300)[0].words
    assert [w.text for w in read[1:]] == ["triển", "khai", "công", "tác"]
    dx = LEFT - (read[0].box[0] + read[-1].box[2]) // 2
    placed = [replace(w, box=(w.box[0] + dx, w.box[1] + VV_TOP, w.box[2] + dx,
                              w.box[3] + VV_TOP), line=(1, 1, 6)) for w in read]
    f = _cong_van(placed)
    assert f.doc_type.value == "22"
    assert f.subject.value == "triển khai công tác công tác văn thư, lưu trữ"



def test_a_vv_block_in_a_face_small_for_its_line() -> None:
    """TeX Gyre Cursor's letters are small for its line: words 27 px high, a tall one 38 px
    (marks and a descender), lines 62 px apart. The continuation line is part of the block; a
    line two steps further down (a blank line between) is not."""
    vv = [Word(text, (x, VV_TOP + top, x + 20 * len(text), VV_TOP + 27 + bottom), 95.0,
               (1, 1, 6))
          for text, x, top, bottom in (("V/v", 480, 0, 0), ("báo", 560, 0, 0),
                                       ("cáo", 650, 0, 0), ("kết", 740, 0, 0),
                                       ("quả", 830, -3, 0), ("phong", 920, -3, 8))]
    rest = [Word(text, (x, VV_TOP + 62, x + 20 * len(text), VV_TOP + 89), 95.0, (1, 1, 7))
            for text, x in (("trào", 500), ("thi", 600), ("đua", 680), ("yêu", 760),
                            ("nước", 840), ("năm", 940))]
    later = [replace(w, box=(w.box[0], w.box[1] + 62, w.box[2], w.box[3] + 62)) for w in rest]
    for words, expected in ((rest, "báo cáo kết quả phong trào thi đua yêu nước năm"),
                            (later, "báo cáo kết quả phong")):
        f = read_fields(OcrResult((*_header(), *vv, *words), "vie"), PAGE)
        assert f.subject.value == expected
