"""Fields from hand-laid OCR words: numbering styles, dates, types, stamps, nothing invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.extract.doctypes import DocType, TypeTable
from app.extract.layout import Layout
from app.extract.model import NO_YEAR, NUMBER_RUNS_ON, PLACE_DIFFERS
from app.extract.read import read_fields
from app.extract.text import as_capitals
from app.ocr.base import OcrResult, Word
from tests.extract.conftest import LEFT, MIDDLE, PAGE, RIGHT, header, line_words, page


def test_state_document_fields() -> None:
    ocr = header("2242/KH-MTTQ-BTT", "Nghĩa Đô, ngày 05 tháng 01 năm 2020", "KẾ HOẠCH",
                 "Triển khai công tác chuyển đổi số năm 2020", ("MẬT", "HỎA TỐC"))
    f = read_fields(ocr, PAGE, pages=3)
    assert f.number.value == "2242/KH-MTTQ-BTT"
    assert f.issued.value == "05/01/2020"
    assert f.doc_type.value == "10"
    assert f.subject.value == "Triển khai công tác chuyển đổi số năm 2020"
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG NGHĨA ĐÔ"
    assert (f.secrecy.value, f.urgency.value) == ("MẬT", "HỎA TỐC")
    assert f.page_count.value == "3"
    assert f.number.box is not None and f.number.box[1] == 500
    assert 0.8 < f.number.confidence <= 1.0
    data = f.to_json()
    assert data["code_number"]["value"] == "2242"
    assert data["code_notation"]["value"] == "KH-MTTQ-BTT"
    assert data["doc_type"]["name"] == "Kế hoạch"


def test_party_number() -> None:
    ocr = header("40-HD/VPTW", "Hà Nội, ngày 9 tháng 3 năm 2018", "HƯỚNG DẪN",
                 "Thực hiện số hóa tài liệu")
    f = read_fields(ocr, PAGE)
    assert f.number.value == "40-HD/VPTW"
    assert f.to_json()["code_notation"]["value"] == "HD/VPTW"
    assert f.issued.value == "09/03/2018"
    assert f.doc_type.value == "08"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Cầu Giấy, ngày 05 tháng 01 năm 2020", "05/01/2020"),
        ("Cầu Giấy, ngay 5 thang 1 nam 2020", "05/01/2020"),
        ("Cầu Giấy, ngảy 15 thảng l2 năm 2019", "15/12/2019"),
        ("Hà Nội, 28/02/2021", "28/02/2021"),
        ("Hà Nội, ngày 30 tháng 02 năm 2021", ""),  # no such day: left empty
        ("Huế, ngày 11 tháng Ø6 năm 2ØØ0", "11/06/2000"),  # a slashed zero
        ("Huế, ngày 2 tháng ó năm 199ó", "02/06/1996"),  # a 6 read as ó (not as o: 0)
        ("Huế, ngày 1ó tháng 7 năm 2001", "16/07/2001"),
    ],
)
def test_date_forms(line: str, expected: str) -> None:
    f = read_fields(header("15/MTTQ-BTT", line, "THÔNG BÁO", "Lịch tiếp công dân"), PAGE)
    assert f.issued.value == expected


def test_cong_van_subject_and_type() -> None:
    ocr = page([
        ("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", LEFT, 230),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
        ("VĂN PHÒNG HĐND VÀ UBND", LEFT, 290),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
        ("Số: 15/VP", LEFT, 450),
        ("Ba Đình, ngày 12 tháng 7 năm 2022", RIGHT, 450),
        ("V/v góp ý dự thảo Kế hoạch", LEFT, 510),
        ("công tác văn thư, lưu trữ", LEFT, 570),
        ("Kính gửi: Các ban chuyên môn", 1330, 800),
    ])
    f = read_fields(ocr, PAGE)
    assert f.doc_type.value == "22"
    assert f.subject.value == "góp ý dự thảo Kế hoạch công tác văn thư, lưu trữ"
    assert f.issuer.value == "VĂN PHÒNG HĐND VÀ UBND"
    assert f.number.value == "15/VP"


def test_title_and_abbreviation_disagree_lowers_confidence() -> None:
    agree = read_fields(header("12/BC-UBND", "ngày 1 tháng 2 năm 2020", "BÁO CÁO", "Kết quả"),
                        PAGE)
    clash = read_fields(header("12/KH-UBND", "ngày 1 tháng 2 năm 2020", "BÁO CÁO", "Kết quả"),
                        PAGE)
    assert agree.doc_type.value == clash.doc_type.value == "14"
    assert clash.doc_type.confidence < agree.doc_type.confidence


def test_ocr_confusions_in_number() -> None:
    f = read_fields(header("2O5/QĐ-UBND", "ngày 1 tháng 2 năm 2020", "QUYẾT ĐỊNH", "Về việc"),
                    PAGE)
    assert f.number.value == "205/QĐ-UBND"
    assert f.number.confidence < 0.9


@pytest.mark.parametrize(
    "ocr",
    [
        OcrResult((), ""),
        page([("The quick brown fox jumps over the lazy dog", 1200, 300),
              ("Invoice No. 12/2020 dated 05/01/2020", 1200, 400)]),
        page([("| 12 | 45 | 78/3 |", 1200, 300), ("| 1/AB | x | 2020 |", 1200, 400)]),
    ],
)
def test_nothing_is_invented(ocr: OcrResult) -> None:
    f = read_fields(ocr, PAGE)
    for name in ("number", "issued", "doc_type", "subject", "issuer", "secrecy", "urgency"):
        value = getattr(f, name)
        assert value.empty and value.confidence == 0.0 and value.box is None


def test_type_codes_come_from_the_metadata_profile() -> None:
    ocr = header("7/QC-MTTQ", "ngày 1 tháng 2 năm 2020", "QUY CHẾ", "Làm việc của Ban Thường trực")
    tt05 = read_fields(ocr, PAGE)
    assert tt05.doc_type.value == "04"  # TT 05/2025's list, as configured in the profile
    assert tt05.to_json()["doc_type"]["name"] == "Quy chế"
    tt02 = read_fields(ocr, PAGE, profile_id="tt02-2019")  # free-text typeName: the name
    assert tt02.doc_type.value == "Quy chế"


def test_a_profile_without_a_type_leaves_it_empty() -> None:
    types = TypeTable.of((("10", "Kế hoạch"), ("32", "Khác")))
    assert types.by_title("KẾ HOẠCH") == DocType("10", "Kế hoạch", ("KH",))
    assert types.by_title("QUY CHẾ") is None and types.by_abbreviation("QC") is None
    assert types.by_title("KHÁC") is None  # the catch-all is never read off a page


def _party(number_line: str, date_line: str = "Ba Đình, ngày 5/1/1998") -> OcrResult:
    return page([("ĐẢNG BỘ QUẬN BA ĐÌNH", LEFT, 230), ("ĐẢNG CỘNG SẢN VIỆT NAM", RIGHT, 230),
                 ("QUẬN ỦY BA ĐÌNH", LEFT, 290), (number_line, LEFT, 450),
                 (date_line, RIGHT, 450), ("KẾ HOẠCH", MIDDLE, 700),
                 ("Triển khai công tác", MIDDLE, 780), ("chuyển đổi số năm 1998", MIDDLE, 840)])


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Số 12-KH/QU", "12-KH/QU"), ("Số: 45-BC/ĐU", "45-BC/ĐU"), ("Số:05/KH-MTTQ-BTT",
     "05/KH-MTTQ-BTT"), ("Số: 08/KH-MTTQ–BTT", "08/KH-MTTQ-BTT"), ("Số: 30/2020/NĐ-CP",
     "30/2020/NĐ-CP")],
)
def test_numbers_are_kept_as_printed(line: str, expected: str) -> None:
    f = read_fields(_party(line), PAGE)
    assert f.number.value == expected and not f.number.suggested
    assert f.issued.value == "05/01/1998"
    assert f.issuer.value == "QUẬN ỦY BA ĐÌNH"
    assert f.subject.value == "Triển khai công tác chuyển đổi số năm 1998"


def test_an_unreadable_number_leaves_the_other_fields() -> None:
    f = read_fields(_party("Sô; ?KH MTTQ", "Ba Đình, 05/01/1998"), PAGE)
    assert f.number.empty
    assert f.issued.value == "05/01/1998"
    assert f.issuer.value == "QUẬN ỦY BA ĐÌNH"
    assert f.doc_type.value == "10" and f.subject.value.startswith("Triển khai")


def test_a_speck_before_the_digits_gives_no_number() -> None:
    """"Số: @5/…" may hide a digit in the speck ("05"): no number rather than "5/…"."""
    assert read_fields(_party("Số: @5/MTTQ-BTT"), PAGE).number.empty
    assert read_fields(_party("Số: Ø5/MTTQ-BTT"), PAGE).number.value == "05/MTTQ-BTT"


@pytest.mark.parametrize(("line", "read"), [
    ("Số: 389/MTTQ—-BTT", "389/MTTQ"),  # two dashes read for one
    ("Số 555/B£-MTTQ-BTT", "555/B"),  # a C read as £
    ("Số: 12-KH/Q@U", "12-KH/Q"),  # Party style, a speck inside the notation
])
def test_a_number_whose_word_runs_on_past_its_notation_is_a_suggestion(line: str, read: str
                                                                       ) -> None:
    """What was read of the notation may be cut short: the clerk completes it."""
    f = read_fields(_party(line), PAGE)
    assert f.number.value == read and f.number.why == NUMBER_RUNS_ON
    assert f.issued.value == "05/01/1998" and f.issuer.value == "QUẬN ỦY BA ĐÌNH"


def test_a_number_followed_by_punctuation_is_filled() -> None:
    """A full stop, comma, colon or bracket closing the number's word is no part of it."""
    for line in ("Số: 389/MTTQ-BTT.", "Số: 12-KH/QU,", "Số: 05/KH-UBND;", "Số: 05/KH-UBND)"):
        f = read_fields(_party(line), PAGE)
        assert f.number.value.endswith(("BTT", "QU", "UBND")) and not f.number.suggested, line


