"""Reading order of typewriter (Courier-like) pages as Tesseract boxed them: hand-laid words."""

from __future__ import annotations

from app.pdf.order import segments
from tests.pdf.test_reading_order import _words


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

