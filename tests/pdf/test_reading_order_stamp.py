"""Reading order of a boxed stamp set under a header's number line: hand-laid words."""

from __future__ import annotations

from pathlib import Path

from app.pdf.sizes import line_sizes
from tests.pdf.test_reading_order import _blocks, _lines, _words

ROWS = [[("ỦY", 317, 338, 374, 398), ("BAN", 401, 349, 477, 383), ("NHÂN", 513, 338, 629, 397),
         ("DÂN", 653, 338, 741, 397), ("HUYỆN", 765, 338, 897, 398), ("GIA", 933, 349, 1010, 383),
         ("LÂM", 1047, 338, 1121, 383)],
        [("ỦY", 358, 401, 409, 435), ("BAN", 442, 401, 519, 435), ("NHÂN", 554, 401, 659, 435),
         ("DÂN", 694, 401, 771, 435), ("XÃ", 805, 401, 857, 435), ("KIM", 890, 401, 968, 435),
         ("SƠN", 1002, 397, 1079, 435)],
        [("Số:", 485, 471, 596, 538), ("1895/UBND", 644, 475, 923, 526)],
        [("V/v", 274, 534, 352, 578), ("triển", 385, 537, 519, 573), ("khai", 555, 537, 661, 573),
         ("công", 695, 536, 798, 581), ("tác", 833, 536, 911, 573), ("cải", 947, 535, 1025, 573),
         ("cách", 1059, 536, 1163, 573)],
        [("hành", 457, 588, 561, 625), ("chính", 597, 588, 729, 625), ("năm", 765, 588, 842, 625),
         ("2016", 876, 591, 982, 625)],
        [("THƯỢNG", 545, 686, 732, 732), ("KHẨN", 771, 692, 892, 731)],
        [("CỘNG", 1364, 338, 1470, 393), ("HÒA", 1504, 338, 1583, 383),
         ("XÃ", 1615, 339, 1667, 383),
         ("HỘI", 1700, 338, 1777, 393), ("CHỦ", 1812, 337, 1889, 383),
         ("NGHĨA", 1924, 339, 2059, 383), ("VIỆT", 2091, 338, 2199, 393),
         ("NAM", 2232, 349, 2310, 383)],
        [("Độc", 1432, 396, 1519, 446), ("lập", 1553, 396, 1639, 446), ("-", 1679, 415, 1695, 421),
         ("Tự", 1734, 398, 1793, 446), ("do", 1825, 398, 1879, 436), ("-", 1919, 415, 1935, 421),
         ("Hạnh", 1976, 398, 2088, 446), ("phúc", 2126, 396, 2239, 444)],
        [("Kim", 1296, 478, 1384, 520), ("Sơn,", 1424, 480, 1536, 529),
         ("ngày", 1585, 477, 1707, 530),
         ("13", 1744, 481, 1803, 521), ("tháng", 1842, 477, 1995, 530),
         ("12", 2032, 480, 2091, 520),
         ("năm", 2128, 478, 2219, 521), ("2016", 2258, 451, 2378, 556)],
        [("Kính", 778, 829, 897, 872), ("gửi:", 938, 828, 1050, 882), ("Ủy", 1098, 820, 1154, 882),
         ("ban", 1194, 833, 1281, 873), ("MTTQ", 1321, 832, 1441, 882),
         ("các", 1481, 829, 1569, 873),
         ("phường", 1610, 829, 1792, 882)]]


def test_a_stamp_under_the_issuers_column_is_read_at_its_end(tmp_path: Path) -> None:
    """A follow page's header in JetBrains Mono as Tesseract boxed it (dev page "jetbrains"
    0033): the boxed stamp "THƯỢNG KHẨN" stands 107 px under the last "V/v" line, the
    column's closest lines 38 px apart. Holding it takes 71.3 px (a reader keeps a line at
    most 1.5 sizes down), over the 68.4 that MERGE_PITCH allows: the stamp, a block of its
    own, was read after the date. A reader merges lines only within half a size, so a hold
    under MERGE_PITCH times the column's own size may go up to twice the closest pitch: the
    column holds its stamp."""
    words = _blocks(ROWS)
    assert _lines(words, tmp_path) == [
        "ỦY BAN NHÂN DÂN HUYỆN GIA LÂM", "ỦY BAN NHÂN DÂN XÃ KIM SƠN", "Số: 1895/UBND",
        "V/v triển khai công tác cải cách", "hành chính năm 2016", "THƯỢNG KHẨN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Kim Sơn, ngày 13 tháng 12 năm 2016", "Kính gửi: Ủy ban MTTQ các phường"]


def test_a_last_line_is_not_held_where_a_reader_would_merge_two_lines() -> None:
    """The hold stays under twice the column's closest pitch: a stamp set 40 px further down
    (holding it would merge the column's first two lines) leaves the column its own size."""
    column = [_words([row]) for row in ROWS[:5]]
    held = line_sizes([*column, _words([ROWS[5]])])
    assert 2 * 38 > held[0] > 107 / 1.5
    far = [(t, x0, y0 + 40, x1, y1 + 40) for t, x0, y0, x1, y1 in ROWS[5]]
    assert line_sizes([*column, _words([far])]) == [line_sizes(column)[0]] * 6
