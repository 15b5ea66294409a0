"""Reading order of typewriter (Courier-like) pages as Tesseract boxed them: hand-laid words."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from app.ocr.base import Word
from app.pdf.places import _settled
from app.pdf.segments import segments
from tests.pdf.test_reading_order import _blocks, _lines, _words


def test_a_typewriter_space_wider_than_its_words_are_tall_cuts_no_line() -> None:
    """Paragraph lines typed in TeX Gyre Cursor as Tesseract boxed them (dev page "cursor"
    0051): their words have few accents or ascenders ("sơ", "với": 25–36 px tall), and their
    spaces, a letter's cell and its bearings, are 37–51 px: over 1.2 word heights, so the
    lines were cut at spaces (the second at nearly every one) and their pieces read after
    the lines under them. Each is cut only where a word was not read ("số", "đã")."""
    rows = [[("Tổng", 410, 1529, 533, 1583), ("số", 571, 1530, 628, 1573),
             ("hồ", 665, 1530, 724, 1573), ("sơ", 764, 1547, 821, 1573),
             ("đã", 858, 1538, 917, 1573), ("được", 954, 1538, 1077, 1583),
             ("hóa", 1211, 1536, 1301, 1572), ("là", 1342, 1536, 1398, 1572),
             ("35", 1438, 1537, 1492, 1572), ("hồ", 1531, 1530, 1590, 1572),
             ("sơ", 1631, 1547, 1687, 1572), ("với", 1724, 1536, 1813, 1572),
             ("64.177", 1857, 1537, 2036, 1572), ("trang", 2077, 1505, 2255, 1606)],
            [("-", 410, 1706, 435, 1709), ("Tổng", 481, 1680, 604, 1734),
             ("số", 649, 1681, 706, 1724), ("hồ", 749, 1681, 809, 1724),
             ("sơ", 856, 1698, 913, 1724), ("được", 1067, 1693, 1182, 1733),
             ("số", 1229, 1681, 1285, 1723), ("hóa", 1330, 1687, 1420, 1723),
             ("là", 1468, 1687, 1524, 1723), ("247", 1570, 1688, 1656, 1722),
             ("hồ", 1703, 1681, 1762, 1723), ("sơ", 1809, 1698, 1865, 1723),
             ("với", 1910, 1687, 1999, 1723), ("65.614", 2050, 1656, 2254, 1757)]]
    cut_after = ["được", "sơ"]
    for row, last in zip(rows, cut_after, strict=True):
        texts = [t for t, *_ in row]
        at = texts.index(last) + 1
        assert [[w.text for w in seg] for seg in segments(_words([row]))] == [
            texts[:at], texts[at:]]


def test_a_typewriter_gap_of_three_spaces_still_cuts_its_line() -> None:
    """Header columns typed a few spaces apart on one line stay cut: a gap three spaces wide
    is no space, however many spaces the line has."""
    row = [("Số:", 422, 609, 498, 648), ("212/TTr-MTTQ-BTT", 542, 613, 1016, 653),
           ("Huế,", 1150, 609, 1252, 654), ("ngày", 1300, 614, 1418, 655),
           ("02", 1455, 615, 1506, 647), ("tháng", 1544, 614, 1689, 655)]
    assert [[w.text for w in seg] for seg in segments(_words([row]))] == [
        ["Số:", "212/TTr-MTTQ-BTT"], ["Huế,", "ngày", "02", "tháng"]]


def test_lines_boxed_over_the_lines_beside_them_are_read_one_by_one(tmp_path: Path) -> None:
    """A paragraph typed in TeX Gyre Cursor as Tesseract boxed it on a grey lid (dev page
    "cursor" 0032): most words of "phát huy sức mạnh" boxed down to 621 px though its letters
    end at 578, and every word of "Mặt trận ở khu dân cư" boxed from 555 to 682 px, over the
    lines above and below. Where the words stood (their median bottom) then fell within half
    a size of the next line's, and pdftotext merged the two lines word by word."""
    rows = [[("Qua", 395, 375, 485, 412, 96), ("đó", 536, 371, 594, 407, 96),
             ("góp", 644, 371, 734, 417, 95), ("phần", 783, 365, 907, 417, 86),
             ("nâng", 958, 371, 1081, 416, 96), ("cao", 1132, 382, 1221, 407, 96),
             ("hiệu", 1272, 371, 1394, 417, 96), ("quả", 1445, 370, 1535, 416, 96),
             ("phong", 1584, 373, 1741, 417, 95), ("trào", 1790, 371, 1913, 407, 96),
             ("thi", 1963, 372, 2052, 407, 82), ("đua", 2104, 373, 2194, 407, 96),
             ("yêu", 2245, 371, 2335, 416, 95)],
            [("chức", 246, 485, 367, 521, 79), ("và", 412, 485, 471, 521, 97),
             ("cá", 508, 452, 575, 521, 97), ("nhân.", 621, 452, 766, 521, 96),
             ("Tổ", 822, 478, 879, 521, 96), ("chức", 926, 485, 1047, 557, 96),
             ("tốt", 1092, 479, 1181, 521, 96), ("các", 1230, 485, 1319, 521, 96),
             ("hoạt", 1364, 452, 1485, 557, 96), ("động", 1523, 452, 1656, 531, 96),
             ("hướng", 1700, 452, 1856, 530, 96), ("về", 1900, 479, 1958, 521, 96),
             ("cơ", 2006, 496, 2063, 521, 97), ("sở", 2101, 452, 2167, 521, 96),
             ("nhằm", 2213, 452, 2364, 557, 74)],
            [("phát", 243, 542, 365, 621, 97), ("huy", 412, 544, 504, 621, 96),
             ("sức", 552, 542, 640, 621, 91), ("mạnh", 681, 544, 810, 621, 96),
             ("khối", 855, 536, 975, 578, 96), ("đại", 1024, 543, 1114, 621, 96),
             ("đoàn", 1161, 542, 1283, 578, 96), ("kết", 1329, 536, 1417, 621, 94),
             ("toàn", 1458, 525, 1588, 621, 94), ("dân", 1621, 503, 1725, 621, 93),
             ("tộc.", 1770, 503, 1884, 621, 89), ("Ban", 1939, 547, 2030, 621, 90),
             ("Công", 2077, 542, 2200, 621, 96), ("tác", 2244, 542, 2335, 621, 96)],
            [("Mặt", 243, 555, 335, 682, 96), ("trận", 376, 555, 508, 682, 96),
             ("ở", 545, 555, 576, 682, 96), ("khu", 620, 555, 716, 682, 96),
             ("dân", 757, 555, 849, 682, 75), ("cư", 895, 555, 956, 682, 91),
             ("tuyên", 990, 555, 1160, 682, 89), ("truyền,", 1191, 555, 1416, 682, 95),
             ("vận", 1456, 555, 1556, 682, 96), ("động", 1593, 555, 1732, 682, 96),
             ("nhân", 1771, 555, 1893, 682, 95), ("dân", 1939, 555, 2030, 634, 93),
             ("tham", 2077, 555, 2203, 682, 96), ("gia", 2245, 555, 2335, 644, 96)],
            [("kết", 246, 649, 333, 691, 95), ("quả", 373, 654, 463, 700, 96),
             ("thực", 500, 657, 623, 700, 96), ("hiện", 660, 655, 783, 701, 95),
             ("các", 822, 655, 911, 691, 96), ("chỉ", 950, 655, 1037, 691, 96),
             ("tiêu", 1077, 655, 1199, 691, 96), ("được", 1237, 657, 1359, 700, 95),
             ("giao", 1397, 656, 1519, 700, 95), ("đảm", 1557, 654, 1650, 691, 96),
             ("bảo", 1683, 654, 1775, 691, 96), ("đúng", 1813, 655, 1936, 700, 96),
             ("quy", 1973, 666, 2063, 701, 96), ("định.", 2101, 656, 2246, 700, 96)]]
    assert _lines(_words(rows), tmp_path) == [" ".join(t for t, *_ in row) for row in rows]