def test_a_lost_slash_is_only_a_suggestion() -> None:
    f = read_fields(_party("Số: 7KH-MTTQ"), PAGE)
    assert f.number.value == "7/KH-MTTQ" and f.number.suggested
    assert f.to_json()["number"]["why"] == "the number's slash was not read"
    assert f.issued.value == "05/01/1998" and not f.issued.suggested


def test_unsure_words_make_a_suggestion() -> None:
    ocr = _party("Số 12-KH/QU", "Hà Nội, ngày 5/1/1998")  # a place the issuer does not name
    words = tuple(Word(w.text, w.box, 20.0 if w.text == "BA" else w.conf, w.line,
                       guessed=w.text == "công") for w in ocr.words)
    f = read_fields(OcrResult(words, "vie"), PAGE)
    assert f.issuer.suggested and f.issuer.why == "low OCR confidence"
    assert f.subject.suggested and "lexicon" in f.subject.why
    assert not f.number.suggested and f.number.value == "12-KH/QU"


def test_an_issuer_printed_without_its_parent() -> None:
    ocr = page([("BAN THƯỜNG TRỰC ỦY BAN MTTQ", LEFT, 230),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
                ("VIỆT NAM PHƯỜNG ĐỘI CẤN", LEFT, 290), ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
                ("Số: 170/BC-MTTQ-BTT", LEFT, 450),
                ("Đội Cấn, ngày 11 tháng 6 năm 2001", RIGHT, 450),
                ("BÁO CÁO", MIDDLE, 700), ("Sơ kết công tác", MIDDLE, 780)])
    f = read_fields(ocr, PAGE)
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG ĐỘI CẤN"
    assert f.issued.value == "11/06/2001"


