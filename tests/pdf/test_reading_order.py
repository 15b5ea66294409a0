"""Reading order of the text layer on generated pages: Tesseract reads, pdftotext reads back."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.imaging import analyse, render
from app.ocr.base import Word
from app.ocr.tesseract import TesseractEngine
from app.pdf.segments import segments
from app.synth.document import RenderedPage, render_page
from app.synth.kinds import sparse_last_page, table_page
from app.synth.splits import SPLITS, split_sample
from bench.metrics import cer
from tests.pdf.readback import pdftotext_of

DPI = 300


Box = tuple[str, int, int, int, int] | tuple[str, int, int, int, int, int]


def _words(rows: Sequence[Sequence[Box]], block: int = 1, conf: float = 95.0) -> list[Word]:
    """Hand-laid words as Tesseract boxed them: one list per line of (text, x0, y0, x1, y1)
    and, where it matters, the word's confidence last."""
    return [Word(t, (x0, y0, x1, y1), float(rest[0]) if rest else conf, (block, 1, k))
            for k, row in enumerate(rows) for t, x0, y0, x1, y1, *rest in row]


def _blocks(rows: Sequence[Sequence[Box]], first: int = 0) -> list[Word]:
    """Hand-laid words (as `_words`), each line read by Tesseract as a block of its own:
    blocks `first`, `first` + 1, … in turn."""
    return [Word(w.text, w.box, w.conf, (first + k, 1, 1)) for k, row in enumerate(rows)
            for w in _words([row])]


def _lines(words: list[Word], tmp_path: Path) -> list[str]:
    """The non-empty lines pdftotext reads from our text layer of `words` on an A4 page."""
    return [" ".join(line.split()) for line in pdftotext_of(words, tmp_path, DPI).splitlines()
            if line.strip()]


def _read_back(page: RenderedPage, tmp_path: Path, speck: bool = False) -> list[str]:
    """OCR `page` and return the lines pdftotext reads from our text layer of it."""
    image = page.image.copy()
    if speck:
        _speck(image, page)
    words = TesseractEngine(lang="vie").recognize(image, DPI).words
    height, width = image.shape[:2]
    text = pdftotext_of(words, tmp_path, DPI, (width * 72 / DPI, height * 72 / DPI))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _speck(image: np.ndarray, page: RenderedPage) -> None:
    """Print a small caret between the two header columns, level with the first header line."""
    words = TesseractEngine(lang="vie").recognize(page.image, DPI).words
    first = [w for w in words if w.line == words[0].line]
    # the widest gap on the first line is the one between the columns
    gaps = [(b.box[0] - a.box[2], a, b) for a, b in pairwise(first)]
    _, left, right = max(gaps, key=lambda g: g[0])
    x = (left.box[2] + right.box[0]) // 2
    top = left.box[1]
    points = np.array([[x - 9, top + 14], [x, top], [x + 9, top + 14]], np.int32)
    cv2.polylines(image, [points], False, (40, 40, 40), 3)


def _placed(truth: str, read: list[str]) -> list[int]:
    """Where each truth line that pdftotext returned whole, and only once, stands in `read`.

    The expected order is the order the page generator printed the lines in (`RenderedPage.text`):
    the left header column, the right one, the title, the body, "Nơi nhận" and its list, then the
    signature block; a table's cells row by row.
    """
    found = []
    for line in (" ".join(t.split()) for t in truth.splitlines()):
        if line and read.count(line) == 1:
            found.append(read.index(line))
    return found


@pytest.mark.parametrize(("seed", "family", "variant"), [
    (5, "liberation-serif", 0),
    (12, "liberation-serif", 0),  # a party header: its number line two pitches down
    # header columns set closer than a line height at the number line: cut across first
    ((5150, 1), "liberation-sans", 1),
])
def test_first_page_reads_header_columns_one_after_the_other(
        seed: int | tuple[int, int], family: str, variant: int, tmp_path: Path) -> None:
    page = render_page(np.random.default_rng(seed), dpi=DPI, first_page=True, family=family,
                       variant=variant)
    placed = _placed(page.text, _read_back(page, tmp_path))
    assert len(placed) >= len(page.text.splitlines()) // 2  # most lines were read whole
    assert placed == sorted(placed)


def test_a_speck_between_the_header_columns_does_not_join_them(tmp_path: Path) -> None:
    page = render_page(np.random.default_rng(5), dpi=DPI, first_page=True)
    placed = _placed(page.text, _read_back(page, tmp_path, speck=True))
    assert len(placed) >= len(page.text.splitlines()) // 2
    assert placed == sorted(placed)


def test_last_page_reads_recipients_before_the_signature(tmp_path: Path) -> None:
    page = sparse_last_page(np.random.default_rng(8), dpi=DPI, family="liberation-serif")
    read = _read_back(page, tmp_path)
    placed = _placed(page.text, read)
    assert len(placed) >= 4
    assert placed == sorted(placed)
    truth = page.text.splitlines()
    last = max(k for k, line in enumerate(truth) if line.startswith("- "))
    recipients = [read.index(t) for t in truth[:last + 1] if t.startswith("- ") and t in read]
    signer = [read.index(t) for t in truth[last + 1:] if t in read]  # the seal hides some
    assert recipients and signer and max(recipients) < min(signer)


def _order_loss(truth: str, read: list[str]) -> tuple[int, int]:
    """The characters lost to reading order (CER in order minus order-free, as the bench
    measures it) and the misread ones (order-free)."""
    text = "\n".join(read)
    free = cer(truth, text)[0]
    return cer(truth, text, ordered=True)[0] - free, free


def test_table_is_read_row_by_row(tmp_path: Path) -> None:
    # Tesseract reads each row as one line, its cells far apart: the row is kept whole and
    # its cells' last words widened so that pdftotext reads it as one line, with the last
    # column's "Ghi chú" and "Đạt" (mostly empty: poppler took them for no table's cells)
    page = table_page(np.random.default_rng(4), dpi=DPI, family="liberation-sans")
    lost, misread = _order_loss(page.text, _read_back(page, tmp_path))
    assert lost == 0 and misread < 0.05 * len(page.text)


def test_a_word_boxed_over_the_next_does_not_break_its_line(tmp_path: Path) -> None:
    # Tesseract boxed "PHỐ" over "HÀ" on a generated party header: the layer ends a word a
    # space before the next one starts, or pdftotext breaks the line between them
    words = [Word("ĐẢNG", (277, 274, 429, 324), 89.0, (1, 1, 1)),
             Word("BỘ", (452, 276, 509, 332), 95.0, (1, 1, 1)),
             Word("THÀNH", (530, 277, 722, 345), 93.0, (1, 1, 1)),
             Word("PHỐ", (746, 273, 948, 345), 80.0, (1, 1, 1)),
             Word("HÀ", (860, 267, 924, 350), 96.0, (1, 1, 1)),
             Word("NỘI", (968, 276, 1055, 332), 95.0, (1, 1, 1))]
    text = pdftotext_of(words, tmp_path, DPI)
    assert text.split("\n")[0].split() == [w.text for w in words]