def test_two_lines_running_boxed_over_their_neighbours_stand_between_them() -> None:
    """A paragraph typed in TeX Gyre Cursor as Tesseract boxed it on a light lid (dev page
    "cursor" 0030; the page's words are boxed 43 px tall as a rule): "kết. Tổng số hồ sơ" and
    "tài liệu. Tổ chức", two lines running, boxed 111 px tall over 50 px pitches, each from the
    line above into the line below, no word of theirs boxed as a rule. They stand evenly
    between the lines around them that stand where their words boxed as a rule do (1477 and
    1628 px); where their words stood (1566, 1616 px), pdftotext merged them with the lines
    beside word by word."""
    rows = [
            [("Quỹ", 315, 1445, 401, 1515), ("Vì", 437, 1443, 492, 1476),
             ("người", 530, 1443, 675, 1515), ("nghèo,", 715, 1437, 877, 1515),
             ("hỗ", 927, 1440, 983, 1477), ("thờ", 1020, 1410, 1106, 1486),
             ("xây", 1144, 1410, 1228, 1515), ("mới", 1264, 1410, 1348, 1515),
             ("và", 1388, 1410, 1444, 1515), ("sửa", 1471, 1442, 1567, 1515),
             ("chữa", 1606, 1445, 1719, 1515), ("257", 1759, 1410, 1840, 1515),
             ("nhà", 1881, 1443, 1966, 1515), ("Đại", 1996, 1410, 2087, 1515),
             ("SEila", 2124, 1410, 2242, 1490)],
            [("kết.", 316, 1455, 422, 1566), ("Tổng", 469, 1455, 584, 1566),
             ("số", 617, 1455, 675, 1566), ("hồ", 713, 1455, 768, 1566),
             ("sơ", 802, 1455, 861, 1566), ("đã", 894, 1455, 954, 1566),
             ("được", 966, 1455, 1106, 1566), ("số", 1147, 1455, 1218, 1526),
             ("hóa", 1237, 1455, 1322, 1566), ("là", 1362, 1455, 1431, 1566),
             ("138", 1456, 1455, 1534, 1566), ("hồ", 1570, 1455, 1630, 1566),
             ("sơ", 1671, 1455, 1723, 1526), ("với", 1760, 1455, 1843, 1566),
             ("17.502", 1884, 1455, 2055, 1566), ("trang", 2097, 1455, 2242, 1566)],
            [("tài", 315, 1505, 399, 1616), ("liệu.", 416, 1505, 581, 1586),
             ("Tổ", 618, 1505, 678, 1616), ("chức", 702, 1505, 958, 1616),
             ("tốt", 856, 1505, 950, 1616), ("các", 981, 1505, 1069, 1577),
             ("hoạt", 1082, 1505, 1214, 1616), ("động", 1240, 1505, 1375, 1616),
             ("hướng", 1395, 1505, 1548, 1616), ("về", 1582, 1505, 1637, 1577),
             ("cơ", 1675, 1505, 1729, 1577), ("sở", 1766, 1505, 1819, 1616),
             ("nhằm", 1855, 1505, 1972, 1616), ("phát", 2003, 1505, 2115, 1616),
             ("huy", 2156, 1505, 2242, 1616)],
            [("sức", 318, 1594, 401, 1628), ("mạnh", 438, 1580, 559, 1667),
             ("khói", 603, 1589, 715, 1667), ("đại", 754, 1595, 843, 1667),
             ("đoàn", 887, 1594, 1002, 1667), ("kết", 1031, 1589, 1128, 1667),
             ("toàn.", 1170, 1580, 1308, 1667), ("dân.", 1330, 1558, 1435, 1667),
             ("tộc.", 1457, 1558, 1588, 1667), ("Qua", 1615, 1597, 1707, 1667),
             ("đó", 1743, 1594, 1804, 1667), ("góp", 1828, 1594, 1934, 1667),
             ("phần", 1954, 1558, 2084, 1667), ("nâng", 2127, 1558, 2242, 1667)]]
    block = [[Word(t, (x0, y0, x1, y1), 95.0, (1, 1, k)) for t, x0, y0, x1, y1 in row]
             for k, row in enumerate(rows)]
    stands = [statistics.median(w.box[3] for w in line) for line in _settled(block, 43.0)]
    assert stands == pytest.approx([1477, 1527, 1577, 1628], abs=2)