def test_a_date_years_ahead_is_no_date() -> None:
    f = read_fields(header("15/MTTQ-BTT", "Cầu Giấy, ngày 11 tháng 06 năm 2060", "THÔNG BÁO",
                           "Lịch tiếp công dân"), PAGE)
    assert f.issued.empty and f.number.value == "15/MTTQ-BTT"


def test_a_number_with_a_rival_digit_or_a_name_with_rival_marks_is_a_suggestion() -> None:
    ocr = header("63/KH-TCKH", "Cầu Giấy, ngày 05 tháng 01 năm 2020", "KẾ HOẠCH",
                 "Triển khai công tác chuyển đổi số năm 2020")
    words = tuple(Word(w.text, w.box, w.conf, w.line, rival=w.text in ("63/KH-TCKH", "ĐÔ"))
                  for w in ocr.words)
    f = read_fields(OcrResult(words, "vie"), PAGE)
    assert f.number.value == "63/KH-TCKH" and f.number.suggested and "digits" in f.number.why
    assert f.issuer.suggested and "marks" in f.issuer.why
    assert not f.issued.suggested and not f.subject.suggested


def test_header_columns_bridged_by_debris_are_cut_at_the_national_name() -> None:
    words = line_words("ỦY BAN MTTQ QUẬN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 240, 230, 1)
    words += line_words("Số: 44/BB-MTTQ-BTT", 400, 500, 2)
    layout = Layout.of(OcrResult(tuple(words), "vie"), PAGE)
    assert [s.text for s in layout.segments[:2]] == [
        "ỦY BAN MTTQ QUẬN _", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert layout.column_split > 600 and [s.text for s in layout.left(0, 600)][-1].startswith(
        "Số")
    body = line_words("theo nước Cộng hòa xã hội chủ nghĩa", 240, 900, 3)
    assert len(Layout.of(OcrResult(tuple(body), "vie"), PAGE).segments) == 1


def _issuer(lines: tuple[str, str], place: str, number: str = "Số: 12/KH-MTTQ-BTT",
            unsure: str = "") -> OcrResult:
    ocr = page([(lines[0], LEFT, 230), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
                (lines[1], LEFT, 290), ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
                (number, LEFT, 450), (f"{place}, ngày 11 tháng 6 năm 2001", RIGHT, 450),
                ("KẾ HOẠCH", MIDDLE, 700), ("Sơ kết công tác", MIDDLE, 780)])
    return OcrResult(tuple(Word(w.text, w.box, 10.0, w.line, guessed=True) if w.text == unsure
                           else w for w in ocr.words), "vie")


def test_the_issuers_kind_is_spelled_as_printed_and_its_place_checked_by_the_date_line() -> None:
    lines = ("BAN THƯỜNG TRỤC ỦY BAN MTTQ", "VIỆT NAM QUẬN HOÀN KIẾM")
    f = read_fields(_issuer(lines, "Hoàn Kiếm", unsure="MTTQ"), PAGE)
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM QUẬN HOÀN KIẾM"
    assert not f.issuer.suggested
    capitals = ("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM QUẬN HOÀN KIỂM")  # marks misread
    dated = read_fields(_issuer(capitals, "Hoàn Kiếm"), PAGE)  # the date line read sure
    assert dated.issuer.value.endswith("QUẬN HOÀN KIẾM") and not dated.issuer.suggested
    unsure = read_fields(_issuer(capitals, "Hoàn Kiếm", unsure="Kiếm,"), PAGE)
    assert unsure.issuer.value.endswith("HOÀN KIỂM") and unsure.issuer.suggested
    assert "date line" in unsure.issuer.why
    misread = read_fields(
        _issuer(("ĐẢNG BỘ QUẬN HẢI CHÂU", "ĐẢNG ỦY PHƯỜNG PHÚ HỘT"), "Phú Hội"), PAGE
    )
    assert misread.issuer.value == "ĐẢNG ỦY PHƯỜNG PHÚ HỘI"
    elsewhere = read_fields(_issuer(capitals, "Hà Nội"), PAGE)  # no place to check against
    assert elsewhere.issuer.value.endswith("HOÀN KIỂM") and not elsewhere.issuer.suggested


def test_a_date_line_place_with_a_tone_dropped_beside_its_circumflex_mends_nothing() -> None:
    """"Công Vị" read sure in the date line, "CỐNG VỊ" in the issuer: the model drops a tone
    set beside a circumflex ("Cống") as readily as capitals gain one ("LẦM" for "LÂM"), so
    the issuer is offered as read; a date line that bears a tone there still mends it."""
    lines = ("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM PHƯỜNG CỐNG VỊ")
    f = read_fields(_issuer(lines, "Công Vị"), PAGE)
    assert f.issuer.value.endswith("PHƯỜNG CỐNG VỊ") and f.issuer.why == PLACE_DIFFERS
    mended = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM PHƯỜNG CỔNG VỊ"),
                                 "Cống Vị"), PAGE)
    assert mended.issuer.value.endswith("PHƯỜNG CỐNG VỊ") and not mended.issuer.suggested
    lost = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM QUẬN HOÀN KTẾM"),
                               "Hoàn Kiêm"), PAGE)  # no syllable, yet the date line no better
    assert lost.issuer.value.endswith("HOÀN KTẾM") and lost.issuer.why == PLACE_DIFFERS


