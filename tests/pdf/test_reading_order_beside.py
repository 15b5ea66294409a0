"""Reading order of blocks set beside each other: header columns, "Nơi nhận", signature."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from app.ocr.base import Word
from app.pdf.apart import _beside, block_sizes
from app.pdf.lines import is_speck
from app.pdf.places import topped
from app.pdf.sizes import BLOCK_PITCH, READER_PITCH, line_bottom, line_sizes
from tests.pdf.test_reading_order import Box, _lines, _words

# a party page's header in TeX Gyre Termes (dev page "firsts2" 0012): Tesseract read the
# issuer's first line and "ĐẢNG CỘNG SẢN VIỆT NAM" as one line, the number and the date as
# another; the title "GIẤY MỜI", a speck read as "4" over it, stands under the gap between the
# two columns
PARTY: list[tuple[tuple[int, int, int], list[Box]]] = [
    ((1, 1, 1), [("ĐẢNG", 474, 223, 603, 265), ("BỘ", 619, 225, 680, 273),
                 ("TỈNH", 694, 223, 800, 282), ("BẮC", 813, 218, 907, 274),
                 ("NINH", 922, 234, 1033, 264), ("ĐẢNG", 1498, 216, 1643, 265),
                 ("CỘNG", 1660, 219, 1806, 276), ("SẢN", 1822, 216, 1920, 265),
                 ("VIỆT", 1935, 220, 2054, 275), ("NAM", 2069, 229, 2185, 265)]),
    ((1, 1, 2), [("THÀNH", 511, 275, 677, 317), ("ỦY", 693, 285, 756, 317),
                 ("BẮC", 770, 275, 864, 317), ("NINH", 879, 285, 996, 317)]),
    ((2, 1, 1), [("*", 746, 333, 763, 352)]),
    ((2, 1, 2), [("Số", 584, 360, 634, 402), ("1759-GM/TU", 656, 367, 924, 402),
                 ("Bắc", 1468, 360, 1544, 402), ("Ninh,", 1558, 367, 1662, 406),
                 ("ngày", 1682, 366, 1777, 411), ("28", 1792, 367, 1841, 402),
                 ("tháng", 1856, 366, 1966, 411), ("7", 1986, 367, 2008, 402),
                 ("năm", 2020, 367, 2103, 402), ("2021", 2119, 367, 2213, 402)]),
    ((4, 1, 1), [("4", 1263, 484, 1283, 503)]),
    ((4, 1, 2), [("GIẤY", 1193, 465, 1330, 544), ("MỜI", 1348, 490, 1458, 554)]),
    ((4, 1, 3), [("Dự", 757, 583, 822, 629), ("Hội", 836, 582, 911, 629),
                 ("nghị", 928, 582, 1019, 628), ("sơ", 1035, 587, 1078, 618),
                 ("kết", 1093, 574, 1157, 618), ("công", 1172, 582, 1270, 628),
                 ("tác", 1285, 582, 1347, 618), ("chỉnh", 1362, 581, 1479, 618),
                 ("lý", 1495, 582, 1531, 627), ("tài", 1547, 582, 1600, 618)])]

# the foot of a first page in TeX Gyre Termes (dev page "firsts2" 0046): "Nơi nhận" and its
# list set small (lines 31-52 px tall, 50-58 px apart) beside the signature's title
FOOT: list[tuple[tuple[int, int, int], list[Box]]] = [
    ((12, 1, 1), [("Nơi", 205, 2099, 280, 2134), ("nhận:", 294, 2098, 416, 2144),
                  ("TM.", 1559, 2095, 1657, 2134), ("BAN", 1675, 2095, 1785, 2134),
                  ("THƯỜNG", 1802, 2084, 2040, 2134), ("TRỰC", 2057, 2089, 2208, 2146)]),
    ((13, 1, 1), [("-", 207, 2176, 219, 2179), ("Như", 235, 2156, 313, 2189),
                  ("trên;", 326, 2157, 406, 2192), ("CHỦ", 1750, 2150, 1866, 2202),
                  ("TỊCH", 1883, 2163, 2019, 2202)]),
    ((13, 1, 2), [("-", 207, 2231, 219, 2234), ("Các", 234, 2212, 302, 2244),
                  ("tổ", 317, 2213, 351, 2244), ("chức", 365, 2211, 449, 2244),
                  ("thành", 464, 2211, 563, 2244), ("viên;", 579, 2212, 666, 2247)]),
    ((13, 2, 1), [("-", 208, 2286, 219, 2289), ("Ủy", 235, 2257, 287, 2308),
                  ("ban", 302, 2266, 365, 2299), ("MTTQ", 381, 2267, 508, 2306),
                  ("các", 522, 2267, 579, 2299), ("phường;", 594, 2266, 742, 2309)]),
    ((13, 3, 1), [("-", 207, 2341, 219, 2344), ("Lưu:", 235, 2323, 317, 2354),
                  ("VT.", 335, 2323, 402, 2354)]),
    ((15, 1, 1), [("Phạm", 1661, 2531, 1793, 2581), ("Hồng", 1811, 2521, 1935, 2579),
                  ("Hương", 1951, 2531, 2108, 2579)])]


def _laid(lines: list[tuple[tuple[int, int, int], list[Box]]]) -> list[Word]:
    """Hand-laid words as Tesseract boxed them on dev pages "firsts2"."""
    return [Word(w.text, w.box, w.conf, line) for line, row in lines for w in _words([row])]


def test_a_left_column_is_read_before_a_right_one_whose_top_is_higher(tmp_path: Path) -> None:
    """The issuer's first line stands on its dots below ("BỘ", "TỈNH"), 8 px under the national
    title's: set at its size, its top was 7 px lower. pdftotext widens both columns over the
    block under the gap between them (the title and the speck over it), and reads blocks so
    widened, overlapping across, by their tops: the
    national title was read before the issuer's column. The issuer's first line is now set no
    lower than the national title's top."""
    assert _lines(_laid(PARTY), tmp_path) == [
        "ĐẢNG BỘ TỈNH BẮC NINH", "THÀNH ỦY BẮC NINH", "*", "Số 1759-GM/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Ninh, ngày 28 tháng 7 năm 2021", "4", "GIẤY", "MỜI",
        "Dự Hội nghị sơ kết công tác chỉnh lý tài"]


