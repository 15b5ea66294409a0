"""Trích yếu and issuer: words not borne out are offered; layouts the first extractor missed."""

# Trích yếu and issuer: values whose words are not borne out are offered, not filled in;
# layouts the first extractor missed (an issuer over narrow lines, a cut-off "V/v", a title
# misread by a letter).

from __future__ import annotations

import pytest

from app.extract.fields.evidence import not_syllable
from app.extract.model import (
    CAPITALS_AMID,
    LOST_WORDS,
    NOT_A_SYLLABLE,
    ODD_CHARACTER,
    WEAK_NUMERAL,
    WEAK_SCORE,
)
from app.extract.read import read_fields
from app.ocr.base import OcrResult, Word
from app.ocr.lexicon import load
from tests.extract.conftest import LEFT, MIDDLE, PAGE, RIGHT, centred, header, line_words, page

needs_lexicon = pytest.mark.skipif(load() is None, reason="hunspell-vi is not installed")


def _scored(ocr: OcrResult, text: str, conf: float) -> OcrResult:
    """`ocr` with the words reading `text` scored `conf`."""
    return OcrResult(tuple(Word(w.text, w.box, conf if w.text == text else w.conf, w.line)
                           for w in ocr.words), "vie")


@needs_lexicon
@pytest.mark.parametrize(
    ("text", "expected"),
    [("việc", False), ("viêc", True), ("KTIỀU", True), ("KIỀU", False), ("t", True),
     ("MTTQ", False), ("III", False), ("2015-2019", False), ("KH-UBND", False), ("hoà", False),
     ("phòng,", False), ("(", False)],
)
def test_syllables(text: str, expected: bool) -> None:
    assert not_syllable(text) is expected


@needs_lexicon
def test_a_word_that_is_no_syllable_makes_the_subject_a_suggestion() -> None:
    f = read_fields(header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH",
                           "Về viêc lâp hồ sơ điện tử"), PAGE)
    assert f.subject.value == "Về viêc lâp hồ sơ điện tử"
    assert f.subject.suggested and f.subject.why == NOT_A_SYLLABLE
    assert f.to_json()["subject"]["why"] == NOT_A_SYLLABLE


def test_a_character_out_of_place_makes_the_subject_a_suggestion() -> None:
    f = read_fields(header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH",
                           "Thực hiện công[tế vận động"), PAGE)
    assert f.subject.suggested and f.subject.why == ODD_CHARACTER


@pytest.mark.parametrize(("subject", "offered"), [
    ("'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc", True),  # a speck read as a quote
    ("Tổ chức Ngày hội \"Đại đoàn kết toàn dân tộc", True),
    ("Tổ chức Ngày hội \"Đại đoàn kết\" toàn dân tộc", False),  # quoted in pairs
    ("Tổ chức Ngày hội 'Đại đoàn kết' toàn dân tộc", False),
])
def test_a_quotation_mark_with_no_mate_makes_the_subject_a_suggestion(subject: str,
                                                                      offered: bool) -> None:
    f = read_fields(header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH",
                           subject), PAGE)
    assert f.subject.value == subject
    assert f.subject.why == (ODD_CHARACTER if offered else "")


@pytest.mark.parametrize(("subject", "offered"), [
    ("Thực hiện công tác văn thư, LƯU trữ giai đoạn 2025 - 2029", True),  # l read L, in capitals
    ("Về việc kiện toàn Ban Thường trực UBMTTQ và HĐND phường", False),  # abbreviations
    ("TỔ CHỨC HỘI NGHỊ tổng kết", False),  # capitals opening the value
    ("Kế hoạch tổ chức Ngày hội Đại đoàn kết", False),  # a capital opening a word only
])
def test_capitals_with_marks_among_small_words_make_the_subject_a_suggestion(
    subject: str, offered: bool,
) -> None:
    f = read_fields(header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH",
                           subject), PAGE)
    assert f.subject.value == subject
    assert f.subject.why == (CAPITALS_AMID if offered else "")