def test_the_issuer_ends_above_the_title_when_neither_number_nor_date_was_read() -> None:
    """A faint page whose number and date lines were lost: the issuer's block is bounded by
    the title (here set left of the column split, as a narrow typewriter title stands), not
    by a guess a fifth of the page down that lies under it."""
    ocr = page([("BAN THƯỜNG TRỰC ỦY BAN MTTQ", LEFT, 230),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
                ("VIỆT NAM XÃ MINH TRÍ", LEFT, 290), ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
                ("QUYẾT ĐỊNH", 1150, 560), ("Về việc thành lập tổ công tác", 1150, 640)])
    f = read_fields(ocr, PAGE)
    assert f.doc_type.value == "02" and f.number.empty and f.issued.empty
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ MINH TRÍ"


def test_a_date_cited_in_body_text_is_no_date_line_where_the_date_was_lost() -> None:
    """A faint page whose date line was not read: a line of body text that runs into the
    right column and cites a date ("… số 2724-HD/MTTW-BTT ngày 06/11/2000 của …") is no
    stand-in for it; a date segment of the right column still is."""
    lines = [("ỦY BAN MTTQ VIỆT NAM HUYỆN GIA LÂM", LEFT, 230),
             ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
             ("BAN THƯỜNG TRỰC", LEFT, 290), ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
             ("Số: 304/MTTQ-BTT", LEFT, 450),
             ("Thực hiện Hướng dẫn số 2724-HD/MTTW-BTT ngày 06/11/2000 của Ban Thường trực",
              1400, 900)]
    assert read_fields(page(lines), PAGE).issued.empty
    dated = read_fields(page([*lines, ("Phú Thị, ngày 02/02/2000", RIGHT, 450)]), PAGE)
    assert dated.issued.value == "02/02/2000"


