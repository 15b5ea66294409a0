"""A line of the issuer's column boxed down onto the next one (its dot below)."""

from __future__ import annotations

from pathlib import Path

from app.ocr.base import Word
from app.pdf.places import placed
from app.pdf.sizes import line_bottom, line_sizes
from tests.pdf.test_reading_order import Box, _lines, _words

# the issuer's column ("HÀ" / "NỘI" wrapped: "NỘI" alone, 263-330 px, down to its dot below,
# 30 px over the next line's baseline), its number line, the national title, motto and date
HEADER: list[tuple[tuple[int, int, int], list[Box]]] = [
    ((1, 1, 1), [("ỦY", 134, 210, 199, 254), ("BAN", 214, 222, 311, 253),
                 ("MTTQ", 328, 221, 462, 262), ("VIỆT", 479, 214, 591, 263),
                 ("NAM", 606, 222, 711, 253), ("THÀNH", 726, 214, 893, 253),
                 ("PHỐ", 912, 214, 1011, 254), ("HÀ", 1029, 214, 1098, 253),
                 ("CỘNG", 1182, 211, 1321, 265), ("HÒA", 1338, 211, 1447, 254),
                 ("XÃ", 1461, 212, 1532, 253), ("HỘI", 1547, 211, 1639, 265),
                 ("CHỦ", 1657, 208, 1760, 254), ("NGHĨA", 1778, 212, 1938, 254),
                 ("VIỆT", 1951, 212, 2068, 265), ("NAM", 2085, 222, 2194, 253)]),
    ((1, 1, 2), [("NỘI", 572, 263, 656, 330), ("Độc", 1322, 268, 1418, 320),
                 ("lập", 1437, 268, 1514, 320), ("-", 1533, 290, 1549, 296),
                 ("Tự", 1567, 272, 1640, 319), ("do", 1657, 270, 1717, 307),
                 ("-", 1737, 290, 1753, 296), ("Hạnh", 1772, 270, 1908, 320),
                 ("phúc", 1927, 268, 2052, 317)]),
    ((1, 1, 3), [("BAN", 127, 328, 225, 359), ("THƯỜNG", 242, 317, 457, 360),
                 ("TRỰC", 473, 321, 612, 371), ("ỦY", 630, 328, 696, 360),
                 ("BAN", 712, 328, 810, 359), ("MTTQ", 828, 327, 970, 370),
                 ("VIỆT", 986, 318, 1103, 371)]),
    ((1, 1, 4), [("NAM", 331, 380, 440, 411), ("QUẬN", 458, 370, 593, 423),
                 ("HOÀN", 611, 369, 751, 412), ("KIẾM", 769, 370, 899, 411)]),
    ((2, 1, 1), [("Số:", 311, 457, 381, 497), ("1322/KH-MTTQ-BTT", 410, 460, 922, 506),
                 ("Hoàn", 1197, 461, 1327, 497), ("Kiếm,", 1341, 454, 1472, 501),
                 ("ngày", 1496, 461, 1611, 508), ("17", 1634, 462, 1691, 496),
                 ("tháng", 1708, 460, 1842, 508), ("10", 1864, 462, 1919, 497),
                 ("năm", 1938, 462, 2042, 497), ("2017", 2057, 461, 2181, 497)])]


def _laid(lines: list[tuple[tuple[int, int, int], list[Box]]]) -> list[Word]:
    """Hand-laid words as Tesseract boxed them on dev page "follows" 0049 (TeX Gyre Bonum)."""
    return [Word(w.text, w.box, w.conf, line) for line, row in lines for w in _words([row])]


def test_a_line_boxed_down_to_its_dot_below_leaves_the_number_line_in_its_column(
        tmp_path: Path) -> None:
    """"NỘI", alone on its line, boxed 67 px tall down to its dot below (the column's words
    about 42), stood 30 px over the next line: the column's closest pitch, under which its
    size could not be raised to hold the number line 90 px under the column (the column's
    lines, 54 px tall with their accents, are not 1.25 times shorter than it), and the number
    line was read after the national title. A line whose words are boxed so much taller than
    the block's words is set midway between the lines around it."""
    assert _lines(_laid(HEADER), tmp_path) == [
        "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ", "NỘI", "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT",
        "NAM QUẬN HOÀN KIẾM", "Số: 1322/KH-MTTQ-BTT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Hoàn Kiếm, ngày 17 tháng 10 năm 2017"]