def test_an_accent_read_as_a_line_of_its_own_stays_with_its_number_line(
        tmp_path: Path) -> None:
    """An A5 header typed in TeX Gyre Cursor as Tesseract read it (dev page "cursor" 0004,
    turned 180° and back): the circumflex of "Số" read as "Á", 10 px tall, a line of its own
    16 px over the number line. Between the issuer's column and its number line, it kept
    the column from holding the line, which pdftotext read after the national title."""
    rows = [
            [("ỦY", 72, 187, 114, 217, 96), ("BAN", 141, 196, 206, 217, 95),
             ("MTTQ", 232, 196, 321, 222, 46), ("VIỆT", 346, 189, 435, 224, 96),
             ("NAM", 462, 196, 529, 217, 93), ("QUẬN", 555, 189, 643, 224, 90),
             ("HẢI", 670, 187, 732, 217, 92), ("CỘNG", 778, 187, 869, 224, 96),
             ("HÒA", 893, 187, 962, 217, 95), ("XÃ", 984, 187, 1031, 217, 95),
             ("HỘI", 1054, 187, 1119, 224, 95), ("CHỦ", 1146, 184, 1214, 217, 96),
             ("NGHĨA", 1237, 187, 1353, 217, 96), ("VIỆT", 1374, 186, 1465, 225, 96),
             ("NAM", 1490, 195, 1560, 217, 96)],
            [("BAN", 93, 283, 162, 305, 96), ("THƯỜNG", 186, 275, 323, 305, 93),
             ("TRỰC", 347, 282, 437, 312, 81), ("ỦY", 461, 272, 506, 305, 97),
             ("BAN", 530, 283, 599, 305, 96), ("MTTQ", 621, 283, 713, 311, 46)],
            [("CHÂU", 360, 233, 448, 261, 91), ("Độc", 831, 234, 904, 269, 94),
             ("lập", 933, 234, 1005, 270, 93), ("-", 1033, 248, 1054, 252, 82),
             ("Tự", 1082, 237, 1132, 269, 96), ("do", 1157, 235, 1204, 261, 93),
             ("-", 1233, 248, 1254, 252, 86), ("Hạnh", 1282, 235, 1380, 269, 96),
             ("phúc", 1406, 233, 1504, 270, 95)],
            [("VIỆT", 92, 318, 184, 357, 96), ("NAM", 208, 327, 278, 349, 93),
             ("PHƯỜNG", 300, 319, 438, 349, 92), ("THẠCH", 462, 327, 575, 357, 91),
             ("THANG", 600, 327, 713, 349, 92)],
            [("Á", 221, 393, 230, 403, 85)],
            [("Sô:", 197, 399, 249, 419, 84), ("2970/HD-MTTQ-BTT", 281, 396, 612, 423, 89),
             ("Thạch", 786, 398, 883, 425, 96), ("Thang,", 911, 398, 1021, 425, 96),
             ("ngày", 1055, 397, 1138, 426, 96), ("26", 1161, 397, 1201, 419, 96),
             ("tháng", 1226, 397, 1327, 425, 96), ("8", 1352, 398, 1367, 419, 96),
             ("năm", 1391, 397, 1452, 419, 95), ("2016", 1476, 397, 1558, 419, 96)]]
    words = [Word(t, (x0, y0, x1, y1), conf, (k, 1, 1))
             for k, row in enumerate(rows) for t, x0, y0, x1, y1, conf in row]
    read = _lines(words, tmp_path)
    number = next(i for i, line in enumerate(read) if "2970/HD-MTTQ-BTT" in line)
    assert read[:3] == ["ỦY BAN MTTQ VIỆT NAM QUẬN HẢI", "CHÂU", "BAN THƯỜNG TRỰC ỦY BAN MTTQ"]
    assert number < read.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_a_lines_last_word_read_with_the_column_beside_stays_on_its_line(
        tmp_path: Path) -> None:
    """An A5 party page's header typed in TeX Gyre Cursor as Tesseract read it (dev page
    "cursor" 0001): the "V/v" lines' last words, "tài" and "yêu", a space after them, were read
    as lines of the other column's block, with the date; pdftotext read the national title and
    the date between "sơ," and "tài". A line begun a space after another line's end, on its
    baseline, is that line's end."""
    rows = [
            [("ĐẢNG", 297, 174, 372, 201, 85), ("BỘ", 394, 176, 429, 206, 93),
             ("TỈNH", 451, 174, 524, 201, 91), ("BẮC", 545, 171, 599, 211, 96),
             ("NINH", 621, 182, 695, 201, 96)],
            [("THÀNH", 336, 211, 430, 238, 92), ("ỦY", 449, 208, 487, 238, 96),
             ("BẮC", 506, 211, 562, 238, 96), ("NINH", 582, 217, 658, 238, 96)],
            [("*", 491, 251, 503, 262, 92)],
            [("Số", 368, 268, 407, 296, 92), ("214-CV/TU", 434, 271, 628, 299, 90)],
            [("V/v", 203, 313, 258, 337, 96), ("đề", 280, 310, 314, 335, 95),
             ("nghị", 337, 315, 408, 341, 96), ("cung", 432, 320, 505, 340, 96),
             ("cấp", 527, 310, 581, 340, 96), ("hồ", 603, 310, 637, 335, 95),
             ("sơ,", 661, 320, 705, 339, 95)],
            [("liệu", 215, 350, 286, 377, 96), ("về", 308, 347, 343, 371, 96),
             ("phong", 365, 352, 458, 377, 96), ("trào", 480, 350, 552, 371, 95),
             ("thi", 575, 352, 627, 372, 96), ("đua", 651, 352, 704, 371, 96)],
            [("nước", 461, 388, 533, 409, 95)],
            [("ĐẢNG", 1004, 169, 1088, 201, 88), ("CỘNG", 1110, 171, 1193, 207, 93),
             ("SẢN", 1216, 169, 1277, 200, 49), ("VIỆT", 1297, 171, 1381, 208, 96),
             ("NAM", 1402, 178, 1467, 201, 96)],
            [("Bắc", 852, 269, 916, 296, 96), ("Ninh,", 940, 274, 1037, 302, 96),
             ("ngày", 1072, 272, 1159, 304, 96), ("28", 1183, 274, 1224, 297, 96),
             ("tháng", 1251, 272, 1358, 303, 96), ("10", 1382, 274, 1422, 296, 96),
             ("năm", 1446, 273, 1511, 297, 96), ("2023", 1535, 274, 1620, 297, 96)],
            [("tài", 736, 313, 788, 335, 96)],
            [("yêu", 727, 350, 780, 377, 94)]]
    blocks = [1, 1, 2, 2, 2, 2, 2, 6, 8, 8, 8]
    lines = [1, 2, 1, 2, 3, 4, 5, 1, 1, 2, 3]
    words = [Word(t, (x0, y0, x1, y1), conf, (block, 1, line))
             for row, block, line in zip(rows, blocks, lines, strict=True)
             for t, x0, y0, x1, y1, conf in row]
    assert _lines(words, tmp_path) == [
        "ĐẢNG BỘ TỈNH BẮC NINH", "THÀNH ỦY BẮC NINH", "*", "Số 214-CV/TU",
        "V/v đề nghị cung cấp hồ sơ, tài", "liệu về phong trào thi đua yêu", "nước",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Ninh, ngày 28 tháng 10 năm 2023"]


def test_a_word_boxed_over_its_last_letter_only_leaves_no_column_gap(tmp_path: Path) -> None:
    """An A5 header typed in TeX Gyre Cursor as Tesseract boxed it (dev page "cursor" 0065):
    "BẮC" boxed 17 px wide, over its last letter only, so the space before it looked 58 px
    wide, a column's gap; the issuer's lines over it were cut there too ("MTTQ | VIỆT NAM
    PHƯỜNG"), and pdftotext read them around the national title."""
    rows = [
            [("ỦY", 191, 142, 225, 168), ("BAN", 248, 149, 302, 168), ("MTTQ", 322, 149, 397, 172),
             ("VIỆT", 417, 144, 491, 174), ("NAM", 513, 150, 569, 168),
             ("QUẬN", 589, 144, 663, 174), ("HẢI", 685, 142, 736, 168),
             ("CHÂU", 761, 144, 834, 168), ("CỘNG", 967, 142, 1042, 174),
             ("HÒA", 1062, 142, 1119, 168), ("XÃ", 1137, 143, 1176, 168),
             ("HỘI", 1194, 142, 1249, 174), ("CHỦ", 1271, 139, 1327, 168),
             ("NGHĨA", 1345, 143, 1442, 168), ("VIỆT", 1459, 142, 1535, 175),
             ("NAM", 1554, 148, 1613, 168)],
            [("BAN", 103, 185, 160, 205), ("THƯỜNG", 180, 179, 293, 205),
             ("TRỰC", 313, 185, 387, 211), ("ỦY", 407, 176, 445, 205), ("BAN", 464, 185, 521, 205),
             ("MTTQ", 539, 185, 596, 205), ("VIỆT", 634, 179, 710, 212),
             ("NAM", 730, 185, 788, 205), ("PHƯỜNG", 806, 179, 920, 205),
             ("Độc", 1005, 182, 1067, 211), ("lập", 1091, 182, 1151, 213),
             ("-", 1174, 193, 1193, 197), ("Tự", 1216, 183, 1259, 212),
             ("do", 1279, 182, 1319, 205), ("-", 1342, 193, 1361, 197),
             ("Hạnh", 1384, 182, 1467, 211), ("phúc", 1487, 182, 1571, 213)],
            [("HÒA", 389, 216, 446, 242), ("CƯỜNG", 465, 216, 559, 242),
             ("BẮC", 617, 223, 634, 242)],
            [("Số:", 317, 274, 372, 302), ("58/BB-MTTQ-BTT", 405, 277, 708, 307),
             ("Hòa", 862, 278, 924, 302), ("Cường", 952, 279, 1060, 309),
             ("Bắc,", 1082, 275, 1157, 308), ("ngày", 1192, 278, 1279, 309),
             ("24", 1303, 280, 1342, 302), ("tháng", 1371, 278, 1478, 309),
             ("8", 1503, 280, 1520, 302), ("năm", 1544, 279, 1609, 302),
             ("2021", 1633, 280, 1714, 302)]]
    read = _lines(_words(rows), tmp_path)
    assert read[:4] == ["ỦY BAN MTTQ VIỆT NAM QUẬN HẢI CHÂU",
                        "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG", "HÒA CƯỜNG BẮC",
                        "Số: 58/BB-MTTQ-BTT"]


def test_a_word_not_read_between_two_short_lines_cuts_no_line() -> None:
    """Paragraph lines typed in TeX Gyre Cursor as Tesseract read them, a word not read in
    each (dev pages "cursor" 0051: "số" in "Tổng số hồ sơ đã được số hóa", 134 px; 0010: "đơn"
    in "lãnh đạo đơn vị", 135 px): the lines over and under them are short (a paragraph's last
    line, "Kính gửi"), and none of them runs across the gap, or stands wholly past it as a
    column's line would. Cut, the lines' ends were read after the lines under them."""
    paragraph_end = [
            [("độ", 259, 1450, 318, 1496), ("báo", 355, 1450, 446, 1486),
             ("cáo", 485, 1449, 574, 1487), ("chưa", 613, 1451, 732, 1487),
             ("kịp", 772, 1450, 862, 1496), ("thời,", 898, 1449, 1045, 1486)],
            [("Tổng", 410, 1529, 533, 1583), ("số", 571, 1530, 628, 1573),
             ("hồ", 665, 1530, 724, 1573), ("sơ", 764, 1547, 821, 1573),
             ("đã", 858, 1538, 917, 1573), ("được", 954, 1538, 1077, 1583),
             ("hóa", 1211, 1536, 1301, 1572), ("là", 1342, 1536, 1398, 1572),
             ("35", 1438, 1537, 1492, 1572), ("hồ", 1531, 1530, 1590, 1572),
             ("sơ", 1631, 1547, 1687, 1572), ("với", 1724, 1536, 1813, 1572),
             ("64.177", 1857, 1537, 2036, 1572), ("trang", 2077, 1505, 2255, 1606)],
            [("tài", 258, 1599, 347, 1635), ("liệu.", 389, 1600, 532, 1645)]]
    under_a_title = [
            [("Kính", 779, 744, 898, 777), ("gửi:", 935, 743, 1045, 787),
             ("Các", 1090, 743, 1177, 778), ("tổ", 1214, 737, 1270, 778),
             ("chức", 1308, 744, 1425, 778), ("thành", 1461, 743, 1611, 778),
             ("viên", 1647, 743, 1766, 778)],
            [("Đảng", 431, 829, 549, 873), ("ủy", 588, 829, 645, 873),
             ("trân", 682, 829, 801, 864), ("trọng", 837, 834, 988, 873),
             ("kính", 1025, 830, 1143, 863), ("mời", 1178, 830, 1265, 864),
             ("đại", 1305, 831, 1390, 873), ("điện", 1429, 829, 1547, 873),
             ("lãnh", 1587, 832, 1701, 864), ("đạo", 1740, 803, 1853, 899),
             ("vị", 1988, 831, 2043, 873), ("dự", 2083, 832, 2138, 873),
             ("Hội", 2176, 829, 2261, 873)],
            [("nghị", 284, 892, 401, 935), ("đối", 439, 885, 525, 926),
             ("thoại", 562, 892, 711, 935), ("với", 748, 891, 835, 926),
             ("nhân", 873, 890, 992, 926), ("dân.", 1028, 890, 1138, 926)]]
    for rows in (paragraph_end, under_a_title):
        assert [[w.text for w in seg] for seg in segments(_words(rows))] == [
            [t for t, *_ in row] for row in rows]


def test_the_recipients_line_under_the_body_is_still_cut_from_the_signature() -> None:
    """The body's last line runs across the gap between "Nơi nhận:" and the signer's title
    (dev page "cursor" 0000), but the list and the signature under it stand on both sides of
    it: a column gap, cut."""
    rows = [[("năm", 179, 990, 243, 1013), ("2017", 268, 991, 349, 1013),
             ("và", 376, 989, 417, 1013), ("các", 444, 989, 505, 1013),
             ("nguồn", 531, 985, 637, 1020), ("hợp", 663, 991, 725, 1020),
             ("pháp", 750, 989, 835, 1020), ("khác", 862, 989, 945, 1013),
             ("theo", 971, 991, 1055, 1013), ("quy", 1081, 997, 1143, 1020),
             ("định.", 1169, 991, 1269, 1020)],
            [("Nơi", 95, 1072, 155, 1094), ("nhận:", 179, 1071, 278, 1101),
             ("KT.", 1102, 1072, 1160, 1094), ("CHỦ", 1191, 1061, 1256, 1094),
             ("TỊCH", 1279, 1072, 1366, 1102)],
            [("-", 96, 1123, 111, 1126), ("Như", 133, 1114, 189, 1134),
             ("trên;", 209, 1112, 296, 1138), ("PHÓ", 1102, 1114, 1168, 1144),
             ("CHỦ", 1191, 1111, 1256, 1144), ("TỊCH", 1279, 1122, 1366, 1152)]]
    found = [[w.text for w in seg] for seg in segments(_words(rows))]
    assert ["Nơi", "nhận:"] in found and ["KT.", "CHỦ", "TỊCH"] in found


def test_a_line_found_whole_spans_its_gap_for_the_line_under_it() -> None:
    """Paragraph lines typed in TeX Gyre Cursor as Tesseract read them (dev page "cursor"
    0045): "đã" was not read in two lines ("Tổng số hồ sơ được", gaps of 124 and 156 px), one
    over the other with a short line between. The first is found whole (the lines over and
    under it run across its gap), but the second was judged beside the first cut: the lines
    are cut a second time beside the lines as cut the first, and the second is whole too."""
    rows = [
            [("dân.", 334, 1478, 444, 1513), ("Các", 490, 1478, 577, 1513),
             ("đoàn", 615, 1478, 733, 1513), ("thể", 769, 1472, 856, 1513),
             ("chính", 896, 1479, 1044, 1513), ("trị", 1080, 1480, 1166, 1522),
             ("-", 1206, 1496, 1230, 1499), ("xã", 1267, 1481, 1323, 1513),
             ("hội", 1361, 1478, 1446, 1522), ("tổng", 1484, 1472, 1604, 1522),
             ("hợp,", 1640, 1481, 1746, 1523), ("báo", 1795, 1478, 1884, 1513),
             ("cáo", 1922, 1478, 2007, 1513), ("kết", 2046, 1473, 2130, 1513),
             ("quả", 2169, 1478, 2256, 1522)],
            [("ý", 334, 1535, 360, 1578), ("kiến,", 408, 1529, 543, 1576),
             ("kiến", 604, 1529, 721, 1569), ("nghị", 768, 1536, 884, 1578),
             ("của", 934, 1534, 1020, 1569), ("cử", 1068, 1534, 1125, 1569),
             ("tri", 1169, 1536, 1255, 1569), ("và", 1302, 1534, 1359, 1569),
             ("nhân", 1407, 1534, 1525, 1569), ("dân,", 1572, 1534, 1677, 1576),
             ("đảm", 1737, 1534, 1827, 1569), ("bảo", 1869, 1534, 1957, 1569),
             ("đúng", 2004, 1535, 2124, 1578), ("quy", 2169, 1545, 2257, 1578)],
            [("định.", 334, 1593, 475, 1635), ("Tổng", 531, 1585, 649, 1635),
             ("số", 696, 1586, 750, 1626), ("hồ", 796, 1586, 852, 1626),
             ("sơ", 901, 1559, 980, 1661), ("được", 1104, 1594, 1222, 1636),
             ("số", 1269, 1586, 1323, 1626), ("hóa", 1370, 1591, 1457, 1626),
             ("là", 1505, 1591, 1559, 1626), ("146", 1609, 1593, 1692, 1626),
             ("hồ", 1738, 1586, 1795, 1626), ("sơ", 1843, 1602, 1897, 1626),
             ("với", 1942, 1592, 2029, 1626), ("14.637.", 2079, 1561, 2279, 1661)],
            [("trang", 334, 1652, 484, 1691), ("tài", 520, 1647, 606, 1682),
             ("liệu.", 646, 1647, 785, 1691)],
            [("Tổng", 485, 1722, 603, 1805), ("số", 654, 1723, 708, 1764),
             ("hồ", 750, 1723, 814, 1805), ("sơ", 866, 1739, 920, 1763),
             ("được", 1076, 1730, 1193, 1772), ("số", 1245, 1723, 1299, 1763),
             ("hóa", 1349, 1728, 1436, 1763), ("là", 1488, 1728, 1542, 1763),
             ("309", 1594, 1730, 1678, 1763), ("hồ", 1728, 1723, 1785, 1763),
             ("sơ", 1836, 1739, 1890, 1763), ("với", 1938, 1729, 2025, 1763),
             ("42.590", 2078, 1698, 2279, 1797)],
            [("trang", 334, 1789, 485, 1828), ("tài", 529, 1784, 615, 1819),
             ("liệu.", 663, 1784, 802, 1829), ("Nguyên", 854, 1784, 1036, 1828),
             ("nhân", 1081, 1784, 1198, 1819), ("chủ", 1244, 1784, 1330, 1819),
             ("yếu", 1376, 1779, 1463, 1828), ("là", 1510, 1784, 1564, 1819),
             ("do", 1610, 1787, 1666, 1819), ("số", 1713, 1779, 1767, 1819),
             ("lượng", 1814, 1787, 1962, 1828), ("tài", 2006, 1784, 2092, 1819),
             ("liệu", 2140, 1784, 2256, 1828)]]
    assert [[w.text for w in seg] for seg in segments(_words(rows))] == [
        [t for t, *_ in row] for row in rows]


def test_a_word_boxed_down_into_the_title_closes_no_stripe(tmp_path: Path) -> None:
    """An A5 header typed in JetBrains Mono as Tesseract boxed it (dev page "jetbrains" 0042):
    the date's last word "2016" boxed 84 px tall, down into the title under the date (its line's
    words 36 px), closed the stripe between the header and the title (itself boxed down into
    the line under it); the page was cut across over the number line only, and the number
    line, the date, the title and the body were read as one block, the date first, and
    pdftotext read the number line after the national title. The word is taken to stand
    where its line's words do."""
    rows = [[("ỦY", 215, 215, 249, 247), ("BAN", 272, 224, 324, 247),
             ("MTTQ", 347, 224, 419, 253), ("VIỆT", 442, 216, 515, 260),
             ("NAM", 538, 224, 590, 247), ("TỈNH", 613, 215, 685, 247),
             ("NGHỆ", 709, 216, 780, 259), ("AN", 803, 224, 837, 247)],
            [("BAN", 186, 262, 239, 285), ("THƯỜNG", 261, 254, 373, 285),
             ("TRỰC", 394, 257, 467, 296), ("ỦY", 490, 254, 525, 285), ("BAN", 547, 262, 601, 293),
             ("MTTQ", 623, 262, 696, 291), ("VIỆT", 718, 254, 791, 292),
             ("NAM", 813, 262, 867, 285)],
            [("THÀNH", 394, 287, 486, 322), ("PHỐ", 509, 289, 565, 322),
             ("VINH", 585, 299, 658, 322)],
            [("CỘNG", 937, 216, 1010, 254), ("HÒA", 1033, 216, 1087, 247),
             ("XÃ", 1108, 216, 1144, 247), ("HỘI", 1166, 216, 1218, 254),
             ("CHỦ", 1242, 216, 1295, 247), ("NGHĨA", 1318, 216, 1410, 247),
             ("VIỆT", 1431, 216, 1505, 254), ("NAM", 1527, 224, 1581, 247)],
            [("Độc", 975, 257, 1035, 293), ("lập", 1059, 257, 1120, 293),
             ("-", 1147, 271, 1159, 275), ("Tự", 1186, 259, 1228, 293),
             ("do", 1250, 259, 1288, 285),
             ("-", 1315, 271, 1327, 275), ("Hạnh", 1355, 259, 1435, 293),
             ("phúc", 1460, 257, 1540, 291)],
            [("Số:", 310, 347, 368, 381), ("267/KH-MTTQ-BTT", 402, 349, 742, 388)],
            [("Vinh,", 906, 352, 1007, 387), ("ngày", 1043, 352, 1130, 388),
             ("08", 1157, 354, 1199, 381), ("tháng", 1227, 352, 1337, 388),
             ("01", 1365, 354, 1404, 382), ("năm", 1435, 352, 1498, 381),
             ("2016", 1526, 328, 1612, 412)],
            [("KẾ", 787, 402, 862, 505), ("HOẠCH", 890, 402, 1028, 505)],
            [("Tổ", 395, 477, 438, 512), ("chức", 465, 483, 552, 512), ("Hội", 580, 483, 645, 520),
             ("nghị", 672, 483, 760, 520), ("hiệp", 787, 483, 874, 531),
             ("thương", 901, 473, 1035, 531), ("giới", 1063, 483, 1151, 520),
             ("thiệu", 1177, 483, 1288, 520), ("người", 1316, 483, 1427, 520)],
            [("ứng", 741, 526, 805, 562), ("cử", 833, 524, 877, 555), ("năm", 902, 525, 967, 556),
             ("2016", 994, 528, 1082, 556)],
            [("Thực", 335, 612, 422, 647), ("hiện", 453, 610, 539, 647),
             ("Chỉ", 570, 607, 635, 640),
             ("thị", 663, 610, 729, 654), ("số", 759, 605, 801, 640),
             ("588/CT-TTg", 830, 607, 1053, 647), ("ngày", 1085, 610, 1171, 647),
             ("25/05/2016", 1201, 607, 1426, 644), ("của", 1458, 607, 1521, 640),
             ("Ủy", 1552, 602, 1593, 647)],
            [("ban", 230, 655, 293, 683), ("nhân", 327, 653, 413, 683), ("dân", 446, 653, 509, 683),
             ("quận", 543, 653, 629, 690), ("về", 662, 653, 703, 683), ("cuộc", 736, 653, 822, 690),
             ("vận", 856, 653, 919, 690), ("động", 953, 653, 1038, 690),
             ("Người", 1073, 653, 1183, 690), ("Việt", 1215, 653, 1302, 690),
             ("Nam", 1335, 655, 1399, 696), ("ưu", 1432, 657, 1472, 683),
             ("tiên", 1505, 653, 1592, 683)]]
    words = _blocks(rows)
    assert _lines(words, tmp_path) == [
        "ỦY BAN MTTQ VIỆT NAM TỈNH NGHỆ AN", "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM",
        "THÀNH PHỐ VINH", "Số: 267/KH-MTTQ-BTT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Vinh, ngày 08 tháng 01 năm 2016", "KẾ HOẠCH",
        "Tổ chức Hội nghị hiệp thương giới thiệu người", "ứng cử năm 2016",
        "Thực hiện Chỉ thị số 588/CT-TTg ngày 25/05/2016 của Ủy",
        "ban nhân dân quận về cuộc vận động Người Việt Nam ưu tiên"]


def test_a_number_line_is_cut_after_its_number_with_ngay_misread() -> None:
    """An A5 number line typed with the place and date in JetBrains Mono as Tesseract read it
    (dev page "jetbrains" 0067): "ngày" read "ngàu" and "tháng" "tháúng"; the issuer's line
    over the gap and the "V/v" line under it each run across it, so it was taken for a word
    not read and the number was read with the date, after the national title. Any of the
    date's words ("năm" here) marks the line as a number line."""
    rows = [[("BAN", 95, 223, 148, 246), ("THƯỜNG", 170, 218, 281, 246),
             ("TRỰC", 303, 218, 376, 253), ("ỦY", 399, 223, 434, 258), ("BAN", 456, 223, 509, 258),
             ("MTTQ", 532, 223, 604, 259), ("VIỆT", 626, 223, 700, 253),
             ("NAM", 722, 223, 776, 246), ("PHƯỜNG", 798, 218, 908, 246)],
            [("HÒA", 380, 261, 434, 284), ("CƯỜNG", 456, 256, 547, 284),
             ("BẮC", 570, 261, 623, 284)],
            [("Số:", 332, 309, 390, 343), ("28/MTTQ-BTT", 424, 311, 672, 350),
             ("Hòa", 821, 314, 886, 343), ("Cường", 914, 314, 1024, 350),
             ("Bắc,", 1051, 309, 1131, 349), ("ngàu", 1166, 314, 1254, 350),
             ("2ó", 1281, 316, 1322, 343), ("tháúng", 1351, 314, 1461, 350),
             ("10", 1488, 316, 1530, 343), ("năm", 1557, 313, 1622, 343),
             ("2020", 1649, 316, 1737, 343)],
            [("V/v", 171, 353, 224, 383), ("góp", 248, 354, 300, 386), ("ý", 323, 354, 338, 386),
             ("dự", 362, 357, 397, 387), ("thảo", 418, 353, 490, 380), ("Kế", 514, 351, 549, 380),
             ("hoạch", 571, 357, 660, 387), ("công", 685, 354, 755, 386),
             ("tác", 779, 354, 831, 380)]]
    words = _blocks(rows)
    assert [" ".join(w.text for w in seg) for seg in segments(words)][2:4] == [
        "Số: 28/MTTQ-BTT", "Hòa Cường Bắc, ngàu 2ó tháúng 10 năm 2020"]


def test_lines_boxed_tall_down_from_under_the_line_above_stand_between_them(
        tmp_path: Path) -> None:
    """A paragraph typed in JetBrains Mono as Tesseract boxed it on a dark lid (dev page
    "jetbrains" 0077; the page's words 45 px tall as a rule): "Năm 2019, toàn phường..." and
    "8.335 lượt người tham gia...", every word boxed 93 and 132 px tall, down from just under
    the line above (so not over it) into the line below. They stand evenly between the lines
    around them that stand (1736 and 1937 px); where their words stood, the second 16 px over
    the next line's, pdftotext merged the two word by word. (The lines above set the page's
    usual word height.)"""
    rows = [[("Lưu", 315, 1479, 400, 1534), ("trữ", 440, 1479, 533, 1534),
             ("cơ", 570, 1499, 627, 1534), ("quan", 667, 1504, 786, 1544),
             ("đạt", 828, 1479, 916, 1545), ("kết", 958, 1485, 1045, 1534),
             ("quả", 1086, 1490, 1173, 1544), ("tốt.", 1213, 1479, 1327, 1534),
             ("Đề", 1372, 1485, 1432, 1534), ("nghị", 1473, 1492, 1594, 1552),
             ("ban", 1634, 1479, 1721, 1534), ("Công", 1763, 1491, 1896, 1552),
             ("tác", 1923, 1491, 2012, 1534)],
            [("ở", 312, 1549, 337, 1593), ("khu", 385, 1554, 472, 1593),
             ("dân", 520, 1550, 607, 1593), ("cư", 655, 1557, 715, 1593),
             ("quan", 759, 1563, 878, 1603), ("tâm", 926, 1550, 1016, 1593),
             ("chỉ", 1063, 1549, 1153, 1593), ("đạo,", 1199, 1554, 1310, 1604),
             ("tạo", 1365, 1555, 1454, 1611), ("điều", 1503, 1538, 1622, 1593),
             ("kiện", 1671, 1550, 1790, 1604), ("để", 1839, 1543, 1896, 1593)],
            [("hóa", 313, 1609, 400, 1652), ("tài", 439, 1609, 530, 1652),
             ("liệu", 565, 1609, 687, 1663), ("lưu", 725, 1613, 815, 1652),
             ("trữ", 854, 1610, 948, 1652), ("đạt", 984, 1613, 1072, 1663),
             ("kết", 1112, 1603, 1200, 1652), ("quả", 1240, 1608, 1327, 1662),
             ("tốt.", 1366, 1597, 1480, 1652)],
            [("1.", 462, 1696, 511, 1736), ("Mục", 557, 1696, 647, 1747),
             ("đích", 685, 1692, 806, 1736)],
            [("Năm", 436, 1776, 551, 1869), ("2019,", 596, 1778, 747, 1869),
             ("toàn", 798, 1775, 925, 1869), ("phường", 969, 1775, 1158, 1869),
             ("đã", 1210, 1776, 1265, 1869), ("tổ", 1310, 1768, 1386, 1869),
             ("chức", 1417, 1775, 1556, 1869), ("241", 1594, 1778, 1683, 1869),
             ("hội", 1726, 1775, 1823, 1869), ("nghị,", 1865, 1776, 2016, 1869),
             ("thu", 2074, 1779, 2163, 1869), ("hút", 2206, 1775, 2302, 1869)],
            [("8.335", 311, 1789, 468, 1921), ("lượt", 505, 1789, 630, 1921),
             ("người", 670, 1789, 831, 1921), ("tham", 868, 1789, 998, 1921),
             ("gia,", 1033, 1789, 1165, 1921), ("đạt", 1209, 1789, 1297, 1888),
             ("115%", 1324, 1789, 1565, 1921), ("so", 1506, 1789, 1572, 1921),
             ("với", 1595, 1789, 1701, 1921), ("kế", 1734, 1789, 1823, 1921),
             ("hoạch.", 1849, 1789, 2025, 1921), ("Tổ", 2078, 1789, 2163, 1921),
             ("chức", 2183, 1789, 2302, 1921)],
            [("tốt", 311, 1888, 400, 1936), ("các", 446, 1894, 534, 1937),
             ("hoạt", 581, 1881, 699, 1954), ("động", 746, 1894, 865, 1947),
             ("hướng", 912, 1894, 1063, 1946), ("về", 1109, 1887, 1166, 1937),
             ("cơ", 1212, 1902, 1269, 1937), ("sở", 1314, 1892, 1371, 1936),
             ("nhằm", 1416, 1889, 1537, 1937), ("phát", 1582, 1894, 1701, 1946),
             ("huy", 1748, 1897, 1837, 1946), ("sức", 1883, 1894, 1970, 1937),
             ("mạnh", 2015, 1897, 2136, 1947), ("khối", 2183, 1888, 2304, 1936)]]
    block = [[Word(t, (x0, y0, x1, y1), 95.0, (1, 1, k)) for t, x0, y0, x1, y1 in row]
             for k, row in enumerate(rows)]
    stands = [statistics.median(w.box[3] for w in line) for line in _settled(block, 45.0)]
    assert stands[3:] == pytest.approx([1736, 1803, 1870, 1937], abs=2)
    words = [w for line in block for w in line]
    assert _lines(words, tmp_path) == [" ".join(t for t, *_ in row) for row in rows]


def test_lines_set_right_under_the_issuers_column_are_read_in_it(tmp_path: Path) -> None:
    """An A5 header typed in JetBrains Mono as Tesseract boxed it (dev page "jetbrains" 0067):
    the "V/v" lines stand a pixel under the number line, and the first ends 10 px past the
    date's start, so the page was cut across under the number line and the date: the "V/v"
    lines, a block of their own, were read after the national title and the date. A line right
    after the header's columns, under the left one (within its widest gap between lines, at
    most two line heights) and inside its extent across, is read at that column's end."""
    rows = [[("ỦY", 181, 177, 215, 209), ("BAN", 230, 186, 289, 220),
             ("MTTQ", 313, 186, 385, 215), ("VIỆT", 404, 178, 481, 221),
             ("NAM", 504, 186, 556, 209), ("QUẬN", 579, 178, 650, 216),
             ("HẢI", 668, 177, 726, 220), ("CHÂU", 751, 178, 821, 209)],
            [("BAN", 95, 223, 148, 246), ("THƯỜNG", 170, 218, 281, 246),
             ("TRỰC", 303, 218, 376, 253), ("ỦY", 399, 223, 434, 258), ("BAN", 456, 223, 509, 258),
             ("MTTQ", 532, 223, 604, 259), ("VIỆT", 626, 223, 700, 253),
             ("NAM", 722, 223, 776, 246), ("PHƯỜNG", 798, 218, 908, 246)],
            [("HÒA", 380, 261, 434, 284), ("CƯỜNG", 456, 256, 547, 284),
             ("BẮC", 570, 261, 623, 284)],
            [("CỘNG", 958, 178, 1030, 216), ("HÒA", 1053, 178, 1107, 209),
             ("XÃ", 1128, 178, 1164, 209), ("HỘI", 1186, 178, 1238, 216),
             ("CHỦ", 1262, 178, 1315, 209), ("NGHĨA", 1338, 178, 1430, 209),
             ("VIỆT", 1451, 178, 1525, 216), ("NAM", 1547, 186, 1601, 209)],
            [("Độc", 995, 218, 1056, 254), ("lập", 1080, 218, 1140, 254),
             ("-", 1168, 232, 1179, 236), ("Tự", 1206, 220, 1248, 254),
             ("do", 1270, 220, 1308, 246), ("-", 1336, 232, 1347, 236),
             ("Hạnh", 1376, 220, 1455, 254), ("phúc", 1480, 218, 1560, 252)],
            [("Số:", 332, 309, 390, 343), ("28/MTTQ-BTT", 424, 311, 672, 350),
             ("Hòa", 821, 314, 886, 343), ("Cường", 914, 314, 1024, 350),
             ("Bắc,", 1051, 309, 1131, 349), ("ngày", 1166, 314, 1254, 350),
             ("26", 1281, 316, 1322, 343), ("tháng", 1351, 314, 1461, 350),
             ("10", 1488, 316, 1530, 343), ("năm", 1557, 313, 1622, 343),
             ("2020", 1649, 316, 1737, 343)],
            [("V/v", 171, 353, 224, 383), ("góp", 248, 354, 300, 386), ("ý", 323, 354, 338, 386),
             ("dự", 362, 357, 397, 387), ("thảo", 418, 353, 490, 380), ("Kế", 514, 351, 549, 380),
             ("hoạch", 571, 357, 660, 387), ("công", 685, 354, 755, 386),
             ("tác", 779, 354, 831, 380)],
            [("phòng,", 295, 392, 399, 424), ("chống", 428, 389, 517, 424),
             ("thiên", 541, 392, 631, 418), ("tai", 655, 393, 709, 418)],
            [("Kính", 584, 503, 669, 532), ("gửi:", 699, 500, 780, 539),
             ("Các", 814, 503, 877, 532),
             ("ban", 906, 505, 969, 532), ("chuyên", 998, 503, 1130, 539),
             ("môn", 1158, 503, 1222, 532)],
            [("Thực", 300, 583, 387, 618), ("hiện", 422, 581, 508, 618),
             ("Chỉ", 543, 578, 607, 610),
             ("thị", 639, 581, 704, 618), ("số", 739, 576, 781, 610),
             ("1219/CT-TTg", 813, 578, 1059, 617), ("ngày", 1094, 581, 1181, 617),
             ("26/09/2020", 1215, 578, 1439, 614), ("của", 1474, 578, 1537, 610),
             ("Ủy", 1572, 573, 1613, 617)],
            [("ban", 195, 643, 258, 670), ("nhân", 289, 641, 375, 670), ("dân", 405, 641, 468, 670),
             ("thành", 498, 641, 608, 670), ("phố,", 638, 636, 718, 677),
             ("Ban", 755, 643, 818, 670), ("Thường", 847, 641, 979, 677),
             ("trực", 1010, 643, 1097, 678), ("đề", 1127, 636, 1167, 670),
             ("nghị", 1198, 641, 1285, 678), ("các", 1314, 641, 1377, 670),
             ("đơn", 1408, 643, 1471, 670), ("vị", 1500, 641, 1542, 678),
             ("rà", 1573, 641, 1612, 670)]]
    words = _blocks(rows)
    assert _lines(words, tmp_path) == [
        "ỦY BAN MTTQ VIỆT NAM QUẬN HẢI CHÂU", "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG",
        "HÒA CƯỜNG BẮC", "Số: 28/MTTQ-BTT", "V/v góp ý dự thảo Kế hoạch công tác",
        "phòng, chống thiên tai", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Hòa Cường Bắc, ngày 26 tháng 10 năm 2020",
        "Kính gửi: Các ban chuyên môn",
        "Thực hiện Chỉ thị số 1219/CT-TTg ngày 26/09/2020 của Ủy",
        "ban nhân dân thành phố, Ban Thường trực đề nghị các đơn vị rà"]


def test_a_column_set_large_lets_go_of_the_title_beside_it(tmp_path: Path) -> None:
    """An MTTQ header typed in JetBrains Mono as Tesseract boxed it (dev page "firsts" 0074):
    the issuer's column, its size taken from "ỦY" boxed 79 px tall over "TRỰC", ends 55 px
    before "CỘNG" (its first line 72 px), under the 0.7 of a size a reader pulls a word in
    from, and pdftotext read the national title after the issuer's first line. A column at
    its own size that would pull a line in is set smaller where its lines still hold
    together."""
    rows = [[("ỦY", 233, 262, 290, 315), ("BAN", 329, 275, 416, 314),
             ("MTTQ", 456, 275, 576, 328), ("VIỆT", 615, 263, 738, 328),
             ("NAM", 777, 275, 865, 314), ("THÀNH", 903, 263, 1056, 314),
             ("CỘNG", 1128, 263, 1249, 326), ("HÒA", 1288, 263, 1378, 315),
             ("XÃ", 1414, 263, 1474, 314), ("HỘI", 1512, 263, 1600, 326),
             ("CHỦ", 1640, 261, 1729, 315), ("NGHĨA", 1768, 263, 1922, 315),
             ("VIỆT", 1958, 263, 2082, 326), ("NAM", 2120, 275, 2209, 314)],
            [("PHỐ", 443, 326, 544, 395), ("BẮC", 585, 327, 672, 377),
             ("NINH", 713, 337, 832, 395), ("Độc", 1197, 329, 1297, 389),
             ("lập", 1338, 329, 1437, 389), ("-", 1484, 354, 1503, 360),
             ("Tự", 1549, 333, 1617, 389), ("do", 1655, 333, 1717, 377),
             ("-", 1764, 354, 1783, 360), ("Hạnh", 1830, 333, 1962, 389),
             ("phúc", 2005, 330, 2137, 387)],
            [("BAN", 216, 399, 305, 438), ("THƯỜNG", 342, 393, 529, 458),
             ("TRỰC", 566, 393, 787, 458), ("ỦY", 725, 383, 785, 462),
             ("BAN", 824, 399, 913, 458), ("MTTQ", 951, 399, 1073, 448)],
            [("VIỆT", 310, 462, 434, 513), ("NAM", 472, 462, 562, 501),
             ("PHƯỜNG", 600, 456, 785, 502), ("VỆ", 822, 462, 881, 513),
             ("AN", 918, 462, 977, 501)],
            [("Số:", 348, 555, 423, 601), ("1285/BC-MTTQ-BTT", 468, 558, 941, 609),
             ("Vệ", 1209, 561, 1260, 611), ("An,", 1294, 563, 1370, 608),
             ("ngày", 1416, 561, 1530, 609), ("21", 1566, 563, 1618, 600),
             ("tháng", 1657, 561, 1800, 609), ("9", 1838, 563, 1862, 600),
             ("năm", 1896, 560, 1981, 601), ("2019", 2016, 562, 2132, 601)],
            [("BÁO", 1179, 829, 1268, 881), ("CÁO", 1307, 829, 1396, 881)],
            [("Kết", 571, 911, 654, 957), ("quả", 691, 914, 773, 965),
             ("hoạt", 811, 919, 924, 967), ("động", 961, 917, 1073, 967),
             ("của", 1110, 914, 1193, 957), ("Ban", 1231, 919, 1313, 957),
             ("Thanh", 1349, 919, 1493, 957), ("tra", 1529, 920, 1613, 957),
             ("nhân", 1651, 917, 1763, 957), ("dân", 1800, 917, 1883, 957),
             ("năm", 1921, 916, 2005, 957)],
            [("2019", 1230, 995, 1344, 1034)]]
    words = _blocks(rows)
    assert _lines(words, tmp_path) == [
        "ỦY BAN MTTQ VIỆT NAM THÀNH", "PHỐ BẮC NINH", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
        "VIỆT NAM PHƯỜNG VỆ AN", "Số: 1285/BC-MTTQ-BTT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Vệ An, ngày 21 tháng 9 năm 2019", "BÁO CÁO",
        "Kết quả hoạt động của Ban Thanh tra nhân dân năm", "2019"]