def test_an_issuer_whose_place_ends_short_of_the_date_lines_is_a_suggestion() -> None:
    """"ĐẢNG ỦY PHƯỜNG TÂY" under "Tây Lộc, ngày …": the place's last word was lost."""
    short = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM PHƯỜNG TÂY"),
                                "Tây Lộc"), PAGE)
    assert short.issuer.value.endswith("PHƯỜNG TÂY") and short.issuer.why == PLACE_DIFFERS
    whole = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM PHƯỜNG TÂY LỘC"),
                                "Tây Lộc"), PAGE)
    assert whole.issuer.value.endswith("PHƯỜNG TÂY LỘC") and not whole.issuer.suggested
    other = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM PHƯỜNG TÂY LỘC"),
                                "Huế"), PAGE)  # another place before the date: nothing checked
    assert not other.issuer.suggested


def test_an_issuer_that_lost_a_word_of_its_kind_is_a_suggestion() -> None:
    f = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY MTTQ", "VIỆT NAM THÀNH PHỐ BẮC NINH"),
                            "Bắc Ninh"), PAGE)
    assert f.issuer.suggested and "kind" in f.issuer.why
    body = read_fields(_issuer(("HỘI CỰU CHIẾN BINH", "PHƯỜNG ĐỘI CẤN"), "Đội Cấn"), PAGE)
    assert body.issuer.value == "HỘI CỰU CHIẾN BINH PHƯỜNG ĐỘI CẤN" and not body.issuer.suggested


def test_an_issuers_line_boxed_tall_up_into_the_line_above_is_not_joined_to_it() -> None:
    """League Mono capitals: every word of the issuer's second line boxed from the first
    line's letters down (92 px for letters of 42), its middle within half that height of the
    first line's: the two lines stand one over the other, not side by side."""
    ocr = _issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM THÀNH PHỐ HUẾ"), "Huế")
    tall = tuple(replace(w, box=(w.box[0], 240, w.box[2], w.box[3]))
                 if w.box[1] == 290 and w.box[0] < MIDDLE else w for w in ocr.words)
    assert sum(w.box[1] == 240 for w in tall) == 5
    f = read_fields(OcrResult(tall, "vie"), PAGE)
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HUẾ"
    assert not f.issuer.suggested