def test_a_middling_score_makes_the_subject_a_suggestion() -> None:
    ocr = header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH",
                 "Nộp lưu vào Lưu trừ cơ quan")
    assert not read_fields(ocr, PAGE).subject.suggested
    f = read_fields(_scored(ocr, "trừ", 56.0), PAGE)
    assert f.subject.suggested and f.subject.why == WEAK_SCORE


def test_a_roman_numeral_read_with_a_middling_score_is_a_suggestion() -> None:
    ocr = header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "BÁO CÁO",
                 "Tình hình thực hiện quý II năm 2016")
    assert not read_fields(ocr, PAGE).subject.suggested
    f = read_fields(_scored(ocr, "II", 46.0), PAGE)
    assert f.subject.suggested and f.subject.why == WEAK_NUMERAL  # "III" may have lost a stroke


def test_a_line_off_the_titles_centre_lost_words() -> None:
    """A seal over the end of the trích yếu's line: Tesseract drops the words under it, and
    the line that is left no longer stands centred under the title."""
    ocr = header("15/MTTQ-BTT", "Nghĩa Đô, ngày 5 tháng 1 năm 2024", "KẾ HOẠCH", "")
    full = "Tổ chức Lễ kỷ niệm Ngày thành lập"
    kept = centred(full, MIDDLE, 880, 20)[:6]  # "thành lập" under the seal
    f = read_fields(OcrResult((*ocr.words, *kept), "vie"), PAGE)
    assert f.subject.value == "Tổ chức Lễ kỷ niệm Ngày"
    assert f.subject.suggested and f.subject.why == LOST_WORDS
    whole = read_fields(OcrResult((*ocr.words, *centred(full, MIDDLE, 880, 20)), "vie"), PAGE)
    assert whole.subject.value == full and not whole.subject.suggested


def test_a_centred_line_read_as_two_ocr_lines_lost_nothing() -> None:
    """Tesseract can read one printed line as two lines (a typewriter's wide space): each part
    stands off the title's centre alone, the line they make is centred."""
    ocr = header("314-QĐ/HU", "Kiến Xương, ngày 4 tháng 2 năm 1995", "QUYẾT ĐỊNH", "")
    first = "Về việc khen thưởng các tập thể, cá nhân có"
    words = centred(first, MIDDLE, 880, 20)
    split = [*words[:8], *(Word(w.text, w.box, w.conf, (1, 1, 21)) for w in words[8:])]
    rest = centred("thành tích xuất sắc trong năm", MIDDLE, 950, 22)
    f = read_fields(OcrResult((*ocr.words, *split, *rest), "vie"), PAGE)
    assert f.subject.value == f"{first} thành tích xuất sắc trong năm"
    assert not f.subject.suggested
    cut = read_fields(OcrResult((*ocr.words, *split[:8], *rest), "vie"), PAGE)
    assert cut.subject.suggested and cut.subject.why == LOST_WORDS  # "nhân có" lost


@needs_lexicon
def test_a_misread_place_in_the_issuer_is_a_suggestion() -> None:
    ocr = page([("QUẬN ỦY NINH KTIỀU", LEFT, 230), ("ĐẢNG CỘNG SẢN VIỆT NAM", RIGHT, 230),
                ("Số 74-TTr/QU", LEFT, 400), ("ngày 12 tháng 9 năm 2010", RIGHT, 400),
                ("TỜ TRÌNH", MIDDLE, 600), ("Đề nghị phê duyệt kinh phí", MIDDLE, 680)])
    f = read_fields(ocr, PAGE)
    assert f.issuer.value == "QUẬN ỦY NINH KTIỀU"
    assert f.issuer.suggested and f.issuer.why == NOT_A_SYLLABLE
    assert f.subject.value == "Đề nghị phê duyệt kinh phí" and not f.subject.suggested