def test_a_short_justified_line_is_not_cut_into_columns(tmp_path: Path) -> None:
    # a paragraph's first line justified over seven words (gaps of 2.5 line heights) and the
    # two lines under it, as Tesseract boxed them on a generated page
    rows = [[("Thực", 547, 1013, 685, 1068), ("hiện", 825, 1011, 942, 1068),
             ("Chương", 1081, 1013, 1296, 1069), ("trình", 1434, 1011, 1565, 1057),
             ("phối", 1707, 1005, 1822, 1073), ("hợp", 1963, 1013, 2063, 1069),
             ("số", 2202, 1009, 2262, 1058)],
            [("267/CTPH-MTTQ-UBND", 401, 1093, 1058, 1143), ("ngày", 1094, 1090, 1232, 1148),
             ("26/03/2016", 1267, 1093, 1595, 1142), ("của", 1630, 1089, 1726, 1137),
             ("Ban", 1765, 1094, 1868, 1137), ("Thường", 1901, 1090, 2114, 1148),
             ("trực", 2149, 1095, 2260, 1147)],
            [("Ủy", 402, 1157, 471, 1227), ("ban", 503, 1171, 603, 1216),
             ("MTTQ", 639, 1172, 796, 1222), ("Việt", 825, 1169, 938, 1226),
             ("Nam", 970, 1173, 1095, 1216), ("thành", 1127, 1169, 1291, 1216),
             ("phố", 1324, 1167, 1427, 1227), ("về", 1456, 1167, 1520, 1216)]]
    words = _words(rows, block=7, conf=96.0)
    text = pdftotext_of(words, tmp_path, DPI)
    assert text.split() == [w.text for w in words]


def test_header_columns_closer_than_a_line_height_are_cut_apart(tmp_path: Path) -> None:
    # a generated header as Tesseract boxed it: on its first line the issuer's column ends
    # 61 px (one line height, 2.3 spaces) before the national title; the line under it is
    # cut there by a wide gap, and so the first line is cut there too
    rows = [[("ỦY", 288, 289, 356, 343), ("BAN", 378, 303, 482, 342),
             ("NHÂN", 509, 292, 657, 361), ("DÂN", 684, 292, 793, 361),
             ("QUẬN", 818, 292, 970, 352), ("CỘNG", 1031, 292, 1199, 354),
             ("HÒA", 1227, 292, 1354, 343), ("XÃ", 1376, 292, 1457, 342),
             ("HỘI", 1482, 292, 1583, 354), ("CHỦ", 1610, 286, 1731, 343),
             ("NGHĨA", 1760, 292, 1950, 343), ("VIỆT", 1971, 292, 2106, 354),
             ("NAM", 2130, 303, 2261, 342)],
            [("HẢI", 501, 365, 585, 404), ("CHÂU", 610, 364, 758, 405),
             ("Độc", 1196, 358, 1315, 416), ("lập", 1343, 358, 1436, 417),
             ("-", 1462, 383, 1480, 391), ("Tự", 1503, 362, 1586, 416),
             ("do", 1607, 360, 1683, 405), ("-", 1709, 383, 1727, 391),
             ("Hạnh", 1755, 360, 1916, 416), ("phúc", 1945, 358, 2095, 416)]]
    read = _lines(_words(rows, conf=93.0), tmp_path)
    assert read == ["ỦY BAN NHÂN DÂN QUẬN", "HẢI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc"]


def _bench_read(index: int, tmp_path: Path) -> tuple[list[str], list[str]]:
    """A tuning bench page, cleaned up and read as the pipeline does: its printed lines and the
    lines pdftotext reads from our text layer of it."""
    sample = split_sample(index, SPLITS["tuning"])
    geometry, _ = analyse(sample.image, sample.truth.dpi)
    page = render(sample.image, geometry)
    words = TesseractEngine(lang="vie").recognize(page, DPI).words
    height, width = page.shape[:2]
    text = pdftotext_of(words, tmp_path, DPI, (width * 72 / DPI, height * 72 / DPI))
    read = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return sample.truth.text.splitlines(), read


@pytest.mark.parametrize("index", [
    # Tesseract boxed the issuer's last line ("QUẬN HOÀN KIẾM") with the rule under it, twice
    # as tall as its letters: as a title of its own size it was read after the date
    18,
    # a line of the issuer's column boxed 1.6 times as tall as the others set the column's
    # size: pdftotext took its lines for one and read them across the national title
    97,
])
def test_a_line_boxed_taller_than_its_letters_keeps_its_column_in_order(
        index: int, tmp_path: Path) -> None:
    truth, read = _bench_read(index, tmp_path)
    placed = _placed("\n".join(truth), read)
    assert len(placed) >= len(truth) // 2
    assert placed == sorted(placed)


def test_table_cells_filled_to_their_rulings_are_read_row_by_row(tmp_path: Path) -> None:
    # on this table page, cells filled to the ruling stand under a line height from the next
    # ("Nghĩa Đô |Chỉnh lý", "tham gia |371"), read by Tesseract as one line; the next cell
    # starts at the left edge of its column, where other rows were cut
    truth, read = _bench_read(52, tmp_path)
    lost, misread = _order_loss("\n".join(truth), read)
    assert lost == 0 and misread < 0.05 * len(" ".join(truth))



def test_a_typewritten_cell_is_not_cut_after_its_comma() -> None:
    """A typewriter face's space after a comma is wider than its line is high: in a table's
    row read as one line, that gap is no column gap ("Theo dõi, đánh giá" is one cell)."""
    from PIL import Image, ImageDraw, ImageFont

    cells = [(240, "Ủy ban MTTQ Trung"), (900, "Theo dõi, đánh giá"), (2100, "339"),
             (2400, "6139"), (2700, "Đạt")]
    image = Image.new("RGB", (3000, 200), (255, 255, 255))
    font = ImageFont.truetype("/usr/share/fonts/truetype/freefont/FreeMono.ttf", 46)
    for x, text in cells:
        ImageDraw.Draw(image).text((x, 60), text, font=font, fill=(20, 20, 20))
    words = TesseractEngine(lang="vie").recognize(np.asarray(image), DPI).words
    found = [" ".join(w.text for w in seg) for seg in segments(words)]
    assert "Theo dõi, đánh giá" in found
    assert len(found) == len(cells)


def test_a_tables_rows_read_as_lines_are_kept_whole(tmp_path: Path) -> None:
    """A table whose rulings were painted over, as Tesseract boxed it in FreeMono: each row one
    line, its cells far apart. Cut into cells, the rows were read down the table's columns,
    a block each; whole, a cell's last word is widened towards the next cell (pdftotext cuts
    a line at a gap of 0.7 font sizes), so each row is read as one line."""
    rows = [[("STT", 233, 420, 324, 453), ("Đơn", 412, 420, 507, 453), ("vị", 540, 418, 601, 461),
             ("Nội", 1081, 417, 1174, 462), ("dung", 1211, 418, 1337, 463),
             ("Số", 2300, 412, 2361, 453), ("hồ", 2394, 410, 2455, 453),
             ("sơ", 2493, 424, 2554, 453), ("Ghi", 2907, 418, 2998, 453),
             ("chú", 3036, 416, 3128, 453)],
            [("1", 236, 527, 256, 560), ("Ủy", 414, 517, 473, 570), ("ban", 509, 527, 601, 561),
             ("Trung", 800, 529, 954, 570), ("Theo", 1085, 527, 1206, 561),
             ("dõi,", 1244, 526, 1355, 568), ("339", 2302, 526, 2389, 561),
             ("Đạt", 2905, 529, 2996, 569)],
            [("2", 234, 636, 257, 670), ("Ủy", 414, 626, 474, 680), ("ban", 509, 636, 602, 671),
             ("Cấn", 927, 627, 1018, 671), ("Lựa", 1085, 638, 1175, 679),
             ("chọn,", 1214, 636, 1356, 679), ("208", 2301, 636, 2387, 670)],
            [("3", 235, 743, 258, 779), ("Ủy", 414, 734, 475, 788), ("ban", 509, 744, 602, 779),
             ("Chợ", 863, 744, 957, 787), ("Chủ", 1084, 739, 1174, 778),
             ("động", 1212, 744, 1335, 787), ("49", 2303, 744, 2357, 778),
             ("Đạt", 2905, 743, 2996, 778)]]
    words = _words(rows, block=2)
    assert [len(seg) for seg in segments(words)] == [len(row) for row in rows]
    text = pdftotext_of(words, tmp_path, DPI, (842, 595))  # a landscape page
    read = [line.split() for line in text.splitlines() if line.strip()]
    assert read == [[t for t, *_ in row] for row in rows]


