"""The invisible text layer's content stream and text clean-up."""

from __future__ import annotations

from app.ocr.base import Word
from app.pdf.textlayer import clean_text, text_layer
from tests.pdf.readback import blocks_of, pdftotext_of


def test_text_is_nfc_and_fits_two_byte_codes() -> None:
    assert clean_text("Vie\u0323\u0302t") == "Việt"
    assert clean_text("a\U0001f600b\x07") == "a\ufffdb\ufffd"


def test_no_words_no_content() -> None:
    assert text_layer((), 300, 842) == b""
    assert text_layer((Word(" ", (0, 0, 5, 5), 0.0, (1, 1, 1)),), 300, 842) == b""


def test_words_are_invisible_and_encoded_as_utf16() -> None:
    stream = text_layer((Word("ỹ", (300, 300, 330, 340), 90.0, (1, 1, 1)),), 300, 842).decode()
    assert "3 Tr" in stream
    assert "<1EF9> Tj" in stream
    assert "1 0 0 1 72 " in stream  # 300 px at 300 dpi = 72 pt


def test_words_of_a_line_share_one_baseline_and_are_spaced() -> None:
    words = (
        Word("ab", (0, 10, 40, 30), 90.0, (1, 1, 1)),
        Word("cd", (50, 12, 90, 40), 90.0, (1, 1, 1)),
    )
    stream = text_layer(words, 72, 100).decode()
    matrices = [line for line in stream.splitlines() if line.endswith(" Tm")]
    assert len({m.split()[5] for m in matrices}) == 1
    assert "<0020> Tj" in stream


def _words(line: tuple[int, int, int], y: int, x: int, text: str) -> list[Word]:
    """Words of `text` set from `x` on a 40 px high line at `y`, 20 px per letter, 15 px spaces."""
    found = []
    for token in text.split():
        found.append(Word(token, (x, y, x + 20 * len(token), y + 40), 90.0, line))
        x += 20 * len(token) + 15
    return found


def test_two_columns_read_as_one_line_come_out_column_by_column(tmp_path) -> None:
    # Tesseract's lines run across both header columns; the text layer reads the left first
    left = ("ỦY BAN MTTQ QUẬN", "BAN THƯỜNG TRỰC", "Số: 12/KH-MTTQ")
    right = ("CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Hà Nội, ngày 05")
    words = []
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        words += _words((1, 1, k), 100 + 60 * k, 100, a) + _words((1, 1, k), 100 + 60 * k, 900, b)
    words += _words((2, 1, 0), 400, 100, "Nội dung của văn bản dài suốt cả trang giấy này")
    text = pdftotext_of(words, tmp_path)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == [*left, *right, "Nội dung của văn bản dài suốt cả trang giấy này"]


def _read_back(words: list[Word], tmp_path, dpi: int = 300) -> list[str]:
    text = pdftotext_of(words, tmp_path, dpi)
    return [line for line in text.splitlines() if line.strip()]


def _spread(text: str, box: tuple[int, int, int, int], line: tuple[int, int, int]) -> list[Word]:
    """Words of `text` spread over a line's box in proportion to their letters."""
    x0, y0, x1, y1 = box
    tokens = text.split()
    unit = (x1 - x0) / (sum(len(t) for t in tokens) + 0.6 * (len(tokens) - 1))
    found, x = [], float(x0)
    for token in tokens:
        found.append(Word(token, (round(x), y0, round(x + unit * len(token)), y1), 90.0, line))
        x += unit * (len(token) + 0.6)
    return found


def test_number_line_below_a_gap_stays_in_the_issuer_column(tmp_path) -> None:
    # ND30 header as Tesseract boxed it on a bench page (288 dpi): "Số" sits under the issuer's
    # column two line pitches down; pdftotext must read it with that column, not after the
    # national title beside it
    left = [("ỦY BAN MTTQ VIỆT NAM", (374, 279, 974, 332)),
            ("THÀNH PHỐ VINH", (462, 329, 887, 382)),
            ("BAN THƯỜNG TRỰC ỦY BAN", (323, 395, 1027, 447)),
            ("MTTQ VIỆT NAM PHƯỜNG", (348, 452, 1001, 505)),
            ("HƯNG BÌNH", (529, 501, 821, 554))]
    right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (1130, 280, 2170, 333)),
             ("Độc lập - Tự do - Hạnh phúc", (1321, 340, 1978, 393))]
    number = ("Số: 2307/QĐ-MTTQ-BTT", (381, 602, 972, 655))
    date = ("Hưng Bình, ngày 16 tháng 3 năm 2018", (1213, 604, 2085, 657))
    words = []
    for k, (text, box) in enumerate([*left, *right, number, date]):
        words += _spread(text, box, (1, 1, k))
    read = _read_back(words, tmp_path, dpi=288)
    assert read == [*(t for t, _ in left), number[0], *(t for t, _ in right), date[0]]