def test_a_first_line_is_raised_only_to_the_top_of_a_block_level_with_it() -> None:
    """Only a block read before another level with it on its right is moved, by under half
    its size: a block whose top is higher already, or one under the other, is left."""
    issuer = _words([[("ĐẢNG", 474, 223, 603, 273), ("BỘ", 619, 225, 680, 273)],
                     [("THÀNH", 511, 275, 677, 317)]])
    title = _words([[("ĐẢNG", 1498, 216, 1643, 265), ("CỘNG", 1660, 219, 1806, 265)]])
    issuer_lines = [issuer[:2], issuer[2:]]
    moved = topped([issuer_lines, [title]], [[60.0, 60.0], [60.0]])
    assert {w.box[3] for w in moved[0][0]} == {265 - 1} and moved[0][1] == issuer_lines[1]
    assert topped([[title], issuer_lines], [[60.0], [60.0, 60.0]])[1] == issuer_lines
    below = [[Word(w.text, (w.box[0], w.box[1] + 100, w.box[2], w.box[3] + 100), w.conf,
                   w.line) for w in title]]
    assert topped([issuer_lines, below], [[60.0, 60.0], [60.0]])[0] == issuer_lines
    far = [[Word(w.text, (w.box[0], w.box[1] - 40, w.box[2], w.box[3] - 40), w.conf, w.line)
            for w in title]]
    assert topped([issuer_lines, far], [[60.0, 60.0], [60.0]])[0] == issuer_lines