def _run_together(date: str, scale: float, x: int) -> OcrResult:
    """A page whose number line runs into its date line (one Tesseract line from `x`, its
    x spread by `scale`: a wide face), under an issuer whose place lost a mark ("KIÊN")."""
    words = list(page([("BAN THƯỜNG TRỰC ỦY BAN MTTQ", LEFT, 230),
                       ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
                       ("VIỆT NAM HUYỆN KIÊN XƯƠNG", LEFT, 290),
                       ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290)]).words)
    num = line_words("Số: 1417/KH-MTTQ-BTT", x, 450, 4)
    run = num + line_words(date, num[-1].box[2] + 25, 450, 4)
    words += [replace(w, box=(x + round((w.box[0] - x) * scale), w.box[1],
                              x + round((w.box[2] - x) * scale), w.box[3])) for w in run]
    words += line_words("KẾ HOẠCH", 1230, 700, 5) + line_words("Sơ kết công tác", 1150, 780, 6)
    return OcrResult(tuple(words), "vie")


@pytest.mark.parametrize(("scale", "x"), [(1.0, 560), (1.15, 700)])
def test_an_issuers_place_is_checked_against_a_date_line_the_number_line_runs_into(
        scale: float, x: int) -> None:
    """"Số: 1417/KH-MTTQ-BTT Kiến Xương, ngày …" read as one line: the place is the words
    before the comma, back to the number; the line wider than header text (1.15) is still
    the date's, its date read."""
    f = read_fields(_run_together("Kiến Xương, ngày 25 tháng 12 năm 2005", scale, x), PAGE)
    assert f.issued.value == "25/12/2005"
    assert f.issuer.value == "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM HUYỆN KIẾN XƯƠNG"
    misread = read_fields(_run_together("Kiên Xương, ngày 25 tháng 43 năm 2005", 1.15, 700),
                          PAGE)  # no date read: its place is not taken either
    assert misread.issued.value == ""
    assert misread.issuer.value.endswith("HUYỆN KIÊN XƯƠNG")


def test_a_fraction_slash_reads_as_a_slash() -> None:
    f = read_fields(_party("Số: 08⁄BC-UBND", "Ba Đình, ngày 5⁄1⁄1998"), PAGE)
    assert f.number.value == "08/BC-UBND" and f.issued.value == "05/01/1998"


def test_type_letters_one_off_the_titles_make_the_number_a_suggestion() -> None:
    ocr = header("932-TE/QU", "Cầu Giấy, ngày 05 tháng 01 năm 2020", "THÔNG BÁO", "Lịch tiếp")
    f = read_fields(ocr, PAGE)
    assert f.number.value == "932-TE/QU" and f.number.suggested and "title" in f.number.why
    assert f.doc_type.value and not f.doc_type.suggested
    other = read_fields(header("932-KH/QU", "ngày 05 tháng 01 năm 2020", "THÔNG BÁO", "Lịch"),
                        PAGE)
    assert not other.number.suggested  # another type entirely: the number as printed


@pytest.mark.parametrize(
    ("subject", "suggested"),
    [("Tình hình thực hiện quý TT năm 2023", True), ("Tình hình thực hiện quý II năm 2023", False),
     ("Tình hình thực hiện quý IV năm 2023", False), ("Đại hội lần thứ 11 năm 2023", False)],
)
def test_a_word_of_thin_strokes_that_is_no_numeral_makes_the_subject_a_suggestion(
    subject: str, suggested: bool,
) -> None:
    f = read_fields(header("15/MTTQ-BTT", "ngày 5 tháng 1 năm 2024", "BÁO CÁO", subject), PAGE)
    assert f.subject.value == subject and f.subject.suggested is suggested


def test_a_cong_van_whose_number_was_not_read_is_typed_from_its_vv_line() -> None:
    """No title and no number read: the "V/v" line alone makes it a công văn (less sure); an
    unreadable "V/v" gives no type."""
    lines = [
        ("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", LEFT, 230),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
        ("VĂN PHÒNG HĐND VÀ UBND", LEFT, 290),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
        ("Sô; ?VP", LEFT, 450),
        ("Ba Đình, ngày 12 tháng 7 năm 2022", RIGHT, 450),
        ("V/v góp ý dự thảo Kế hoạch", LEFT, 510),
        ("Kính gửi: Các ban chuyên môn", 1330, 800),
    ]
    f = read_fields(page(lines), PAGE)
    assert f.number.empty and f.doc_type.value == "22" and not f.doc_type.suggested
    assert f.doc_type.confidence < read_fields(page([*lines[:4], ("Số: 15/VP", LEFT, 450),
                                                     *lines[5:]]), PAGE).doc_type.confidence
    lines[6] = ("Vô góp ý dự thảo Kế hoạch", LEFT, 510)
    assert read_fields(page(lines), PAGE).doc_type.empty