def test_close_centred_header_columns_are_read_one_after_the_other(tmp_path) -> None:
    # header of a generated page set off the decree (300 dpi) as Tesseract boxed it: the
    # issuer's column ends 66 px (about one line height) before the national title, and both
    # columns are centred, so that pdftotext took them for a table and read them row by row
    left = [("ỦY BAN MTTQ VIỆT NAM THÀNH", (210, 297, 1042, 363)),
            ("PHỐ CẦN THƠ", (440, 358, 814, 409)),
            ("BAN THƯỜNG TRỰC ỦY BAN", (245, 422, 1006, 481)),
            ("MTTQ VIỆT NAM QUẬN NINH", (256, 485, 995, 544)),
            ("KIỀU", (565, 545, 687, 596)),
            ("Số: 9/MTTQ-BTT", (430, 655, 824, 705)),
            ("V/v góp ý dự thảo Kế hoạch", (291, 715, 957, 768)),
            ("việc lấy ý kiến nhân dân về dự", (261, 777, 989, 830)),
            ("thảo văn bản", (471, 841, 779, 883))]
    right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (1108, 297, 2194, 356)),
             ("Độc lập - Tự do - Hạnh phúc", (1267, 364, 2035, 420)),
             ("Ninh Kiều, ngày 30 tháng 3 năm 2022", (1218, 655, 2087, 706))]
    words = []
    for k, (text, box) in enumerate(left):
        words += _spread(text, box, (1, 1, k))
    for line, (text, box) in zip((0, 20, 5), right, strict=True):  # rows 0 and 5: Tesseract's
        words += _spread(text, box, (1, 1, line))  # lines run across both columns
    words.sort(key=lambda w: (w.line, w.box[0]))
    assert _read_back(words, tmp_path) == [t for t, _ in left] + [t for t, _ in right]


def test_lines_boxed_taller_than_their_pitch_are_not_merged(tmp_path) -> None:
    # a paragraph set with tight leading in a face with tall accents (a dev page in Charis SIL,
    # 300 dpi): Tesseract boxes each line 80-88 px tall, its lines stand 50 px apart, and one
    # pair 42 px (where the words stand moves with their descenders and dots below); under the
    # tallest line's size pdftotext merged those two lines word by word
    texts = ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị các",
             "đơn vị phản ánh về Văn phòng để tổng hợp, báo cáo xem xét, giải quyết.",
             "Qua đó góp phần nâng cao hiệu quả việc lập hồ sơ điện tử và nộp lưu",
             "vào Lưu trữ cơ quan, đáp ứng yêu cầu khai thác, sử dụng tài liệu của",
             "cơ quan, tổ chức và cá nhân. Năm 2023, toàn quận đã tổ chức 154 hội",
             "nghị, thu hút 53.488 lượt người tham gia, đạt 78% so với kế hoạch.")
    bottoms = (400, 450, 500, 542, 592, 642)
    heights = (82, 80, 84, 88, 81, 83)
    words = []
    for k, (text, bottom, height) in enumerate(zip(texts, bottoms, heights, strict=True)):
        words += _spread(text, (300, bottom - height, 2300, bottom), (1, 1, k))
    assert _read_back(words, tmp_path) == list(texts)


def test_a_date_ending_close_to_the_issuers_column_is_not_pulled_into_it(tmp_path) -> None:
    # the header of an A5 dev page in Noto Sans Mono as Tesseract read it (300 dpi): the
    # issuer's second line ends 25 px before the date under the national title, level with the
    # number line; the issuer's column, built first, took the date in and then the national
    # title, read row by row across both columns
    pieces = [("ỦY BAN MTTQ VIỆT NAM QUẬN ĐỐNG ĐA", (132, 239, 821, 292), (1, 1, 1)),
              ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (917, 244, 1627, 287), (1, 1, 1)),
              ("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM", (101, 287, 852, 333), (1, 1, 2)),
              ("Độc lập - Tự do - Hạnh phúc", (961, 290, 1578, 329), (1, 1, 2)),
              ("PHƯỜNG LÁNG THƯỢNG", (289, 328, 663, 367), (1, 1, 3)),
              ("Số: 140/QĐ-MTTQ-BTT", (280, 391, 674, 432), (2, 1, 1)),
              ("Láng Thượng, ngày 09 tháng 10 năm 2025", (877, 399, 1667, 434), (2, 1, 1)),
              ("QUYẾT ĐỊNH", (791, 487, 1018, 539), (5, 1, 1)),
              ("Về việc kiện toàn Ban Chỉ đạo việc xây dựng khu", (413, 550, 1396, 595), (5, 1, 2)),
              ("dân cư văn minh", (749, 612, 1061, 640), (5, 1, 3))]
    words = [w for text, box, line in pieces for w in _spread(text, box, line)]
    texts = [text for text, _, _ in pieces]
    assert _read_back(words, tmp_path, dpi=300) == [
        texts[0], texts[2], texts[4], texts[5], texts[1], texts[3], *texts[6:]]


def test_a_line_boxed_down_onto_the_next_one_is_not_merged_with_it(tmp_path) -> None:
    # a paragraph of a dev page in Noto Sans Mono set with tight leading (300 dpi): Tesseract
    # boxed the second line's words down to the third line's baseline, twice as tall as the
    # lines around it; standing on one baseline, the two were merged word by word
    lines = [("Điều 1. Nguyên nhân chủ yếu là do số lượng tài liệu tồn đọng",
              (445, 1416, 2313, 1470)),
             ("lớn, cơ sở vật chất còn hạn chế. Trong quá trình thực hiện, nếu",
              (299, 1450, 2319, 1592)),
             ("có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về Văn phòng",
              (299, 1537, 2313, 1598)),
             ("để tổng hợp, báo cáo xem xét, giải quyết.", (298, 1600, 1554, 1652))]
    words = [w for k, (text, box) in enumerate(lines) for w in _spread(text, box, (1, 1, k))]
    assert _read_back(words, tmp_path) == [text for text, _ in lines]