def test_a_raised_column_does_not_pull_in_the_date_beside_it(tmp_path: Path) -> None:
    """A header typed in FreeMono as Tesseract boxed it: the issuer's first line ends 58 px
    before the national title, and the date starts under that line's end, level with the
    number line. Raised to hold the number line, the issuer's column took in the date (a
    reader pulls a word within 0.7 font sizes of a block's widest extent on its rows), then
    the national title, read across the issuer's first line."""
    rows = [[("ỦY", 261, 273, 320, 317), ("BAN", 357, 285, 449, 316), ("NHÂN", 484, 275, 609, 316),
             ("DÂN", 645, 275, 737, 316), ("HUYỆN", 774, 276, 928, 324),
             ("KIẾN", 965, 273, 1088, 316), ("CỘNG", 1146, 274, 1273, 326),
             ("HÒA", 1306, 273, 1403, 317), ("XÃ", 1433, 275, 1498, 316),
             ("HỘI", 1530, 274, 1621, 326), ("CHỦ", 1658, 273, 1753, 317),
             ("NGHĨA", 1784, 275, 1946, 317), ("VIỆT", 1975, 274, 2103, 325),
             ("NAM", 2136, 284, 2234, 316)],
            [("XƯƠNG", 597, 341, 753, 380), ("Độc", 1217, 341, 1320, 389),
             ("lập", 1360, 341, 1459, 391), ("-", 1499, 360, 1528, 366),
             ("Tự", 1569, 345, 1632, 389), ("do", 1675, 343, 1745, 418),
             ("-", 1779, 360, 1806, 366), ("Hạnh", 1848, 343, 1979, 389),
             ("phúc", 2021, 314, 2186, 418)],
            [("ỦY", 291, 398, 354, 442), ("BAN", 387, 409, 483, 441), ("NHÂN", 514, 399, 643, 441),
             ("DÂN", 675, 399, 771, 441), ("XÃ", 803, 400, 868, 441),
             ("THANH", 900, 409, 1058, 441)],
            [("TÂN", 628, 461, 723, 504)],
            [("Số:", 442, 560, 526, 604), ("41/BC-UBND", 578, 566, 908, 607),
             ("Thanh", 1086, 569, 1244, 604), ("Tân,", 1290, 568, 1403, 611),
             ("ngày", 1454, 566, 1588, 614), ("06", 1629, 568, 1690, 604),
             ("tháng", 1730, 568, 1895, 614), ("10", 1933, 568, 1993, 604),
             ("năm", 2032, 568, 2130, 604), ("2020", 2169, 568, 2298, 604)]]
    read = _lines(_words(rows), tmp_path)
    assert "ỦY BAN NHÂN DÂN HUYỆN KIẾN" in read
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in read
    assert "Thanh Tân, ngày 06 tháng 10 năm 2020" in read