def test_only_a_line_of_words_boxed_tall_is_set_between_its_neighbours() -> None:
    """The lone word ends midway between the lines around it; boxed as tall as the other
    lines' words (a short last line of a paragraph), it is left where it stands."""
    rows = [[("ỦY", 134, 210, 199, 254), ("BAN", 214, 222, 311, 253),
             ("HÀ", 1029, 214, 1098, 253)],
            [("NỘI", 572, 263, 656, 330)],
            [("BAN", 127, 328, 225, 359), ("THƯỜNG", 242, 317, 457, 360),
             ("TRỰC", 473, 321, 612, 371)]]
    block = [[w for w in _words(rows) if w.line[2] == k] for k in range(3)]
    assert line_bottom(placed([block], 42.0)[0][1]) == round((253 + 360) / 2)
    short = [list(block[0]), [Word("NỘI", (572, 282, 656, 322), 95.0, (1, 1, 1))],
             list(block[2])]
    assert placed([short], 42.0)[0][1] == short[1]


# an issuer's column in Noto Sans Mono (dev page "firsts2" 0072): "PHƯỜNG LÊ" / "LỢI" wrapped,
# "LỢI" read as "LỢT", alone on its line and boxed 139 by 90 px (the column's letters 31 px
# apart); "VINH" read with specks around it
MONO: list[tuple[tuple[int, int, int], list[Box]]] = [
    ((1, 1, 1), [("ỦY", 270, 344, 328, 399), ("BAN", 367, 360, 455, 399),
                 ("NHÂN", 494, 347, 615, 399), ("DÂN", 654, 347, 743, 399),
                 ("THÀNH", 780, 347, 935, 399), ("PHỐ", 975, 335, 1064, 399, 63),
                 ("CỘNG", 1174, 348, 1297, 411), ("HÒA", 1333, 348, 1427, 399),
                 ("XÃ", 1461, 349, 1523, 399), ("HỘI", 1557, 348, 1647, 411),
                 ("CHỦ", 1686, 346, 1777, 399), ("NGHĨA", 1813, 349, 1971, 399),
                 ("VIỆT", 2004, 348, 2130, 411), ("NAM", 2165, 360, 2257, 399)]),
    ((3, 1, 1), [("`", 277, 471, 289, 484, 51), ("-", 561, 473, 580, 482, 59),
                 ("VINH", 610, 423, 727, 482), (":", 882, 473, 895, 482, 55),
                 ("n", 1038, 473, 1063, 506, 88), ("Độc", 1242, 418, 1342, 475),
                 ("lập", 1385, 418, 1484, 476), ("-", 1531, 443, 1548, 450),
                 ("Tự", 1594, 419, 1666, 475), ("do", 1699, 418, 1764, 462),
                 ("-", 1811, 443, 1828, 450), ("Hạnh", 1874, 418, 2009, 475),
                 ("phúc", 2050, 418, 2182, 476)]),
    ((3, 1, 2), [("ỦY", 268, 485, 329, 525), ("BAN", 366, 485, 456, 524),
                 ("NHÂN", 492, 485, 616, 524), ("DÂN", 652, 485, 744, 524),
                 ("PHƯỜNG", 782, 474, 968, 525), ("LÊ", 1007, 485, 1063, 524)]),
    ((3, 1, 3), [("LỢT", 594, 537, 733, 627, 88)]),
    ((3, 1, 4), [("Số:", 453, 634, 530, 687), ("67/GM-UBND", 576, 648, 881, 687),
                 ("Lê", 1209, 646, 1262, 687), ("Lợi,", 1302, 646, 1409, 694),
                 ("ngày", 1455, 646, 1572, 699), ("17", 1611, 648, 1665, 686),
                 ("tháng", 1702, 646, 1850, 699), ("01", 1888, 648, 1943, 687, 72),
                 ("năm", 1982, 647, 2069, 687), ("2023", 2106, 648, 2222, 687)])]


def test_a_word_alone_on_its_line_keeps_no_size_of_its_own(tmp_path: Path) -> None:
    """"LỢT", alone, boxed tall and 46 px a letter (the column's 31-33), was taken for a title
    and kept a size of its own: pdftotext broke the column there and read "LỢT" and the number
    line after the national title. One word's box is no measure of a line's letters: a line of
    one word takes its block's size."""
    assert _lines(_laid(MONO), tmp_path) == [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ", "` - VINH : n", "ỦY BAN NHÂN DÂN PHƯỜNG LÊ", "LỢT",
        "Số: 67/GM-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lê Lợi, ngày 17 tháng 01 năm 2023"]
    title = _words([[("QUYẾT", 900, 800, 1100, 880), ("ĐỊNH", 1130, 800, 1300, 880)],
                    [("Căn", 300, 900, 380, 950), ("cứ", 400, 900, 440, 950),
                     ("Luật", 460, 900, 560, 950)],
                    [("Tổ", 300, 970, 350, 1020), ("chức", 370, 970, 470, 1020),
                     ("chính", 490, 970, 600, 1020)]])
    block = [[w for w in title if w.line[2] == k] for k in range(3)]
    assert line_sizes(block)[0] == 80 and line_sizes([[block[0][0]], *block[1:]])[0] < 80
