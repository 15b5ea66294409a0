"""Reading order of a stamp read apart under a header's left column: hand-laid words."""

from __future__ import annotations

from pathlib import Path

from app.ocr.base import Word
from app.pdf.order import reading_order
from app.pdf.reach import reached
from app.pdf.sizes import line_bottom
from tests.pdf.test_reading_order import _blocks, _lines, _words
from tests.pdf.test_reading_order_stamp import ROWS

FAR = 40  # the stamp this many pixels further down than jetbrains-0033 set it: not held
BODY = [[("Thực", 300, 960, 410, 1003), ("hiện", 440, 960, 540, 1003),
         ("Kế", 570, 962, 620, 1003), ("hoạch", 650, 960, 790, 1003), ("số", 820, 968, 870, 1003),
         ("2833/KH-UBND", 900, 962, 1200, 1003), ("ngày", 1230, 962, 1340, 1012),
         ("18/08/2023", 1370, 962, 1610, 1003), ("của", 1640, 962, 1720, 1003),
         ("Ủy", 1750, 955, 1810, 1003), ("ban", 1840, 962, 1920, 1003),
         ("nhân", 1950, 962, 2060, 1003), ("dân", 2090, 962, 2180, 1003),
         ("thành", 2210, 962, 2330, 1003)],
        [("phố,", 300, 1030, 390, 1080), ("Đảng", 420, 1030, 540, 1080),
         ("ủy", 570, 1040, 620, 1080), ("đề", 650, 1030, 700, 1073),
         ("nghị", 730, 1030, 830, 1080), ("các", 860, 1040, 930, 1073),
         ("đơn", 960, 1030, 1040, 1073), ("vị", 1070, 1040, 1110, 1073),
         ("theo", 1140, 1030, 1240, 1073), ("dõi,", 1270, 1030, 1350, 1080),
         ("đánh", 1380, 1030, 1500, 1073), ("giá", 1530, 1030, 1600, 1080),
         ("công", 1630, 1040, 1740, 1080), ("tác", 1770, 1035, 1840, 1073),
         ("vận", 1870, 1040, 1950, 1073), ("động", 1980, 1030, 2100, 1080),
         ("như", 2130, 1030, 2210, 1073), ("sau:", 2240, 1035, 2330, 1073)]]


def _page(far: int = FAR) -> list[Word]:
    stamp = [(t, x0, y0 + far, x1, y1 + far) for t, x0, y0, x1, y1 in ROWS[5]]
    rows = [*ROWS[:5], stamp, *ROWS[6:9]]
    return _blocks(rows) + _blocks(BODY, first=20)


def test_a_stamp_read_apart_is_read_before_the_national_title(tmp_path: Path) -> None:
    """The header of jetbrains-0033, its stamp "THƯỢNG KHẨN" set 147 px under the last "V/v"
    line (too far for the issuer's column to hold: a block of its own to pdftotext), a
    paragraph under it across the page. Nothing stood level with the stamp: pdftotext widened
    it across the page to the paragraph's width, under the national title, and read it after
    the date. Its box raised level with the date, it is widened no further than the national
    title's left edge and read right after the issuer's column."""
    assert _lines(_page(), tmp_path) == [
        "ỦY BAN NHÂN DÂN HUYỆN GIA LÂM", "ỦY BAN NHÂN DÂN XÃ KIM SƠN", "Số: 1895/UBND",
        "V/v triển khai công tác cải cách", "hành chính năm 2016", "THƯỢNG KHẨN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Kim Sơn, ngày 13 tháng 12 năm 2016",
        "Thực hiện Kế hoạch số 2833/KH-UBND ngày 18/08/2023 của Ủy ban nhân dân thành",
        "phố, Đảng ủy đề nghị các đơn vị theo dõi, đánh giá công tác vận động như sau:"]


def test_a_stamp_read_with_the_body_is_read_before_the_national_title(tmp_path: Path) -> None:
    """The stamp set 257 px under the last "V/v" line, over five line heights (jetbrains-0023,
    firsts-0076): the page's cuts read it with the paragraph under it, as its first line, and
    pdftotext read it after the date. Under the issuer's column across, nothing between, its
    box raised level with the date, it is read right after the column."""
    order = reading_order(_page(150))
    assert [w.text for w in order[-1][0]] == ["THƯỢNG", "KHẨN"]
    assert _lines(_page(150), tmp_path)[5:7] == [
        "THƯỢNG KHẨN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_only_a_line_read_apart_with_nothing_level_beside_it_is_raised() -> None:
    """The stamp's box reaches the date's bottom (its own bottom kept); a last line read in its
    block, or one with the right column level with it already, keeps its size."""
    column = [_words([row]) for row in ROWS[:5]]
    stamp = _words([[(t, x0, y0 + FAR, x1, y1 + FAR) for t, x0, y0, x1, y1 in ROWS[5]]])
    title = [_words([row]) for row in ROWS[6:9]]
    sizes = reached([[*column, stamp], title], [[50.0] * 6, [50.0] * 3])
    assert sizes[1] == [50.0] * 3 and sizes[0][:5] == [50.0] * 5
    # from where the stamp stands up to where the date stands, a pixel over it
    assert sizes[0][5] == line_bottom(stamp) - line_bottom(title[2]) + 1
    near = _words([ROWS[5]])
    assert reached([[*column, near], title], [[75.0] * 6, [50.0] * 3])[0] == [75.0] * 6
    low = [_words([[(t, x0, y0 + 250, x1, y1 + 250) for t, x0, y0, x1, y1 in ROWS[8]]])]
    assert reached([[*column, stamp], [*title[:2], *low]],
                   [[50.0] * 6, [50.0] * 3])[0] == [50.0] * 6