def test_a_list_beside_the_signature_is_held_whole(tmp_path: Path) -> None:
    """"Nơi nhận" and its list, lines 50-58 px apart, set at the tallest usual line's 36 px
    (over 1.4 sizes apart: not raised); pdftotext broke the list in three and read the
    signature's title after its first two lines. A block of three lines or more beside a
    column is held whole whatever its usual pitch."""
    assert _lines(_laid(FOOT), tmp_path) == [
        "Nơi nhận:", "- Như trên;", "- Các tổ chức thành viên;", "- Ủy ban MTTQ các phường;",
        "- Lưu: VT.", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Phạm Hồng Hương"]


def test_only_a_block_of_three_lines_beside_a_column_is_held_whatever_its_pitch() -> None:
    """Running text alone across the page, its lines 1.6 sizes apart, keeps its lines' size
    (pdftotext reads its pieces in order anyway); so does a block beside a single line (a piece
    of running text the page's cuts set apart), and a column of two lines (one pitch, both
    usual and widest: a date set far under the national title stands apart)."""
    listed = [[w for w in _words([row]) if w.box[0] < 1000] for _, row in FOOT[:5]]
    signature = [[w for w in _words([row]) if w.box[0] > 1000] for _, row in FOOT[:2]]
    pitches = [b - a for a, b in pairwise(line_bottom(line) for line in listed)]
    alone = line_sizes(listed)
    assert len(set(alone)) == 1 and max(pitches) > READER_PITCH * alone[0]
    assert _beside([listed, signature]) == [True, False]
    assert _beside([listed, signature[:1]]) == [False, False]
    assert _beside([listed[:2], signature]) == [False, False]
    held = block_sizes([listed, signature])[0]
    assert len(set(held)) == 1 and max(pitches) <= BLOCK_PITCH * held[0]


# a header in JetBrains Mono on a light lid (dev page "firsts2" 0073): a speck read as "kì"
# (11 by 10 px, confidence 51) on the issuer's second line, 349 px before "XƯƠNG"
SPECKED: list[tuple[tuple[int, int, int], list[Box]]] = [
    ((1, 1, 1), [("ỦY", 258, 306, 315, 359), ("BAN", 354, 319, 441, 358),
                 ("NHÂN", 482, 307, 601, 358), ("DÂN", 642, 307, 729, 358),
                 ("HUYỆN", 770, 307, 921, 369), ("KIẾN", 962, 303, 1081, 358),
                 ("CỘNG", 1185, 307, 1306, 370, 43), ("HÒA", 1345, 307, 1435, 359),
                 ("XÃ", 1471, 307, 1531, 358), ("HỘI", 1569, 307, 1657, 370),
                 ("CHỦ", 1697, 305, 1786, 359), ("NGHĨA", 1825, 307, 1979, 359),
                 ("VIỆT", 2015, 307, 2139, 370), ("NAM", 2177, 319, 2266, 358)]),
    ((4, 1, 1), [("kì", 232, 429, 243, 439, 51), ("_", 516, 431, 535, 439, 34),
                 ("XƯƠNG", 592, 375, 791, 439), ("-", 771, 370, 796, 444, 62),
                 (":", 1059, 431, 1079, 439, 24), ("Độc", 1253, 373, 1353, 433),
                 ("lập", 1393, 373, 1493, 433), ("-", 1540, 397, 1559, 404),
                 ("Tự", 1605, 377, 1673, 433), ("do", 1711, 377, 1773, 421),
                 ("-", 1820, 397, 1839, 404), ("Hạnh", 1886, 377, 2018, 433),
                 ("phúc", 2061, 374, 2193, 431)]),
    ((4, 1, 2), [("UỶ", 225, 443, 284, 483), ("BAN", 321, 443, 410, 482),
                 ("NHÂN", 449, 443, 570, 482), ("DÂN", 609, 443, 698, 482),
                 ("XÃ", 735, 443, 795, 482), ("THANH", 831, 443, 985, 482),
                 ("TÂN", 1023, 443, 1114, 482)]),
    ((4, 1, 3), [("Số:", 449, 533, 530, 583), ("58/BB-UBND", 577, 537, 889, 588),
                 ("Thanh", 1155, 543, 1306, 583), ("Tân,", 1347, 539, 1456, 591),
                 ("ngày", 1504, 539, 1627, 592), ("05", 1664, 542, 1723, 583),
                 ("tháng", 1762, 539, 1915, 592), ("10", 1952, 542, 2011, 583),
                 ("năm", 2048, 540, 2139, 583), ("2015", 2176, 542, 2299, 583)])]


def test_a_speck_read_as_letters_does_not_cut_a_column(tmp_path: Path) -> None:
    """The speck "kì", 349 px before the issuer's second line, was cut from it as a column of
    its own: the issuer's column fell into four blocks, read around the national title. A
    word read as letters with confidence under 80, under a third of the page's usual word
    height tall and no wider than that height, is a speck and left out."""
    assert _lines(_laid(SPECKED), tmp_path) == [
        "ỦY BAN NHÂN DÂN HUYỆN KIẾN", "_ XƯƠNG", "UỶ BAN NHÂN DÂN XÃ THANH TÂN",
        "Số: 58/BB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Thanh Tân, ngày 05 tháng 10 năm 2015"]


def test_a_speck_is_smaller_than_any_letter_and_doubted() -> None:
    """Only a doubted word boxed smaller than a letter is a speck: not one read surely, nor a
    word boxed flat but wide ("HUẾ" boxed 14 px tall with the rule under it, 189 px wide)."""
    speck, sure, flat = _words([[("kì", 232, 429, 243, 439, 51), ("kì", 232, 429, 243, 439),
                                 ("HUẾ", 621, 396, 810, 410, 51)]])
    assert is_speck(speck, 50) and not is_speck(sure, 50) and not is_speck(flat, 50)
    assert not is_speck(speck, 30)