def test_neither_number_nor_date_read_a_title_set_high_is_found() -> None:
    """The number and date lines lost (a faint typewriter): the title is looked for under the
    national name, not a fifth of the page down; a body line citing a dated document that runs
    into the right column is no date line."""
    ocr = page([
        ("ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG", LEFT, 230),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
        ("ỦY BAN NHÂN DÂN XÃ VŨ QUÝ", LEFT, 290),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
        ("BÁO CÁO", MIDDLE, 560),
        ("Sơ kết 6 tháng đầu năm 2022", MIDDLE, 630),
        ("Thực hiện Nghị quyết số 18-NQ/TU ngày 15/02/2000 của Ban Thường vụ Thành ủy về "
         "việc xây dựng", 1330, 820),
    ])
    f = read_fields(ocr, PAGE)
    assert f.number.empty and f.issued.empty
    assert f.doc_type.value == "14" and f.subject.value == "Sơ kết 6 tháng đầu năm 2022"


def test_a_trich_yeu_is_followed_at_its_own_line_step() -> None:
    """The title's box sits low against its first line (stacked marks, a Q's tail): the step
    from it is short, and the third line, a mark lower than the second, stood further from it
    than 1.35 × that step; the block's own step (first line to second) carries it on, and the
    body text below still ends it."""
    lines = [
        ("ỦY BAN MTTQ VIỆT NAM QUẬN CẦU GIẤY", LEFT, 230),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT, 230),
        ("BAN THƯỜNG TRỰC", LEFT, 290),
        ("Độc lập - Tự do - Hạnh phúc", RIGHT, 290),
        ("Số: 09-QĐ/ĐU", LEFT, 500),
        ("Ô Chợ Dừa, ngày 14 tháng 6 năm 2022", RIGHT, 500),
        ("QUYẾT ĐỊNH", MIDDLE, 800),
        ("Về việc khen thưởng các tập thể,", MIDDLE, 860),
        ("cá nhân có thành tích xuất sắc", MIDDLE, 930),
        ("trong công tác chỉnh lý tài liệu", MIDDLE, 1012),
        ("tồn đọng", MIDDLE, 1084),
        ("Căn cứ Kế hoạch số 1505/KH-MTTQ-BTT ngày 28/08/2022 của Ban Thường trực", 1330,
         1230),
    ]
    f = read_fields(page(lines), PAGE)
    assert f.subject.value == ("Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc "
                               "trong công tác chỉnh lý tài liệu tồn đọng")


def test_digits_among_capitals_read_as_the_capitals_they_stand_for() -> None:
    # a monospace face's O, G read as 0, 6: the title still names its type (and the trích yếu
    # under it is found), the issuer keeps its place's words
    f = read_fields(header("15/TB-MTTQ-BTT", "Cầu Giấy, ngày 05 tháng 01 năm 2020", "THÔNG BÁ0",
                           "Lịch tiếp công dân"), PAGE)
    assert (f.doc_type.value, f.subject.value) == ("07", "Lịch tiếp công dân")
    near = read_fields(header("15/NQ-MTTQ-BTT", "Cầu Giấy, ngày 05 tháng 01 năm 2020",
                              "N6HT QUYẾT", "Về nhiệm vụ trọng tâm"), PAGE)
    assert near.doc_type.value == "01" and near.subject.value == "Về nhiệm vụ trọng tâm"
    dated = read_fields(_issuer(("ĐẢNG BỘ QUẬN HOÀN KIẾM", "ĐẢNG ỦY PHƯỜN6 H0A LƯ"), "Hoa Lư"),
                        PAGE)
    assert dated.issuer.value == "ĐẢNG ỦY PHƯỜNG HOA LƯ" and not dated.issuer.suggested
    guessed = read_fields(_issuer(("ĐẢNG BỘ QUẬN HOÀN KIẾM", "ĐẢNG ỦY PHƯỜNG H0A LƯ"), "Hà Nội"),
                          PAGE)  # no place in the date line to check it: a suggestion
    assert guessed.issuer.value == "ĐẢNG ỦY PHƯỜNG HOA LƯ" and guessed.issuer.suggested