def test_a_date_read_apart_is_not_pulled_into_the_raised_column(tmp_path: Path) -> None:
    """A header typed in FreeMono as Tesseract boxed it (dev page, seed 8008): the dash after
    "Độc lập" read with confidence 73, and the date starting 33 px right of the issuer's
    widest line, level with the number line. The dash no longer cuts its line (the national
    title's column stays one block, so the number line is joined to the issuer's column), and
    the date, a block of its own under the national title anyway, is set small enough that the
    issuer's column, raised to hold the number line, does not pull it in: the issuer's column
    is read to its number line before the national title."""
    rows = [[("ỦY", 277, 251, 335, 294, 96), ("BAN", 370, 264, 459, 293, 96),
             ("MTTQ", 493, 263, 614, 299, 72), ("VIỆT", 648, 254, 768, 301, 96),
             ("NAM", 803, 264, 895, 293, 96), ("THÀNH", 930, 253, 1078, 293, 95),
             ("CỘNG", 1178, 253, 1300, 302, 86), ("HÒA", 1332, 251, 1425, 294, 96),
             ("XÃ", 1456, 253, 1518, 293, 96), ("HỘI", 1549, 253, 1637, 302, 96),
             ("CHỦ", 1674, 251, 1765, 294, 96), ("NGHĨA", 1796, 254, 1952, 294, 96),
             ("VIỆT", 1981, 252, 2104, 301, 96), ("NAM", 2137, 262, 2231, 293, 96)],
            [("PHỐ", 509, 312, 601, 354, 92), ("ĐÀ", 631, 313, 692, 353, 96),
             ("NẴNG", 725, 311, 846, 354, 95), ("Độc", 1244, 317, 1344, 363, 94),
             ("lập", 1383, 316, 1480, 364, 93), ("-", 1518, 334, 1547, 340, 73),
             ("Tự", 1586, 320, 1652, 363, 96), ("do", 1688, 318, 1751, 354, 93),
             ("-", 1790, 334, 1819, 340, 88), ("Hạnh", 1857, 318, 1991, 363, 96),
             ("phúc", 2026, 316, 2160, 364, 96)],
            [("BAN", 260, 383, 352, 413, 96), ("THƯỜNG", 385, 371, 569, 414, 93),
             ("TRỰC", 602, 377, 722, 422, 89), ("ỦY", 755, 371, 816, 414, 96),
             ("BAN", 849, 382, 941, 413, 93), ("MTTQ", 971, 382, 1095, 421, 75)],
            [("VIỆT", 336, 432, 459, 481, 96), ("NAM", 492, 443, 586, 473, 93),
             ("QUẬN", 617, 432, 740, 481, 90), ("HẢI", 772, 431, 860, 473, 91),
             ("CHÂU", 897, 432, 1019, 474, 91)],
            [("SỐ:", 428, 522, 511, 609, 96), ("58/MTTQ-BTT", 564, 532, 929, 576, 90),
             ("Hải", 1128, 530, 1223, 571, 89), ("Châu,", 1267, 535, 1418, 578, 96),
             ("ngày", 1468, 532, 1603, 581, 97), ("13", 1642, 534, 1702, 571, 97),
             ("tháng", 1744, 534, 1910, 581, 97), ("8", 1949, 534, 1974, 571, 96),
             ("năm", 2012, 534, 2112, 571, 96), ("2023", 2150, 534, 2280, 571, 84)]]
    read = _lines(_words(rows), tmp_path)
    assert read == ["ỦY BAN MTTQ VIỆT NAM THÀNH", "PHỐ ĐÀ NẴNG", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
                    "VIỆT NAM QUẬN HẢI CHÂU", "SỐ: 58/MTTQ-BTT",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Hải Châu, ngày 13 tháng 8 năm 2023"]


def test_a_date_beside_a_larger_column_does_not_split_the_national_title(
        tmp_path: Path) -> None:
    """A header typed in FreeMono with stamps under the number line, as Tesseract read it (dev
    page, seed 8008; a speck over the first stamp read as "^"): the issuer's column is set
    larger than the national title's (its stamp line boxed taller), and the date, level with
    the number line, starts 57 px right of the issuer's widest line. Shrunk whole to keep it
    apart, the national title's column set its motto 1.57 sizes under it and the reader cut
    the two apart (the number line between them); only the date, a block of its own anyway,
    is shrunk now. The speck's line does not count among the pitches the issuer's column is
    raised to hold (44 px over "MẬT", it kept the column from holding its number line and
    stamps, which were read after the national title)."""
    rows = [[("ỦY", 245, 281, 304, 325, 96), ("BAN", 341, 293, 433, 324, 96),
             ("MTTQ", 468, 293, 593, 330, 96), ("VIỆT", 628, 284, 752, 332, 96),
             ("NAM", 788, 293, 883, 324, 93), ("TỈNH", 919, 281, 1041, 324, 92),
             ("CỘNG", 1164, 282, 1290, 333, 96), ("HÒA", 1323, 281, 1420, 325, 96),
             ("XÃ", 1451, 283, 1516, 324, 96), ("HỘI", 1547, 282, 1638, 333, 96),
             ("CHỦ", 1676, 281, 1770, 325, 96), ("NGHĨA", 1802, 284, 1963, 325, 96),
             ("VIỆT", 1993, 282, 2120, 333, 96), ("NAM", 2154, 292, 2252, 324, 96)],
            [("BẮC", 517, 344, 608, 388, 96), ("NINH", 644, 356, 769, 387, 96),
             ("Độc", 1234, 349, 1337, 397, 94), ("lập", 1378, 349, 1478, 399, 91),
             ("-", 1516, 368, 1546, 374, 86), ("Tự", 1586, 353, 1654, 397, 96),
             ("do", 1691, 351, 1756, 388, 93), ("-", 1796, 368, 1826, 374, 81),
             ("Hạnh", 1865, 351, 2003, 397, 96), ("phúc", 2039, 349, 2177, 399, 95)],
            [("BAN", 212, 417, 307, 449, 95), ("THƯỜNG", 341, 406, 531, 450, 93),
             ("TRỰC", 565, 411, 689, 458, 92), ("ỦY", 724, 406, 786, 450, 96),
             ("BAN", 820, 417, 915, 449, 96), ("MTTQ", 946, 417, 1074, 457, 85)],
            [("VIỆT", 210, 469, 337, 520, 96), ("NAM", 371, 479, 469, 511, 95),
             ("THÀNH", 501, 468, 658, 511, 93), ("PHỐ", 692, 468, 787, 512, 92),
             ("BẮC", 820, 468, 913, 512, 96), ("NINH", 947, 479, 1074, 511, 96)],
            [("Sể:", 308, 568, 392, 612, 87), ("1037/BC-MTTQ-BTT", 446, 574, 979, 617, 85),
             ("Bắc", 1131, 568, 1230, 613, 74), ("Ninh,", 1267, 576, 1421, 620, 96),
             ("ngày", 1471, 574, 1600, 623, 96), ("14", 1645, 577, 1703, 612, 96),
             ("tháng", 1747, 576, 1913, 623, 96), ("5", 1950, 577, 1978, 613, 96),
             ("năm", 2015, 576, 2112, 613, 96), ("2025", 2153, 542, 2307, 648, 85)],
            [("^", 633, 691, 652, 700, 91)], [("MẬT", 591, 702, 691, 744, 92)],
            [("|THƯỢNG", 439, 811, 659, 872, 78), ("KHẨN", 695, 815, 829, 860, 96)]]
    read = _lines(_words(rows), tmp_path)
    assert read == ["ỦY BAN MTTQ VIỆT NAM TỈNH", "BẮC NINH", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
                    "VIỆT NAM THÀNH PHỐ BẮC NINH", "Sể: 1037/BC-MTTQ-BTT", "^", "MẬT",
                    "|THƯỢNG KHẨN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 14 tháng 5 năm 2025"]


def test_header_columns_a_space_and_a_half_apart_are_cut_apart(tmp_path: Path) -> None:
    """A header typed in FreeMono as Tesseract boxed it (dev page, seed 8008): the issuer's
    first line ends 48 px (1.45 of the line's spaces) before the national title, on one
    Tesseract line; the line under it is cut there. Read whole, the issuer's first line ran
    on into the national title."""
    rows = [[("ỦY", 261, 288, 316, 329, 96), ("BAN", 351, 300, 437, 328, 95),
             ("MTTQ", 470, 299, 587, 334, 90), ("VIỆT", 620, 291, 736, 335, 95),
             ("NAM", 770, 300, 859, 328, 96), ("THÀNH", 892, 289, 1036, 328, 93),
             ("PHỐ", 1071, 288, 1159, 329, 92), ("CỘNG", 1207, 290, 1326, 337, 96),
             ("HÒA", 1357, 288, 1447, 329, 96), ("XÃ", 1476, 290, 1537, 328, 96),
             ("HỘI", 1567, 289, 1652, 337, 95), ("CHỦ", 1687, 288, 1775, 329, 95),
             ("NGHĨA", 1806, 291, 1957, 329, 96), ("VIỆT", 1985, 289, 2104, 336, 95),
             ("NAM", 2135, 299, 2227, 328, 96)],
            [("ĐÀ", 604, 346, 663, 385, 96), ("NẴNG", 695, 345, 812, 386, 96),
             ("Độc", 1284, 350, 1379, 395, 94), ("lập", 1415, 350, 1507, 396, 93),
             ("-", 1542, 367, 1570, 373, 89), ("Tự", 1606, 353, 1668, 395, 96),
             ("do", 1702, 351, 1762, 386, 93), ("-", 1798, 367, 1826, 373, 80),
             ("Hạnh", 1861, 351, 1987, 395, 96), ("phúc", 2020, 349, 2146, 396, 95)],
            [("BAN", 305, 414, 394, 443, 96), ("THƯỜNG", 426, 403, 604, 444, 93),
             ("TRỰC", 636, 408, 752, 452, 90), ("ỦY", 784, 403, 843, 444, 96),
             ("BAN", 875, 414, 964, 443, 93), ("MTTQ", 993, 413, 1113, 450, 87)],
            [("VIỆT", 378, 461, 497, 508, 96), ("NAM", 529, 471, 620, 500, 93),
             ("QUẬN", 650, 461, 769, 508, 91), ("HẢI", 800, 460, 885, 500, 91),
             ("CHÂU", 920, 461, 1039, 501, 87)],
            [("Số:", 426, 550, 505, 593, 93), ("72/QĐ-MTTQ-BTT", 554, 556, 994, 598, 59),
             ("Hải", 1175, 555, 1264, 594, 95), ("Châu,", 1306, 559, 1448, 601, 95),
             ("ngày", 1495, 557, 1623, 603, 96), ("05", 1660, 559, 1716, 594, 96),
             ("tháng", 1755, 559, 1912, 603, 96), ("5", 1946, 559, 1972, 594, 96),
             ("năm", 2007, 559, 2102, 594, 96), ("2025", 2136, 559, 2260, 594, 96)]]
    read = _lines(_words(rows), tmp_path)
    assert read == ["ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ", "ĐÀ NẴNG", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
                    "VIỆT NAM QUẬN HẢI CHÂU", "Số: 72/QĐ-MTTQ-BTT",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Hải Châu, ngày 05 tháng 5 năm 2025"]


def test_a_gap_left_by_a_word_not_read_does_not_cut_a_paragraph_line(tmp_path: Path) -> None:
    """A paragraph typed in FreeMono as Tesseract boxed it (dev page, seed 8008): on the middle
    line "so" was read as "_" (confidence 0) and "sơ" not at all, leaving gaps over a line
    height wide. Cut there, the line's last piece ("đã được") was read apart, before the line.
    The lines above and below run across both gaps: no column gap is there."""
    rows = [[("tổ", 415, 1360, 479, 1407, 94), ("chức", 525, 1367, 656, 1407, 97),
             ("152", 704, 1370, 795, 1407, 96), ("hội", 843, 1369, 939, 1416, 97),
             ("nghị,", 985, 1369, 1141, 1417, 96), ("thu", 1198, 1371, 1296, 1407, 96),
             ("hút", 1340, 1369, 1436, 1407, 96), ("30.536", 1486, 1370, 1685, 1407, 96),
             ("lượt", 1732, 1371, 1861, 1416, 96), ("người", 1908, 1367, 2074, 1417, 96),
             ("tham", 2120, 1334, 2279, 1443, 83)],
            [("gia,", 415, 1438, 537, 1520, 96), ("đạt", 595, 1440, 691, 1485, 95),
             ("91%", 744, 1439, 837, 1476, 92), ("_", 887, 1395, 947, 1476, 0),
             ("với", 990, 1395, 1091, 1520, 96), ("kế", 1140, 1430, 1202, 1476, 95),
             ("hoạch.", 1249, 1440, 1444, 1485, 95), ("Tổng", 1501, 1429, 1635, 1486, 96),
             ("số", 1682, 1430, 1743, 1476, 96), ("hồ", 1790, 1395, 1853, 1476, 96),
             ("đã", 2010, 1439, 2073, 1476, 90), ("được", 2120, 1413, 2280, 1512, 72)],
            [("số", 418, 1499, 478, 1545, 95), ("hóa", 531, 1507, 630, 1545, 96),
             ("là", 686, 1507, 747, 1545, 96), ("276", 803, 1508, 898, 1545, 96),
             ("hồ", 953, 1498, 1016, 1545, 96), ("sơ", 1072, 1513, 1135, 1545, 96),
             ("với", 1185, 1505, 1282, 1545, 96), ("40.372", 1341, 1508, 1538, 1545, 95),
             ("trang", 1595, 1511, 1764, 1555, 96), ("tài", 1817, 1507, 1913, 1545, 96),
             ("liệu.", 1970, 1507, 2127, 1554, 96), ("Đề", 2187, 1498, 2252, 1545, 92)]]
    words = _words(rows, block=4)
    assert [len(seg) for seg in segments(words)] == [len(row) for row in rows]
    assert _lines(words, tmp_path) == [" ".join(t for t, *_ in row) for row in rows]


def test_a_number_line_typed_with_the_date_is_read_in_the_issuers_column(
        tmp_path: Path) -> None:
    """An A5 header typed in FreeMono as Tesseract boxed it (dev page, seed 8008): the number
    ends 39 px (1.3 of the line's spaces) before the place and date, on one Tesseract line.
    Read whole, the number was read after the national title, with the date; cut after the
    number ("Số:", a number with "/", then "ngày" further on), it closes the issuer's column."""
    rows = [[("ỦY", 215, 175, 255, 206, 96), ("BAN", 281, 184, 343, 205, 94),
             ("MTTQ", 368, 184, 453, 209, 82), ("VIỆT", 478, 177, 563, 210, 96),
             ("NAM", 588, 184, 653, 205, 93), ("QUẬN", 677, 177, 761, 211, 92),
             ("CỘNG", 843, 177, 930, 211, 96), ("HÒA", 953, 175, 1019, 206, 96),
             ("XÃ", 1040, 177, 1085, 205, 96), ("HỘI", 1107, 176, 1169, 212, 96),
             ("CHỦ", 1195, 175, 1260, 206, 96), ("NGHĨA", 1282, 177, 1393, 206, 95),
             ("VIỆT", 1413, 176, 1501, 211, 95), ("NAM", 1524, 183, 1591, 205, 95)],
            [("ĐỐNG", 411, 217, 498, 248, 90), ("ĐA", 521, 226, 565, 247, 95),
             ("Độc", 892, 221, 963, 254, 96), ("lập", 990, 221, 1059, 255, 93),
             ("-", 1086, 234, 1106, 238, 88), ("Tự", 1134, 223, 1180, 254, 96),
             ("do", 1205, 222, 1250, 248, 93), ("-", 1278, 234, 1298, 238, 87),
             ("Hạnh", 1325, 222, 1419, 254, 96), ("phúc", 1444, 220, 1539, 255, 95)],
            [("BAN", 191, 267, 257, 289, 96), ("THƯỜNG", 280, 259, 411, 290, 93),
             ("TRỰC", 434, 263, 520, 296, 89), ("ỦY", 543, 259, 586, 290, 96),
             ("BAN", 609, 267, 675, 289, 96), ("MTTQ", 696, 267, 785, 294, 48)],
            [("VIỆT", 179, 303, 267, 338, 95), ("NAM", 290, 310, 357, 332, 93),
             ("PHƯỜNG", 378, 302, 510, 333, 92), ("QUỐC", 533, 302, 619, 337, 96),
             ("TỬ", 643, 302, 686, 333, 93), ("GIÁM", 709, 302, 797, 333, 90)],
            [("Số:", 264, 368, 323, 400, 93), ("150/BC-MTTQ-BTT", 361, 372, 713, 404, 50),
             ("Quốc", 752, 370, 844, 404, 95), ("Tử", 874, 372, 918, 400, 96),
             ("Giám,", 944, 373, 1050, 405, 96), ("ngày", 1087, 373, 1181, 407, 96),
             ("18", 1209, 374, 1251, 400, 96), ("tháng", 1281, 373, 1398, 407, 96),
             ("02", 1426, 374, 1467, 400, 96), ("năm", 1495, 374, 1564, 400, 96),
             ("2022", 1591, 374, 1683, 400, 96)],
            [("BÁO", 859, 463, 936, 499, 92), ("CÁO", 964, 464, 1040, 499, 96)]]
    read = _lines(_words(rows), tmp_path)
    assert read == ["ỦY BAN MTTQ VIỆT NAM QUẬN", "ĐỐNG ĐA", "BAN THƯỜNG TRỰC ỦY BAN MTTQ",
                    "VIỆT NAM PHƯỜNG QUỐC TỬ GIÁM", "Số: 150/BC-MTTQ-BTT",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Quốc Tử Giám, ngày 18 tháng 02 năm 2022", "BÁO CÁO"]


def test_a_list_line_boxed_over_its_next_word_is_no_title(tmp_path: Path) -> None:
    """"Nơi nhận" beside the signature, typed in FreeMono as Tesseract boxed it (dev page, seed
    8008): "chuyên" boxed over "môn/", the line twice as tall as the others. Its letters,
    measured over the boxes as they stand, looked a third wider, and it kept a title's size
    of its own: the list's last two lines were read after the signature block. A word's
    width is taken to end where the next word starts."""
    rows = [[("Nơi", 272, 2079, 359, 2112, 96), ("nhận:", 393, 2078, 535, 2120, 96),
             ("TM.", 1548, 2079, 1631, 2112, 96), ("BAN", 1675, 2079, 1771, 2111, 96),
             ("THƯỜNG", 1804, 2068, 1995, 2112, 93), ("TRỰC", 2029, 2073, 2154, 2120, 91)],
            [("-", 275, 2152, 296, 2155, 7), ("Như", 329, 2138, 409, 2167, 96),
             ("trên;", 442, 2137, 569, 2173, 80), ("CHỦ", 1724, 2142, 1819, 2186, 96),
             ("TỊCH", 1853, 2152, 1979, 2186, 96)],
            [("-", 275, 2207, 296, 2209, 92), ("Đăng", 328, 2193, 438, 2230, 96),
             ("Website", 469, 2192, 661, 2222, 95), ("cơ", 696, 2196, 748, 2222, 96),
             ("quan;", 779, 2201, 905, 2230, 96)],
            [("-", 275, 2262, 296, 2264, 88), ("Thường", 331, 2245, 494, 2285, 96),
             ("trực", 526, 2250, 633, 2284, 96), ("cấp", 668, 2240, 746, 2285, 96),
             ("ủy", 779, 2244, 830, 2285, 96), ("(để", 874, 2240, 943, 2282, 93),
             ("b/c);", 974, 2245, 1101, 2283, 90)],
            [("-", 275, 2317, 294, 2320, 54), ("Các", 330, 2302, 409, 2332, 96),
             ("ban", 444, 2303, 521, 2332, 96), ("chuyên", 556, 2302, 849, 2340, 93),
             ("môn;", 745, 2278, 868, 2364, 47)],
            [("Lưu:", 331, 2360, 429, 2387, 87), ("VT.", 469, 2360, 541, 2387, 63)],
            [("Hồ", 1675, 2453, 1737, 2496, 95), ("Đức", 1770, 2458, 1865, 2496, 94),
             ("Hạnh", 1900, 2461, 2026, 2505, 96)]]
    read = _lines(_words(rows, block=9), tmp_path)
    assert read == ["Nơi nhận:", "- Như trên;", "- Đăng Website cơ quan;",
                    "- Thường trực cấp ủy (để b/c);", "- Các ban chuyên môn;", "Lưu: VT.",
                    "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Hồ Đức Hạnh"]


def test_pieces_of_a_line_read_one_after_the_other_stay_one_line(tmp_path: Path) -> None:
    """Lines of a follow page typed in FreeMono as Tesseract boxed them (dev page, seed 8008):
    "bảo" not read leaves a gap three line heights wide on the last line, and nothing under
    it runs across the gap, so the gap is cut. The two pieces stand in one column and are
    read one after the other: they are one line again in the text layer (apart, pdftotext
    read the piece "quản vĩnh viễn một" before its line). Since order8 the tall words "hoạch"
    and "trị" (boxed 112 and 104 px, their lines' words 44) are taken to stand where their
    lines' words do: the last line then stands apart from the one above, its two pieces are
    two blocks of one row, and pdftotext reads them one after the other as two lines."""
    rows = [[("-", 539, 1693, 565, 1696, 91), ("Các", 613, 1675, 704, 1711, 96),
             ("khu", 752, 1676, 843, 1711, 96), ("dân", 890, 1676, 981, 1711, 95),
             ("cư", 1030, 1678, 1090, 1711, 95), ("đã", 1136, 1676, 1195, 1711, 96),
             ("vận", 1242, 1676, 1334, 1719, 96), ("động", 1382, 1675, 1506, 1720, 96),
             ("được", 1553, 1676, 1676, 1719, 96), ("62.732", 1728, 1675, 1908, 1711, 96),
             ("triệu", 1958, 1675, 2114, 1719, 96), ("đồng", 2162, 1667, 2286, 1720, 96)],
            [("ng", 387, 1744, 480, 1792, 51), ("hộ", 522, 1748, 581, 1791, 96),
             ("Quỹ", 624, 1750, 715, 1792, 96), ("Vì", 755, 1746, 815, 1782, 95),
             ("người", 860, 1745, 1013, 1792, 97), ("nghèo,", 1058, 1747, 1234, 1792, 97),
             ("hỗ", 1287, 1740, 1347, 1783, 96), ("trợ", 1389, 1751, 1481, 1791, 97),
             ("xây", 1524, 1747, 1615, 1792, 97), ("mới", 1656, 1745, 1747, 1783, 97),
             ("và", 1791, 1747, 1851, 1783, 97), ("sửa", 1896, 1743, 1985, 1783, 96),
             ("chữa", 2029, 1748, 2151, 1783, 97), ("160", 2197, 1747, 2282, 1783, 95)],
            [("nhà", 388, 1819, 478, 1854, 96), ("Đại", 513, 1819, 604, 1862, 94),
             ("đoàn", 644, 1818, 766, 1854, 96), ("kết.", 804, 1811, 917, 1854, 96)],
            [("-", 539, 1932, 564, 1935, 84), ("Đề", 613, 1906, 674, 1950, 85),
             ("nghị", 725, 1914, 846, 1959, 96), ("các", 900, 1914, 990, 1950, 95),
             ("ban", 1039, 1915, 1132, 1950, 96), ("chuyên", 1184, 1914, 1370, 1959, 96),
             ("môn", 1419, 1914, 1512, 1950, 96), ("quan", 1563, 1925, 1686, 1959, 96),
             ("tâm", 1735, 1915, 1830, 1950, 96), ("chỉ", 1879, 1910, 1967, 1950, 96),
             ("đạo,", 2020, 1915, 2132, 1958, 96), ("tạo", 2193, 1918, 2285, 1958, 95)],
            [("điều", 388, 1978, 511, 2022, 88), ("kiện", 549, 1986, 671, 2030, 97),
             ("để", 708, 1978, 768, 2022, 96), ("công", 805, 1986, 928, 2031, 97),
             ("tác", 963, 1986, 1055, 2022, 97), ("văn", 1091, 1986, 1183, 2022, 96),
             ("thư,", 1219, 1987, 1332, 2029, 96), ("lưu", 1382, 1987, 1471, 2022, 96),
             ("trữ", 1507, 1987, 1601, 2022, 96), ("đạt", 1636, 1987, 1725, 2030, 96),
             ("kết", 1764, 1978, 1853, 2022, 97), ("quả", 1892, 1982, 1983, 2031, 97),
             ("tốt.", 2019, 1978, 2134, 2022, 70)],
            [("trang", 387, 2968, 544, 3009, 83), ("tài", 583, 2963, 673, 3000, 96),
             ("liệu.", 717, 2964, 861, 3008, 96), ("Bộ", 911, 2964, 970, 3008, 96),
             ("phận", 1009, 2965, 1134, 3009, 96), ("văn", 1174, 2964, 1266, 3000, 97),
             ("thư,", 1306, 2965, 1419, 3007, 96), ("lưu", 1473, 2965, 1562, 3000, 96),
             ("trữ", 1602, 2965, 1696, 3000, 96), ("xây", 1734, 2964, 1825, 3009, 97),
             ("dựng", 1866, 2965, 1990, 3009, 94), ("kế", 2030, 2956, 2088, 3000, 96),
             ("hoạch", 2129, 2926, 2311, 3038, 91)],
            [("thực", 387, 3037, 510, 3079, 91), ("hiện", 548, 3036, 671, 3079, 97),
             ("hồ", 709, 3028, 768, 3071, 96), ("sơ,", 809, 3041, 886, 3078, 93),
             ("tài", 935, 3035, 1024, 3071, 96), ("liệu", 1067, 3036, 1187, 3079, 96),
             ("có", 1227, 3035, 1284, 3071, 96), ("giá", 1323, 3036, 1411, 3080, 96),
             ("trị", 1451, 3002, 1566, 3106, 84), ("quản", 1711, 3032, 1833, 3080, 96),
             ("vĩnh", 1871, 3037, 1995, 3070, 96), ("viễn", 2032, 3028, 2155, 3071, 96),
             ("một", 2192, 3036, 2282, 3079, 96)]]
    words = _words(rows, block=5)
    assert len(segments(words)) == len(rows) + 1  # the gap is cut (nothing under it spans it)
    assert " ".join(_lines(words, tmp_path)) == " ".join(t for row in rows for t, *_ in row)


def test_a_justified_line_with_a_word_boxed_over_the_next_is_not_cut() -> None:
    """A line justified over seven words (gaps of two line heights) as Tesseract boxed it
    in FreeSans (dev page, seed 9300): "2581/KH-UBND" boxed over "ngày". The overlap is no gap
    to compare: the line's gaps are all alike, and none is a column's."""
    words = _words([[("Thực", 532, 1030, 664, 1076, 96), ("hiện", 767, 1028, 900, 1076, 95),
                     ("kế", 1003, 1021, 1065, 1066, 89), ("hoạch", 1169, 1030, 1338, 1076, 94),
                     ("số", 1443, 1021, 1503, 1066, 93),
                     ("2581/KH-UBND", 1609, 1026, 2257, 1076, 85),
                     ("ngày", 2094, 994, 2284, 1103, 67)]], block=9)
    assert [[w.text for w in seg] for seg in segments(words)] == [[w.text for w in words]]


def test_a_title_boxed_into_the_line_under_it_sets_no_size_for_the_body(
        tmp_path: Path) -> None:
    """A title and the body under it, set with tight leading in FreeSans as Tesseract boxed
    them (dev page, seed 9301): "KẾ HOẠCH" boxed down to the subtitle's bottom, 121 px tall,
    1.7 times the body's lines. Sharing its size, the body's lines (50 px apart) were merged
    two by two by the reader; the title keeps its own size instead (its letters are wider)."""
    rows = [[("KẾ", 1067, 648, 1182, 769, 62), ("HOẠCH", 1178, 667, 1413, 769, 96)],
            [("Thực", 553, 728, 685, 779, 96), ("hiện", 705, 726, 810, 779, 96),
             ("công", 830, 726, 953, 779, 96), ("tác", 973, 726, 1048, 768, 96),
             ("tiếp", 1066, 719, 1159, 779, 96), ("công", 1178, 726, 1301, 779, 96),
             ("dân", 1321, 726, 1413, 768, 96), ("giai", 1433, 727, 1520, 779, 96),
             ("đoạn", 1540, 728, 1665, 779, 96), ("2017", 1685, 728, 1834, 768, 92),
             ("-", 1814, 715, 1837, 784, 92), ("2021", 1853, 728, 1962, 768, 96)],
            [("Thực", 415, 841, 536, 890, 96), ("hiện", 572, 841, 666, 890, 96),
             ("Kế", 705, 833, 765, 881, 96), ("hoạch", 802, 841, 941, 906, 96),
             ("số", 978, 833, 1031, 881, 93), ("1222/KH-MTTQ-BTT", 1069, 840, 1564, 906, 88),
             ("ngày", 1600, 841, 1711, 892, 95), ("20/12/2017", 1746, 841, 2012, 896, 96),
             ("của", 2047, 838, 2131, 881, 96), ("Ban", 2167, 841, 2255, 881, 96)],
            [("Thường", 265, 898, 448, 962, 96), ("vụ", 468, 909, 520, 947, 96),
             ("Thành", 541, 884, 689, 938, 96), ("ủy", 712, 895, 764, 949, 96),
             ("về", 784, 890, 838, 938, 96), ("việc", 857, 898, 951, 947, 97),
             ("lấy", 971, 890, 1035, 949, 96), ("ý", 1054, 898, 1078, 949, 96),
             ("kiến", 1099, 890, 1191, 938, 96), ("nhân", 1215, 898, 1327, 938, 97),
             ("dân", 1348, 898, 1433, 938, 96), ("về", 1454, 890, 1508, 938, 96),
             ("dự", 1528, 898, 1590, 947, 97), ("thảo", 1607, 894, 1709, 938, 97),
             ("văn", 1728, 898, 1810, 938, 97), ("bản,", 1833, 894, 1930, 945, 96),
             ("Ủy", 1955, 884, 2015, 949, 96), ("ban", 2036, 898, 2119, 938, 96),
             ("nhân", 2143, 898, 2255, 938, 96)],
            [("dân", 265, 954, 350, 994, 96), ("xây", 371, 954, 451, 1005, 96),
             ("dựng", 469, 941, 588, 1005, 96), ("kế", 609, 946, 661, 994, 96),
             ("hoạch", 682, 954, 821, 1003, 96), ("như", 844, 941, 933, 994, 96),
             ("sau:", 950, 964, 1045, 994, 95)],
            [("Kinh", 418, 1034, 518, 1098, 96), ("phí", 547, 1034, 620, 1085, 96),
             ("thực", 642, 1034, 745, 1083, 97), ("hiện", 772, 1034, 866, 1083, 96),
             ("từ", 893, 1034, 940, 1074, 96), ("nguồn", 966, 1026, 1108, 1085, 96),
             ("ngân", 1138, 1034, 1251, 1085, 96), ("sách", 1278, 1034, 1386, 1074, 95),
             ("nhà", 1416, 1034, 1501, 1074, 96), ("nước", 1528, 1034, 1644, 1074, 96),
             ("được", 1668, 1034, 1787, 1083, 96), ("giao", 1810, 1035, 1909, 1085, 95),
             ("năm", 1937, 1034, 2034, 1074, 96), ("2017", 2062, 1035, 2178, 1074, 96),
             ("và", 2203, 1034, 2258, 1074, 96)],
            [("các", 266, 1090, 347, 1130, 96), ("nguồn", 367, 1082, 509, 1141, 96),
             ("hợp", 532, 1090, 617, 1141, 97), ("pháp", 637, 1077, 752, 1141, 96),
             ("khác", 772, 1077, 882, 1130, 96), ("theo", 899, 1090, 1001, 1130, 96),
             ("quy", 1019, 1100, 1103, 1141, 96), ("định.", 1121, 1090, 1232, 1139, 96)]]
    words = _words(rows, block=4)
    read = " ".join(_lines(words, tmp_path)).split()
    assert read == [w.text for w in words]  # (the subtitle is read in two lines beside it)


def test_a_junk_line_over_a_word_keeps_a_list_from_being_raised(tmp_path: Path) -> None:
    """The end of a follow page in FreeSans as Tesseract boxed it (dev page, seed 9301): a
    speck read "⁄<" over "chế.", the paragraph's last word, then "Nơi nhận" beside the signer.
    Lines standing over each other hold no pitch: raised to hold "chế." a line and a half over
    "Nơi nhận:", the list pulled the signature block in, read before its last lines."""
    rows = [[("Nguyên", 440, 2241, 603, 2289, 96), ("nhân", 624, 2241, 726, 2279, 96),
             ("chủ", 745, 2240, 820, 2279, 96), ("yếu", 839, 2234, 913, 2289, 96),
             ("là", 934, 2241, 968, 2279, 96), ("do", 985, 2241, 1037, 2279, 97),
             ("số", 1056, 2234, 1105, 2279, 96), ("lượng", 1125, 2241, 1244, 2289, 96),
             ("tài", 1263, 2241, 1311, 2279, 96), ("liệu", 1332, 2241, 1402, 2287, 97),
             ("tồn", 1421, 2234, 1485, 2279, 96), ("đọng", 1504, 2241, 1611, 2289, 96),
             ("lớn,", 1632, 2241, 1705, 2285, 96), ("cơ", 1725, 2247, 1777, 2279, 96),
             ("sở", 1794, 2239, 1845, 2279, 96), ("vật", 1862, 2240, 1926, 2287, 96),
             ("chất", 1943, 2234, 2034, 2279, 96), ("còn", 2051, 2241, 2126, 2279, 96),
             ("hạn", 2147, 2241, 2222, 2287, 96)],
            [("⁄<", 345, 2287, 364, 2302, 51)],
            [("chế.", 287, 2287, 374, 2332, 96)],
            [("Nơi", 171, 2388, 254, 2426, 96), ("nhận:", 267, 2387, 403, 2435, 96),
             ("T/M", 1523, 2388, 1608, 2426, 92), ("BAN", 1630, 2388, 1730, 2425, 96),
             ("THƯỜNG", 1749, 2380, 1969, 2439, 96), ("VỤ", 1987, 2388, 2052, 2435, 96)],
            [("-", 169, 2466, 180, 2469, 93), ("Như", 204, 2432, 264, 2491, 96),
             ("trên;", 283, 2432, 380, 2491, 96), ("PHÓ", 1645, 2433, 1749, 2479, 92),
             ("BÍ", 1769, 2433, 1813, 2478, 93), ("THƯ", 1831, 2433, 1938, 2479, 91)],
            [("-", 169, 2521, 180, 2524, 93), ("Đăng", 195, 2501, 300, 2545, 96),
             ("Website", 315, 2501, 477, 2536, 89), ("cơ", 492, 2507, 540, 2536, 96),
             ("quan;", 553, 2510, 662, 2545, 96)],
            [("-", 169, 2576, 180, 2579, 93), ("Các", 196, 2556, 274, 2591, 96),
             ("tổ", 288, 2554, 326, 2591, 96), ("chức", 338, 2556, 435, 2591, 96),
             ("thành", 449, 2556, 558, 2591, 96), ("viên;", 574, 2556, 665, 2597, 96)],
            [("-", 169, 2631, 180, 2634, 93), ("Lưu:", 198, 2611, 282, 2646, 93),
             ("VT.", 298, 2611, 365, 2645, 93)],
            [("Phan", 1628, 2742, 1743, 2780, 95), ("Đức", 1762, 2741, 1857, 2780, 95),
             ("Đạt", 1874, 2742, 1953, 2789, 95)]]
    read = _lines(_words(rows, block=14), tmp_path)
    listed = read.index("- Lưu: VT.")
    assert read[read.index("Nơi nhận:"):listed + 1] == [
        "Nơi nhận:", "- Như trên;", "- Đăng Website cơ quan;", "- Các tổ chức thành viên;",
        "- Lưu: VT."]
    assert read[listed + 1:] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phan Đức Đạt"]


def test_a_dash_read_as_an_em_dash_does_not_cut_the_motto() -> None:
    """The motto typed in FreeMono as Tesseract read it (wide-face dev page): its second dash
    read as "—-" with confidence 43, a mark. A gap holding it, no wider than a gap beside a
    dash either side, is no column gap: cut there, the motto's two pieces counted as two
    blocks beside the issuer's column, which was then taken for a table's cell and not
    joined to its number line."""
    rows = [[("Độc", 1303, 251, 1391, 293, 96), ("lập", 1426, 251, 1512, 294, 93),
             ("-", 1545, 267, 1571, 273, 86), ("Tự", 1605, 254, 1663, 293, 96),
             ("do", 1694, 252, 1751, 285, 93), ("—-", 1785, 267, 1811, 273, 43),
             ("Hạnh", 1844, 252, 1962, 293, 96), ("phúc", 1993, 251, 2112, 294, 96)]]
    assert [[w.text for w in seg] for seg in segments(_words(rows))] == [
        ["Độc", "lập", "-", "Tự", "do", "—-", "Hạnh", "phúc"]]


def test_a_justified_typewritten_line_with_one_narrow_gap_is_not_cut() -> None:
    """A paragraph's first line typed in FreeMono and justified, as Tesseract boxed it (wide-
    face dev page): its stretched spaces are wider than the words are tall, and one gap is
    narrower (a word boxed over its dot below), so the gaps were not all within 1.5 times
    each other: the line was cut at every space and its words read out of order."""
    rows = [[("Thực", 456, 981, 569, 1019), ("hiện", 627, 980, 742, 1019),
             ("Nghị", 797, 980, 936, 1030), ("quyết", 970, 972, 1112, 1021),
             ("số", 1173, 972, 1225, 1012), ("453-NQ/TU", 1285, 978, 1548, 1017),
             ("ngày", 1604, 979, 1719, 1021), ("16/08/2022", 1778, 978, 2067, 1015),
             ("của", 2129, 976, 2212, 1012), ("Ban", 2268, 983, 2353, 1012)]]
    assert len(segments(_words(rows))) == 1


def test_a_lists_dash_before_a_line_without_accents_stays_with_it(tmp_path: Path) -> None:
    """The "Nơi nhận" list and the signature beside it typed in FreeMono as Tesseract boxed
    them (wide-face dev page): the last item, "Lưu: VT,", has no accent or descender and is
    boxed 27 px tall, so its dash's space (35 px, under two letters' advances) was over 1.2 of
    its height; cut there, the item stood apart from its list and was read after the
    signature's title."""
    rows = [[("Nơi", 196, 1991, 283, 2024, 96), ("nhận:", 316, 1990, 458, 2032, 96),
             ("TM.", 1366, 1992, 1446, 2024, 96), ("BAN", 1488, 1992, 1581, 2023, 95),
             ("THƯỜNG", 1614, 1981, 1798, 2024, 93), ("TRỰC", 1831, 1987, 1951, 2032, 92)],
            [("-", 198, 2064, 219, 2067, 77), ("Như", 252, 2049, 334, 2079, 96),
             ("trên;", 365, 2049, 491, 2085, 94), ("CHỦ", 1536, 2050, 1628, 2093, 96),
             ("TỊCH", 1661, 2061, 1782, 2100, 73)],
            [("-", 199, 2119, 219, 2122, 59), ("Các", 253, 2104, 331, 2134, 96),
             ("ban", 364, 2105, 444, 2134, 96), ("chuyên", 479, 2104, 639, 2142, 95),
             ("môn;", 672, 2104, 771, 2140, 94)],
            [("-", 199, 2174, 219, 2177, 88), ("Thường", 254, 2157, 417, 2197, 96),
             ("trực", 449, 2162, 555, 2196, 96), ("HĐND,", 590, 2162, 714, 2195, 93),
             ("UBND;", 757, 2162, 883, 2195, 92)],
            [("-", 199, 2229, 219, 2232, 91), ("Các", 253, 2214, 331, 2244, 96),
             ("tổ", 365, 2207, 416, 2244, 96), ("chức", 451, 2213, 555, 2244, 96),
             ("thành", 589, 2214, 724, 2244, 96), ("viên;", 757, 2214, 883, 2250, 95)],
            [("-", 199, 2284, 219, 2287, 80), ("Lưu:", 254, 2272, 352, 2299, 93),
             ("VT,", 392, 2272, 464, 2299, 90)],
            [("Bùi", 1473, 2389, 1563, 2425, 95), ("Ngọc", 1596, 2393, 1720, 2435, 96),
             ("Nga", 1751, 2393, 1844, 2435, 96)]]
    assert [[w.text for w in seg] for seg in segments(_words(rows[-2:-1]))] == [
        ["-", "Lưu:", "VT,"]]
    assert _lines(_words(rows), tmp_path) == [
        "Nơi nhận:", "- Như trên;", "- Các ban chuyên môn;", "- Thường trực HĐND, UBND;",
        "- Các tổ chức thành viên;", "- Lưu: VT,", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH",
        "Bùi Ngọc Nga"]