def test_an_issuer_of_one_body_over_two_lines_without_parent() -> None:
    ocr = page([("ỦY BAN NHÂN DÂN", LEFT, 230), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
                ("PHƯỜNG DƯ HÀNG", LEFT, 290), ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
                ("Số: 05/HD-UBND", LEFT, 450), ("Dư Hàng, ngày 12 tháng 04 năm 2023", RIGHT, 450),
                ("HƯỚNG DẪN", MIDDLE, 640), ("Thực hiện công tác vận động", MIDDLE, 720)])
    f = read_fields(ocr, PAGE)
    assert f.issuer.value == "ỦY BAN NHÂN DÂN PHƯỜNG DƯ HÀNG"
    assert not f.issuer.suggested


def test_an_issuers_kind_wrapped_over_lines_is_found_under_its_parent() -> None:
    ocr = page([("ỦY BAN MTTQ VIỆT", LEFT, 230), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
                ("NAM THÀNH PHỐ", LEFT, 290), ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
                ("HÀ NỘI", LEFT, 350), ("BAN THƯỜNG", LEFT, 410), ("TRỰC ỦY BAN", LEFT, 470),
                ("MTTQ VIỆT NAM", LEFT, 530), ("HUYỆN SÓC SƠN", LEFT, 590),
                ("Số: 367/KH-MTTQ-BTT", LEFT, 720), ("Sóc Sơn, 24/09/2015", RIGHT, 720),
                ("KẾ HOẠCH", MIDDLE, 900), ("Triển khai công tác chuyển đổi số", MIDDLE, 980)])
    f = read_fields(ocr, PAGE)
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM HUYỆN SÓC SƠN"
    # a parent's last word that happens to open a body ("… HẢI / PHÒNG") opens nothing
    ocr = page([("ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HẢI", LEFT, 230),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230), ("PHÒNG", LEFT, 290),
                ("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM", LEFT, 350), ("QUẬN LÊ CHÂN", LEFT, 410),
                ("Số: 36/KH-MTTQ-BTT", LEFT, 520), ("Lê Chân, 24/09/2015", RIGHT, 520),
                ("KẾ HOẠCH", MIDDLE, 700), ("Triển khai công tác chuyển đổi số", MIDDLE, 780)])
    issuer = read_fields(ocr, PAGE).issuer.value
    assert issuer == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM QUẬN LÊ CHÂN"


def test_a_vv_cut_off_from_its_line() -> None:
    """A typewriter face spaces "V/v" so far from its text that the line is cut in two."""
    ocr = header("1/MTTQ-BTT", "Hoàn Kiếm, ngày 28/10/1991", "", "")
    vv = [*line_words("V/v", 213, 600, 30),
          *line_words("báo cáo kết quả việc xây dựng", 420, 600, 31),
          *line_words("khu dân cư văn minh", 500, 660, 32)]
    f = read_fields(OcrResult((*ocr.words, *vv), "vie"), PAGE)
    assert f.subject.value == "báo cáo kết quả việc xây dựng khu dân cư văn minh"
    assert f.doc_type.value == "22"


def test_a_title_one_letter_off_is_taken_when_the_number_names_its_type() -> None:
    f = read_fields(header("08/NQ-MTTQ-BTT", "Ba Đình, ngày 05 tháng 08 năm 1999", "NGHT QUYẾT",
                           "Về công tác bảo đảm trật tự an toàn giao thông"), PAGE)
    assert f.doc_type.value == "01"
    assert f.subject.value == "Về công tác bảo đảm trật tự an toàn giao thông"
    other = read_fields(header("08/KH-MTTQ-BTT", "Ba Đình, ngày 05 tháng 08 năm 1999",
                               "NGHT QUYẾT", "Về công tác bảo đảm trật tự"), PAGE)
    assert other.subject.value == ""  # the number names another type: no title was found