@pytest.mark.parametrize(("word", "read"), [
    ("BÁ0", "BÁO"), ("N6ỌC", "NGỌC"), ("PHƯỜN6", "PHƯỜNG"), ("V1ỆT", "VIỆT"), ("8ẮC", "BẮC"),
    ("10", "10"), ("2016", "2016"), ("201ó", "201ó"),  # numbers, a number with a small letter
    ("05/6M", "05/6M"), ("Số:05", "Số:05"), ("B4N", "B4N"),  # no word; 4 stands for no capital
])
def test_a_word_of_capitals_reads_its_digits_as_capitals(word: str, read: str) -> None:
    assert as_capitals(word) == read


@pytest.mark.parametrize(("line", "expected"), [
    ("144/6M-MTTQ-BTT", "144/GM-MTTQ-BTT"), ("05/6M-MTTq-BTT", "05/GM-MTTQ-BTT"),
    ("293-6M/qU", "293-GM/QU"), ("06/TTr-MTTQ-BTT", "06/TTr-MTTQ-BTT"),  # TTr: a small r
    ("12/QyĐ-UBND", "12/QyĐ-UBND"), ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
])
def test_a_notations_digits_and_small_q_among_capitals_read_as_capitals(
        line: str, expected: str) -> None:
    f = read_fields(header(line, "Cầu Giấy, ngày 05 tháng 01 năm 2020", "GIẤY MỜI",
                           "Dự Hội nghị"), PAGE)
    assert f.number.value == expected and not f.number.suggested
    assert (f.number.confidence < 0.8) == (line != expected)


def test_a_year_with_a_letter_among_its_digits_reads_as_digits() -> None:
    # a monospace 6's curled top read as an acute over an o: "201ó", "ó tháng"
    f = read_fields(header("15/KH-MTTQ-BTT", "Cầu Giấy, ngày 05 tháng 01 năm 2020", "KẾ HOẠCH",
                           "Sơ kết ó tháng đầu năm 201ó, quý 2O"), PAGE)
    assert f.subject.value == "Sơ kết 6 tháng đầu năm 2016, quý 2O"
    assert [w.text for w in f.subject.words][-4:] == ["năm", "2016,", "quý", "2O"]


def test_an_issuers_place_that_is_no_syllable_takes_the_date_lines_syllable() -> None:
    # the date line read unsure, but its "Kiều" is a syllable where the capitals' "KTỀU" is none
    def dated(lines: tuple[str, str]) -> OcrResult:
        ocr = _issuer(lines, "Ninh Kiều")
        return OcrResult(tuple(replace(w, conf=60.0) if w.text == "Kiều," else w
                               for w in ocr.words), "vie")

    f = read_fields(dated(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM QUẬN NINH KTỀU")), PAGE)
    assert f.issuer.value.endswith("QUẬN NINH KIỀU") and not f.issuer.suggested
    both = read_fields(dated(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM QUẬN NINH KIỂU")), PAGE)
    assert both.issuer.value.endswith("NINH KIỂU") and both.issuer.suggested  # both syllables
    guessed = read_fields(_issuer(("BAN THƯỜNG TRỰC ỦY BAN MTTQ", "VIỆT NAM QUẬN NINH KTỀU"),
                                  "Ninh Kiều", unsure="Kiều,"), PAGE)  # its marks guessed
    assert guessed.issuer.value.endswith("NINH KTỀU") and guessed.issuer.suggested


def test_small_letters_read_as_capitals_inside_a_word_are_small() -> None:
    f = read_fields(header("15/KH-MTTQ-BTT", "Cầu Giấy, ngày 05 tháng 01 năm 2020", "KẾ HOẠCH",
                           "Xây dựng khU dân cư văn minh, văn thư lưu trỮ và TTr UBND"), PAGE)
    assert f.subject.value == "Xây dựng khu dân cư văn minh, văn thư lưu trữ và TTr UBND"


@pytest.mark.parametrize(("subject", "why"), [
    ("Kết quả công tác năm 2822", NO_YEAR), ("Phong trào thi đua năm 20817", NO_YEAR),
    ("Kết quả công tác năm 2017", ""), ("Kế hoạch năm 2020-2021", ""),
])
def test_a_year_after_nam_that_is_no_year_makes_the_subject_a_suggestion(
        subject: str, why: str) -> None:
    f = read_fields(header("15/KH-MTTQ-BTT", "Cầu Giấy, ngày 05 tháng 01 năm 2020", "KẾ HOẠCH",
                           subject), PAGE)
    assert f.subject.value == subject and f.subject.why == why
    assert f.subject.suggested == bool(why)