def test_a_stray_letter_on_the_number_lines_baseline_does_not_keep_it_from_its_column(
        tmp_path) -> None:
    # the header of a dev page in FreeMono (300 dpi): a stray "á" read as a line of its own
    # over "Số:", 4 px above the number line's baseline; as the column's closest pitch it
    # forbade the size that holds the number line, two pitches under the issuer's name, and
    # the number was read after the national title
    pieces = [("ỦY BAN MTTQ VIỆT NAM THÀNH", (204, 280, 1032, 325), (1, 1, 1)),
              ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (1151, 280, 2240, 334), (1, 1, 1)),
              ("PHỐ HÀ NỘI", (460, 343, 772, 387), (1, 1, 2)),
              ("Độc lập - Tự do - Hạnh phúc", (1222, 347, 2165, 396), (1, 1, 2)),
              ("BAN THƯỜNG TRỰC ỦY BAN MTTQ", (186, 404, 1050, 449), (1, 2, 1)),
              ("VIỆT NAM HUYỆN GIA LÂM", (265, 467, 972, 511), (1, 2, 2)),
              ("á", (363, 569, 381, 610), (4, 1, 1)),
              ("Số: 106/KH-MTTQ-BTT", (328, 575, 910, 614), (5, 1, 1)),
              ("Gia Lâm, ngày 03 tháng 3 năm 2019", (1188, 576, 2206, 611), (5, 1, 1))]
    words = [w for text, box, line in pieces for w in _spread(text, box, line)]
    read = _read_back(words, tmp_path)
    number = next(k for k, line in enumerate(read) if "106/KH-MTTQ-BTT" in line)
    assert read[:4] == ["ỦY BAN MTTQ VIỆT NAM THÀNH", "PHỐ HÀ NỘI",
                        "BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM HUYỆN GIA LÂM"]
    assert number < read.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_a_line_boxed_down_under_a_tall_v_v_word_is_set_where_it_stands(tmp_path) -> None:
    # the header of a dev page in FreeMono (300 dpi) as Tesseract boxed its words: "V/v" boxed
    # down over the line under it, and that line's words ("an sinh xã hội") boxed down into
    # "năm 2019" 29 px lower; as the column's closest pitch it kept the issuer's column from
    # holding its number line, and the date was read between the "V/v" lines
    boxes = [("ỦY", 204, 222, 264, 266, (1, 1, 1)), ("BAN", 301, 234, 392, 265, (1, 1, 1)),
             ("MTTQ", 427, 234, 552, 271, (1, 1, 1)), ("VIỆT", 586, 225, 711, 273, (1, 1, 1)),
             ("NAM", 747, 234, 842, 265, (1, 1, 1)), ("HUYỆN", 877, 225, 1032, 273, (1, 1, 1)),
             ("CỘNG", 1136, 223, 1262, 274, (1, 1, 1)), ("HÒA", 1295, 222, 1391, 266, (1, 1, 1)),
             ("XÃ", 1423, 224, 1488, 265, (1, 1, 1)), ("HỘI", 1519, 223, 1610, 274, (1, 1, 1)),
             ("CHỦ", 1648, 222, 1742, 266, (1, 1, 1)), ("NGHĨA", 1774, 225, 1936, 266, (1, 1, 1)),
             ("VIỆT", 1965, 223, 2092, 274, (1, 1, 1)), ("NAM", 2125, 233, 2224, 265, (1, 1, 1)),
             ("GIA", 509, 296, 602, 328, (1, 1, 2)), ("LÂM", 638, 286, 730, 327, (1, 1, 2)),
             ("Độc", 1205, 289, 1308, 337, (1, 1, 2)), ("lập", 1349, 289, 1449, 339, (1, 1, 2)),
             ("-", 1487, 308, 1517, 314, (1, 1, 2)), ("Tự", 1557, 293, 1625, 337, (1, 1, 2)),
             ("do", 1662, 291, 1727, 328, (1, 1, 2)), ("-", 1767, 308, 1797, 314, (1, 1, 2)),
             ("Hạnh", 1836, 291, 1974, 337, (1, 1, 2)), ("phúc", 2010, 289, 2148, 339, (1, 1, 2)),
             ("BAN", 187, 357, 282, 389, (1, 2, 1)), ("THƯỜNG", 316, 346, 506, 390, (1, 2, 1)),
             ("TRỰC", 540, 351, 665, 399, (1, 2, 1)), ("ỦY", 698, 346, 761, 390, (1, 2, 1)),
             ("BAN", 795, 357, 890, 389, (1, 2, 1)), ("MTTQ", 921, 357, 1049, 397, (1, 2, 1)),
             ("VIỆT", 281, 409, 408, 461, (1, 2, 2)), ("NAM", 442, 420, 540, 452, (1, 2, 2)),
             ("XÃ", 571, 411, 636, 452, (1, 2, 2)), ("BÁT", 667, 409, 760, 452, (1, 2, 2)),
             ("TRÀNG", 796, 409, 954, 453, (1, 2, 2)), ("Số:", 367, 509, 447, 553, (4, 1, 1)),
             ("174/MTTQ-BTT", 496, 515, 872, 558, (4, 1, 1)),
             ("Bát", 1094, 484, 1210, 593, (4, 1, 1)), ("Tràng,", 1254, 515, 1426, 561, (4, 1, 1)),
             ("ngày", 1475, 515, 1600, 561, (4, 1, 1)), ("12", 1636, 517, 1693, 551, (4, 1, 1)),
             ("tháng", 1733, 517, 1889, 561, (4, 1, 1)), ("9", 1926, 517, 1950, 552, (4, 1, 1)),
             ("năm", 1985, 517, 2079, 552, (4, 1, 1)), ("2019", 2115, 484, 2265, 593, (4, 1, 1)),
             ("V/v", 256, 546, 378, 650, (4, 1, 2)), ("triển", 412, 572, 568, 616, (4, 1, 2)),
             ("khai", 605, 580, 726, 616, (4, 1, 2)), ("chương", 766, 572, 953, 625, (4, 1, 2)),
             ("trình", 301, 642, 934, 686, (4, 1, 3)), ("an", 493, 617, 555, 710, (4, 1, 3)),
             ("sinh", 586, 617, 710, 710, (4, 1, 3)), ("xã", 741, 617, 803, 710, (4, 1, 3)),
             ("hội", 834, 617, 958, 710, (4, 1, 3)), ("năm", 493, 704, 586, 739, (4, 1, 4)),
             ("2019", 622, 704, 742, 739, (4, 1, 4))]
    words = [Word(text, (x0, y0, x1, y1), 90.0, line) for text, x0, y0, x1, y1, line in boxes]
    assert _read_back(words, tmp_path) == [
        "ỦY BAN MTTQ VIỆT NAM HUYỆN", "GIA LÂM", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
        "VIỆT NAM XÃ BÁT TRÀNG", "Số: 174/MTTQ-BTT", "V/v triển khai chương",
        "trình an sinh xã hội", "năm 2019", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Bát Tràng, ngày 12 tháng 9 năm 2019"]


def test_a_speck_read_beside_a_header_line_does_not_make_it_a_title(tmp_path) -> None:
    # the header of a dev page in TeX Gyre Termes (300 dpi) as Tesseract read it: a speck read
    # as "`.." (no letter, 243 px wide for three characters) ends the issuer's line "MTTQ VIỆT
    # NAM", boxed tall; counted in the line's letters' width, it made the line a title of its
    # own size (85 px against the column's 75), the national title beside was sized against
    # that, within a fifth of the issuer's lines, and pdftotext read the two first lines as one
    lines = {
        (1, 1, 1): [("ỦY", 175, 319, 249, 369, 96), ("BAN", 267, 331, 378, 368, 96),
                    ("MTTQ", 394, 331, 544, 378, 96), ("VIỆT", 562, 322, 682, 379, 96),
                    ("NAM", 699, 331, 821, 368, 32), ("QUẬN", 839, 322, 991, 379, 32),
                    ("CỘNG", 1056, 320, 1214, 380, 96), ("HÒA", 1231, 319, 1351, 369, 96),
                    ("XÃ", 1368, 320, 1443, 368, 96), ("HỘI", 1461, 320, 1562, 380, 96),
                    ("CHỦ", 1580, 317, 1697, 369, 95), ("NGHĨA", 1713, 321, 1893, 369, 96),
                    ("VIỆT", 1910, 320, 2040, 381, 96), ("NAM", 2056, 330, 2182, 369, 95)],
        (4, 1, 1): [("HẢI", 453, 381, 545, 452, 90), ("CHÂU", 562, 384, 712, 431, 81),
                    ("„", 772, 441, 784, 453, 2), ("Độc", 1263, 389, 1358, 443, 96),
                    ("lập", 1376, 389, 1451, 443, 93), ("-", 1469, 413, 1484, 420, 93),
                    ("Tự", 1503, 391, 1575, 443, 96), ("do", 1591, 391, 1650, 431, 93),
                    ("-", 1668, 413, 1683, 420, 92), ("Hạnh", 1701, 391, 1836, 443, 96),
                    ("phúc", 1855, 389, 1973, 442, 96)],
        (4, 1, 2): [("BAN", 206, 454, 316, 493, 95), ("THƯỜNG", 333, 448, 571, 515, 64),
                    ("TRỰC", 588, 448, 739, 504, 89), ("UỶ", 756, 455, 839, 515, 95),
                    ("BAN", 848, 454, 959, 493, 95)],
        (4, 1, 3): [("MTTQ", 232, 517, 393, 565, 95), ("VIỆT", 410, 507, 540, 612, 96),
                    ("NAM", 576, 476, 689, 612, 95), ("`..", 691, 506, 934, 612, 57)],
        (4, 1, 4): [("BÌNH", 439, 569, 574, 618, 93), ("HIÊN", 592, 580, 726, 618, 90)],
        (4, 1, 5): [("Số:", 344, 674, 409, 718, 93), ("1931/MTTQ-BTT", 436, 680, 823, 727, 86),
                    ("Bình", 1191, 680, 1290, 718, 96), ("Hiên,", 1307, 680, 1419, 723, 96),
                    ("ngày", 1441, 680, 1544, 728, 96), ("10", 1564, 680, 1613, 718, 95),
                    ("tháng", 1629, 680, 1748, 728, 96), ("I2", 1768, 680, 1816, 717, 65),
                    ("năm", 1833, 681, 1922, 718, 96), ("2024", 1940, 680, 2046, 718, 96)],
        (5, 1, 1): [("V/v", 278, 742, 355, 780, 96), ("góp", 372, 742, 451, 791, 96),
                    ("ý", 468, 742, 491, 791, 96), ("dự", 508, 742, 562, 790, 97),
                    ("thảo", 578, 742, 668, 780, 96), ("Kế", 686, 736, 744, 780, 96),
                    ("hoạch", 761, 742, 887, 790, 96)],
        (5, 1, 2): [("công", 271, 804, 373, 853, 96), ("tác", 390, 804, 450, 842, 96),
                    ("cải", 467, 804, 526, 842, 96), ("cách", 544, 804, 640, 842, 96),
                    ("hành", 658, 804, 760, 842, 96), ("chính", 776, 804, 893, 842, 96)],
    }
    words = [Word(text, (x0, y0, x1, y1), float(conf), line)
             for line, row in lines.items() for text, x0, y0, x1, y1, conf in row]
    assert _read_back(words, tmp_path) == [
        "ỦY BAN MTTQ VIỆT NAM QUẬN", "HẢI CHÂU", "BAN THƯỜNG TRỰC UỶ BAN", "MTTQ VIỆT NAM`..",
        "BÌNH HIÊN", "Số: 1931/MTTQ-BTT", "V/v góp ý dự thảo Kế hoạch",
        "công tác cải cách hành chính", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Bình Hiên, ngày 10 tháng I2 năm 2024"]


def test_a_signature_title_under_a_block_with_a_title_is_kept_apart_from_its_last_line(
        tmp_path) -> None:
    # the lower half of a dev page in TeX Gyre Termes (300 dpi): the body's block begins with
    # the title "KẾ HOẠCH" at its own size (78 px) and its lines are 61 px; the signature's
    # title under the body's last line, 90 px lower (under 1.5 sizes) and sized 63 px (within
    # 5 % of the body's lines), was taken into the body by pdftotext, with "Nơi nhận" beside
    # it, and the list was read around it: the block's largest size is no measure of its last
    # line, which the reader joins the next line to
    pieces = [("KẾ HOẠCH", (1072, 764, 1379, 842), (6, 1, 1)),
              ("Tổ chức Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm 2024",
               (543, 832, 1922, 878), (6, 1, 2)),
              ("Thực hiện Chỉ thị số 1278/CT-TTg ngày 03/06/2024 của Thủ tướng Chính phủ về công",
               (402, 937, 2212, 998), (8, 1, 1)),
              ("tác vận động ủng hộ Quỹ Vì người nghèo, Ban Thường trực xây dựng kế hoạch như sau:",
               (252, 1000, 2020, 1052), (8, 1, 2)),
              ("Văn phòng cơ quan chỉnh lý, số hóa các nội dung của kế hoạch, trước ngày "
               "18/05/2024.",
               (402, 1055, 2156, 1107), (8, 1, 3)),
              ("Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao năm 2024 và các",
               (402, 1110, 2212, 1162), (8, 1, 4)),
              ("nguồn hợp pháp khác theo quy định.", (253, 1165, 979, 1217), (8, 1, 5)),
              ("Nơi nhận:", (132, 1262, 343, 1307), (9, 1, 1)),
              ("TM. BAN THƯỜNG TRỰC", (1414, 1244, 2013, 1307), (9, 1, 1)),
              ("- Như trên;", (135, 1317, 333, 1354), (9, 1, 2)),
              ("CHỦ TỊCH", (1591, 1315, 1839, 1361), (9, 1, 2)),
              ("- Các ban chuyên môn;", (135, 1370, 557, 1410), (9, 2, 1)),
              ("- Lưu: VT.", (135, 1423, 329, 1455), (9, 3, 1)),
              ("Huỳnh Thế Nam", (1535, 1645, 1892, 1698), (10, 1, 1))]
    words = [w for text, box, line in pieces for w in _spread(text, box, line)]
    texts = [text for text, _, _ in pieces]
    assert _read_back(words, tmp_path) == [
        *texts[:7], texts[7], texts[9], texts[11], texts[12], texts[8], texts[10], texts[13]]




def test_a_tall_line_ending_at_the_next_lines_tops_does_not_keep_the_number_line_apart(
        tmp_path) -> None:
    # the header of a dev page in TeX Gyre Termes (300 dpi) as Tesseract read it: "NINH KIỀU"
    # read as one word and boxed 69 px tall (the column's lines 50), down to 2 px over
    # "PHÒNG"; where it stood, the column's pitches were 84 and 40 px, too uneven for its size
    # to be raised to hold the number line: pdftotext cut the column into three blocks, and
    # on the whole page read the number line after the national title
    lines = {
        (1, 1, 1): [("ỦY", 241, 315, 315, 365, 95), ("BAN", 333, 327, 443, 364, 96),
                    ("NHÂN", 461, 318, 613, 364, 96), ("DÂN", 631, 318, 744, 379, 59),
                    ("QUẬN", 762, 318, 915, 375, 59), ("CỘNG", 1033, 316, 1191, 376, 91),
                    ("HÒA", 1209, 315, 1328, 365, 96), ("XÃ", 1345, 316, 1420, 364, 96),
                    ("HỘI", 1438, 316, 1540, 376, 96), ("CHỦ", 1557, 313, 1674, 365, 96),
                    ("NGHĨA", 1690, 317, 1870, 365, 96), ("VIỆT", 1887, 316, 2017, 376, 96),
                    ("NAM", 2033, 326, 2159, 365, 96)],
        (3, 1, 1): [("_—_", 350, 440, 364, 449, 16), ("NINHKIEU", 441, 380, 715, 449, 83),
                    ("h", 863, 431, 883, 449, 0), ("Độc", 1240, 385, 1335, 439, 95),
                    ("lập", 1353, 385, 1428, 439, 93), ("-", 1446, 409, 1461, 416, 92),
                    ("Tự", 1480, 387, 1552, 439, 96), ("do", 1568, 387, 1627, 427, 93),
                    ("-", 1645, 409, 1660, 416, 92), ("Hạnh", 1679, 387, 1814, 439, 96),
                    ("phúc", 1831, 385, 1950, 438, 96)],
        (3, 1, 2): [("PHÒNG", 264, 451, 459, 490, 96), ("TÀI", 476, 451, 570, 489, 96),
                    ("CHÍNH", 588, 441, 767, 490, 93), ("-", 784, 474, 798, 480, 92),
                    ("KÊ", 816, 452, 890, 489, 72)],
        (3, 1, 3): [("HOẠCH", 477, 513, 678, 564, 96)],
        (3, 1, 4): [("Số:", 391, 610, 454, 652, 93), ("81/BC-TCKH", 474, 616, 765, 652, 74),
                    ("Ninh", 1199, 616, 1297, 652, 96), ("Kiều,", 1314, 610, 1418, 657, 25),
                    ("ngày", 1438, 616, 1537, 662, 96), ("10", 1556, 616, 1603, 652, 96),
                    ("tháng", 1618, 616, 1732, 662, 96), ("8", 1748, 617, 1773, 652, 96),
                    ("năm", 1787, 616, 1874, 652, 96), ("2020", 1890, 616, 1993, 652, 96)],
    }
    words = [Word(text, (x0, y0, x1, y1), float(conf), line)
             for line, row in lines.items() for text, x0, y0, x1, y1, conf in row]
    assert blocks_of(words, tmp_path) == [
        ["ỦY BAN NHÂN DÂN QUẬN", "NINHKIEU h", "PHÒNG TÀI CHÍNH - KÊ", "HOẠCH", "Số: 81/BC-TCKH"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        ["Ninh Kiều, ngày 10 tháng 8 năm 2020"]]


def test_a_speck_read_as_a_letter_does_not_move_where_the_number_line_stands(tmp_path) -> None:
    # the header of a dev page in Noto Serif (300 dpi) as Tesseract read it: a speck after the
    # number read as "ì" with confidence 24 and the number boxed 20 px under "Số:" set the
    # number line's words' median bottom 20 px low and its pitch to the "V/v" line 42 px, too
    # close for the issuer's column to be raised to hold the number line 120 px under "BẮC":
    # pdftotext cut the column there and read the number and "V/v" lines after the national
    # title; a speck Tesseract read as a letter (doubted, under half as tall as the line's
    # words) does not say where a line stands; since order11 one smaller than any letter of the
    # page (doubted, under a third of the usual word height and no wider) is left out anyway
    lines = {
        (1, 1, 1): [("ỦY", 168, 216, 237, 269, 96), ("BAN", 256, 230, 360, 268, 96),
                    ("MTTQ", 380, 231, 527, 278, 92), ("VIỆT", 545, 217, 662, 279, 95),
                    ("NAM", 679, 230, 799, 268, 92), ("QUẬN", 818, 217, 967, 279, 91),
                    ("HẢI", 987, 216, 1077, 268, 28), ("GÔNG", 1181, 217, 1332, 280, 28),
                    ("HÒA", 1351, 217, 1469, 269, 96), ("XÃ", 1486, 218, 1558, 268, 96),
                    ("HỘI", 1576, 217, 1675, 280, 96), ("CHỦ", 1694, 215, 1806, 269, 96),
                    ("NGHĨA", 1824, 218, 2000, 269, 96), ("VIỆT", 2016, 217, 2137, 280, 96),
                    ("NAM", 2155, 231, 2278, 268, 96)],
        (1, 1, 2): [("CHÂU", 550, 279, 695, 331, 82), ("Độc", 1342, 288, 1444, 343, 96),
                    ("lập", 1465, 287, 1547, 343, 93), ("-", 1568, 313, 1583, 319, 93),
                    ("Tự", 1603, 291, 1677, 343, 96), ("do", 1696, 287, 1761, 331, 93),
                    ("-", 1782, 313, 1797, 319, 93), ("Hạnh", 1818, 287, 1964, 343, 96),
                    ("phúc", 1983, 287, 2116, 343, 96)],
        (1, 1, 3): [("BAN", 158, 356, 268, 414, 96), ("THƯỜNG", 286, 342, 529, 394, 92),
                    ("TRỰC", 547, 345, 696, 405, 90), ("ỦY", 714, 340, 790, 414, 96),
                    ("BAN", 805, 356, 915, 393, 95), ("MTTQ", 933, 356, 1086, 414, 96)],
        (1, 1, 4): [("VIỆT", 182, 404, 303, 467, 96), ("NAM", 321, 418, 444, 455, 95),
                    ("PHƯỜNG", 463, 397, 706, 476, 91), ("HÒA", 725, 404, 843, 456, 96),
                    ("CƯỜNG", 861, 404, 1061, 456, 96)],
        (1, 1, 5): [("BẮC", 570, 467, 674, 518, 94)],
        (2, 1, 1): [("Số:", 390, 566, 456, 618, 93), ("238/MTTQ-BTT", 478, 579, 857, 638, 90),
                    ("ì", 986, 628, 998, 638, 24), ("Hòa", 1204, 577, 1299, 618, 96),
                    ("Cường", 1318, 577, 1472, 630, 96), ("Bắc,", 1485, 566, 1580, 626, 96),
                    ("ngày", 1603, 577, 1711, 630, 96), ("03", 1728, 580, 1785, 618, 96),
                    ("tháng", 1804, 577, 1929, 630, 96), ("01", 1945, 580, 1996, 618, 96),
                    ("năm", 2020, 579, 2118, 618, 96), ("2018", 2133, 580, 2253, 618, 96)],
        (2, 1, 2): [("V/v", 240, 642, 330, 684, 92), ("báo", 348, 639, 432, 680, 95),
                    ("cáo", 451, 639, 529, 680, 93), ("kết", 547, 639, 619, 680, 91),
                    ("quả", 637, 638, 723, 691, 96), ("công", 741, 639, 851, 692, 96),
                    ("tác", 869, 639, 936, 680, 95), ("số", 956, 639, 1003, 680, 96)],
        (2, 1, 3): [("hóa", 267, 701, 353, 742, 96), ("tài", 371, 701, 429, 742, 96),
                    ("liệu", 447, 701, 534, 752, 96), ("lưu", 552, 701, 632, 742, 96),
                    ("trữ", 650, 703, 722, 742, 96), ("năm", 740, 703, 842, 742, 96),
                    ("2018", 861, 703, 977, 742, 96)],
    }
    words = [Word(text, (x0, y0, x1, y1), float(conf), line)
             for line, row in lines.items() for text, x0, y0, x1, y1, conf in row]
    assert blocks_of(words, tmp_path)[0] == [
        "ỦY BAN MTTQ VIỆT NAM QUẬN HẢI", "CHÂU", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
        "VIỆT NAM PHƯỜNG HÒA CƯỜNG", "BẮC", "Số: 238/MTTQ-BTT", "V/v báo cáo kết quả công tác số",
        "hóa tài liệu lưu trữ năm 2018"]


def test_a_number_line_just_past_the_margin_is_held_in_its_column(tmp_path) -> None:
    # the header of a dev page in TeX Gyre Termes (300 dpi) as Tesseract read it: three words
    # of "BAN THƯỜNG TRỰC UỶ BAN" boxed down into the accents of the line under it, 41 px over
    # it; holding the number line 104 px under that line, with the margin kept under
    # pdftotext's limit (1.4 sizes of 1.5), needed 74.3 px and two lines 41 px apart allowed
    # 73.8: the column was not raised, pdftotext cut the number line off, and read it after
    # the national title
    lines = {
        (1, 1, 1): [("ỦY", 137, 354, 213, 404, 96), ("BAN", 229, 366, 341, 403, 96),
                    ("MTTQ", 357, 366, 508, 413, 95), ("VIỆT", 524, 357, 645, 414, 96),
                    ("NAM", 661, 366, 784, 403, 63), ("HUYỆN", 801, 357, 988, 413, 63),
                    ("CỘNG", 1054, 355, 1212, 415, 84), ("HÒA", 1228, 354, 1348, 404, 96),
                    ("XÃ", 1365, 355, 1440, 403, 96), ("HỘI", 1457, 355, 1560, 415, 96),
                    ("CHỦ", 1578, 352, 1694, 404, 95), ("NGHĨA", 1710, 356, 1890, 404, 96),
                    ("VIỆT", 1907, 355, 2036, 415, 95), ("NAM", 2053, 365, 2180, 404, 96)],
        (4, 1, 1): [("906", 442, 419, 552, 487, 40), ("SUN..", 570, 423, 764, 488, 10),
                    ("Độc", 1260, 424, 1355, 478, 95), ("lập", 1373, 424, 1447, 478, 93),
                    ("-", 1466, 448, 1481, 455, 93), ("Tự", 1500, 426, 1572, 478, 96),
                    ("do", 1588, 426, 1647, 466, 93), ("-", 1665, 448, 1680, 455, 93),
                    ("Hạnh", 1698, 426, 1834, 478, 96), ("phúc", 1851, 424, 1970, 477, 96)],
        (4, 1, 2): [("BAN", 185, 489, 297, 528, 96), ("THƯỜNG", 314, 483, 552, 549, 95),
                    ("TRỰC", 569, 479, 719, 552, 58), ("UỶ", 736, 490, 812, 550, 96),
                    ("BAN", 828, 489, 940, 528, 95)],
        (4, 1, 3): [("MTTQ", 150, 551, 312, 599, 82), ("VIỆT", 329, 552, 458, 601, 52),
                    ("NAM", 475, 551, 602, 590, 93), ("XA", 618, 551, 693, 589, 91),
                    ("PHU", 710, 552, 822, 590, 90), ("LINH", 838, 552, 974, 590, 96)],
        (4, 1, 4): [("Số:", 293, 646, 358, 690, 93), ("253/TB-MTTQ-BTT", 379, 652, 832, 699, 91),
                    ("Phù", 1199, 652, 1284, 690, 95), ("Linh,", 1300, 653, 1406, 696, 92),
                    ("ngày", 1428, 652, 1531, 700, 95), ("06", 1548, 653, 1600, 690, 66),
                    ("tháng", 1616, 652, 1735, 700, 96), ("02", 1753, 652, 1802, 690, 95),
                    ("năm", 1820, 653, 1910, 690, 96), ("2025", 1927, 652, 2033, 690, 96)],
    }
    words = [Word(text, (x0, y0, x1, y1), float(conf), line)
             for line, row in lines.items() for text, x0, y0, x1, y1, conf in row]
    assert blocks_of(words, tmp_path)[0] == [
        "ỦY BAN MTTQ VIỆT NAM HUYỆN", "906 SUN..", "BAN THƯỜNG TRỰC UỶ BAN",
        "MTTQ VIỆT NAM XA PHU LINH", "Số: 253/TB-MTTQ-BTT"]


def test_a_first_line_boxed_down_onto_the_next_is_set_where_it_stands(tmp_path) -> None:
    # the signature of an A5 dev page in TeX Gyre Termes (300 dpi) as Tesseract boxed it:
    # "TM. BAN THƯỜNG TRỰC" boxed 98 px tall down to the baseline of "CHỦ TỊCH" under it
    # (their words 25-34 px tall); on one baseline, pdftotext merged the two lines word by word
    # ("TM. BAN", "THƯỜNG", "CHỦ", "TỊCH TRỰC"); a block's first line boxed so is set its next
    # line's word height under where its words begin
    lines = {
        (9, 1, 1): [("TM.", 1052, 1286, 1145, 1384, 68), ("BAN", 1158, 1319, 1232, 1384, 71),
                    ("THƯỜNG", 1256, 1312, 1404, 1384, 93), ("TRỰC", 1419, 1286, 1543, 1384, 70)],
        (9, 1, 2): [("CHỦ", 1209, 1359, 1289, 1384, 88), ("TỊCH", 1300, 1359, 1393, 1393, 96)],
        (11, 1, 1): [("Dương", 1153, 1608, 1259, 1641, 96), ("Thu", 1270, 1608, 1335, 1633, 96),
                    ("Thắng", 1346, 1602, 1449, 1641, 96)],
    }
    words = [Word(text, (x0, y0, x1, y1), float(conf), line)
             for line, row in lines.items() for text, x0, y0, x1, y1, conf in row]
    assert _read_back(words, tmp_path) == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Dương Thu Thắng"]


def test_of_two_raised_header_columns_the_larger_gives_up_its_raise(tmp_path) -> None:
    # the header of an A5 dev page in TeX Gyre Termes (300 dpi) as Tesseract read it: the
    # issuer's column is raised to hold the stamp "THƯỢNG KHẨN" set 86 px under its number
    # line, and the national title's to hold the date 102 px under its motto; level with each
    # other and 46 px apart, the issuer's column was shrunk to three quarters of the national
    # title's and let the stamp go, a block pdftotext read after the date; the national
    # title's column gives up its raise instead (the date, a block of its own, is read after
    # the motto all the same)
    lines = {
        (1, 1, 1): [("ỦY", 181, 230, 229, 261, 96), ("BAN", 240, 238, 311, 261, 96),
                    ("NHÂN", 322, 232, 420, 261, 96), ("DẦN", 431, 232, 504, 261, 66),
                    ("QUẬN", 515, 232, 614, 268, 93), ("BA", 624, 238, 671, 261, 93),
                    ("ĐÌNH", 681, 231, 767, 271, 90), ("_", 797, 224, 815, 275, 45),
                    ("CỘNG", 821, 230, 923, 268, 96), ("HÒA", 934, 230, 1011, 261, 96),
                    ("XÃ", 1022, 231, 1070, 261, 96), ("HỘI", 1081, 230, 1147, 268, 96),
                    ("CHỦ", 1159, 228, 1234, 261, 96), ("NGHĨA", 1244, 230, 1361, 261, 95),
                    ("VIỆT", 1372, 230, 1456, 269, 96), ("NAM", 1466, 237, 1547, 261, 96)],
        (1, 1, 2): [("ỦY", 174, 278, 222, 302, 96), ("BAN", 232, 278, 304, 302, 95),
                    ("NHÂN", 315, 271, 415, 302, 96), ("DÂN", 426, 271, 499, 302, 93),
                    ("PHƯỜNG", 510, 271, 661, 302, 90), ("CÔNG", 673, 272, 775, 302, 96),
                    ("Độc", 949, 275, 1011, 310, 96), ("lập", 1023, 275, 1072, 310, 93),
                    ("-", 1085, 291, 1095, 296, 92), ("Tự", 1107, 276, 1155, 310, 97),
                    ("do", 1165, 276, 1204, 302, 93), ("-", 1216, 291, 1226, 296, 92),
                    ("Hạnh", 1239, 276, 1328, 310, 96), ("phúc", 1340, 275, 1418, 309, 96)],
        (1, 1, 3): [("VỊ", 455, 318, 492, 342, 94)],
        (3, 1, 1): [("Số:", 315, 377, 360, 407, 93), ("1868/KH-UBND", 380, 380, 634, 407, 85),
                    ("Cống", 908, 378, 987, 415, 89), ("Vị,", 1002, 382, 1037, 415, 96),
                    ("ngày", 1053, 382, 1126, 415, 96), ("02", 1138, 381, 1173, 407, 96),
                    ("tháng", 1186, 381, 1271, 415, 96), ("7", 1285, 382, 1302, 407, 96),
                    ("năm", 1312, 382, 1375, 408, 96), ("2020", 1387, 381, 1462, 407, 96)],
        (5, 1, 1): [("THƯỢNG", 328, 458, 496, 497, 93), ("KHẨN", 508, 456, 620, 489, 90)],
    }
    words = [Word(text, (x0, y0, x1, y1), float(conf), line)
             for line, row in lines.items() for text, x0, y0, x1, y1, conf in row]
    assert blocks_of(words, tmp_path) == [
        ["ỦY BAN NHÂN DẦN QUẬN BA ĐÌNH", "ỦY BAN NHÂN DÂN PHƯỜNG CÔNG", "VỊ", "Số: 1868/KH-UBND",
         "THƯỢNG KHẨN"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        ["Cống Vị, ngày 02 tháng 7 năm 2020"]]