def test_a_title_one_letter_off_two_types_is_taken_when_the_number_names_one() -> None:
    """A typewriter's B read as E: "THÔNG EÁO" is one letter off THÔNG BÁO and THÔNG CÁO."""
    f = read_fields(header("14/TB-MTTQ-BTT", "Điện Biên, ngày 19 tháng 9 năm 2019", "THÔNG EÁO",
                           "Lịch tiếp công dân tháng 12 năm 2021"), PAGE)
    assert f.doc_type.value == "07"
    assert f.subject.value == "Lịch tiếp công dân tháng 12 năm 2021"
    other = read_fields(header("14/KH-MTTQ-BTT", "Điện Biên, ngày 19 tháng 9 năm 2019",
                               "THÔNG EÁO", "Lịch tiếp công dân tháng 12 năm 2021"), PAGE)
    assert other.subject.value == ""


def test_a_number_line_not_parsed_takes_no_number_cited_below_nor_stamps_into_the_issuer(
) -> None:
    # the number's digits misread: a number the text cites lower down is not the document's,
    # and the issuer block, which ends at the number line, does not run on past the stamps
    ocr = page([("ỦY BAN MTTQ VIỆT NAM THÀNH", LEFT, 230),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230), ("PHỐ HẢI PHÒNG", LEFT, 290),
                ("BAN THƯỜNG TRỰC ỦY BAN MTTQ", LEFT, 350), ("VIỆT NAM QUẬN LÊ CHÂN", LEFT, 410),
                ("Số: 0§/QĐ-MTTQ-BTT", LEFT, 520), ("Lê Chân, 24/09/2015", RIGHT, 520),
                ("MẬT", LEFT, 620), ("HỎA TỐC", LEFT, 720),
                ("QUYẾT ĐỊNH", MIDDLE, 860), ("Về việc thành lập Tổ công tác", MIDDLE, 940),
                ("318/CT-TTg của Thủ tướng", LEFT, 1300)])
    f = read_fields(ocr, PAGE)
    assert f.number.value != "318/CT-TTg"
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM QUẬN LÊ CHÂN"
    assert (f.secrecy.value, f.urgency.value) == ("MẬT", "HỎA TỐC")


def test_stamps_are_no_part_of_the_issuer_when_neither_number_nor_date_line_is_read() -> None:
    # the issuer block then ends a fifth of the page down, under the stamps
    ocr = page([("ỦY BAN MTTQ VIỆT NAM THÀNH", LEFT, 230),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230), ("PHỐ HẢI PHÒNG", LEFT, 290),
                ("BAN THƯỜNG TRỰC ỦY BAN MTTQ", LEFT, 350), ("VIỆT NAM QUẬN LÊ CHÂN", LEFT, 410),
                ("MẬT", LEFT, 500), ("HỎA TỐC", LEFT, 580),
                ("QUYẾT ĐỊNH", MIDDLE, 860), ("Về việc thành lập Tổ công tác", MIDDLE, 940)])
    f = read_fields(ocr, PAGE)
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM QUẬN LÊ CHÂN"


def test_a_speck_read_as_a_full_stop_after_a_word_of_the_issuer_loses_no_word() -> None:
    ocr = page([("ỦY BAN MTTQ VIỆT NAM TỈNH", LEFT, 230),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230), ("NGHỆ AN", LEFT, 290),
                ("BAN THƯỜNG TRỰC ỦY BAN.", LEFT, 350), ("MTTQ VIỆT NAM THÀNH PHỐ", LEFT, 410),
                ("VINH", LEFT, 470), ("Số: 12/KH-MTTQ-BTT", LEFT, 560),
                ("Vinh, ngày 12 tháng 9 năm 2021", RIGHT, 560),
                ("KẾ HOẠCH", MIDDLE, 760), ("Triển khai công tác chuyển đổi số", MIDDLE, 840)])
    issuer = read_fields(ocr, PAGE).issuer
    assert issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ VINH"
