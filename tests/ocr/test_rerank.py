"""Diacritic re-ranking: the hOCR alternatives, the lexicon keys, and the choices made."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.errors import DependencyError
from app.ocr import lexicon
from app.ocr.hocr import ChoiceWord, read_hocr
from app.ocr.rerank import rerank_words
from app.ocr.tesseract import TesseractEngine
from app.synth.variants import font_path

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"


def _word(text: str, x: int, alternatives: dict[int, list[tuple[str, float]]] | None = None,
          conf: float = 90.0, line: int = 1) -> ChoiceWord:
    """A word whose letter `i` was weighed against `alternatives[i]` (best first)."""
    alts = alternatives or {}
    choices = tuple(((ch, 93.0), *alts.get(i, [])) for i, ch in enumerate(text))
    return ChoiceWord(text, (x, 100, x + 40 * len(text), 150), conf, (1, 1, line), choices)


def _texts(words: list[ChoiceWord]) -> list[str]:
    return [w.text for w in rerank_words(words)]


@pytest.mark.parametrize(
    ("word", "key"),
    [("hoà", "hòa"), ("HOÀ", "hòa"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"),
     ("quý", "quý"), ("hoàn", "hoàn"), ("Hoàng", "hoàng"), ("quỳnh", "quỳnh")],
)
def test_tone_marks_are_keyed_one_way(word: str, key: str) -> None:
    assert lexicon.tone_key(word) == key


def test_lexicon_reads_hunspell_and_the_compounds() -> None:
    lex = lexicon.load()
    assert lex is not None
    assert lex.valid("dân") and lex.valid("hòa") and not lex.valid("dânǵ")
    assert lex.pair("nhân", "dân") and lex.pair("ủy", "ban") and not lex.pair("nhân", "dần")


def test_a_non_syllable_takes_the_weighted_alternative() -> None:
    words = [_word("nhân", 0), _word("dần", 200, {1: [("â", 40.0), ("ẫ", 0.0)]})]
    out = rerank_words(words)
    assert [w.text for w in out] == ["nhân", "dân"]
    assert not out[1].guessed and out[1].conf == 90.0 and out[1].box == words[1].box


def test_a_valid_word_changes_only_for_a_compound_the_model_weighed() -> None:
    weighed = [_word("THƯỜNG", 0), _word("TRỤC", 260, {2: [("Ự", 30.0)]})]
    assert _texts(weighed) == ["THƯỜNG", "TRỰC"]
    unweighed = [_word("dân", 0), _word("quận", 140, {2: [("â", 0.0)]})]
    assert _texts(unweighed) == ["dân", "quận"]  # "dân quân" is a compound, the model said ậ


def test_a_missed_mark_is_restored_as_a_guess() -> None:
    out = rerank_words([_word("CHU", 0, {2: [("Ủ", 0.0)]}), _word("TỊCH", 140)])
    assert [w.text for w in out] == ["CHỦ", "TỊCH"] and out[0].guessed


def test_no_context_across_punctuation_columns_or_into_names() -> None:
    assert _texts([_word("đạo,", 0, {1: [("à", 0.0)]}), _word("tạo", 180)]) == ["đạo,", "tạo"]
    far = [_word("THƯỜNG", 0), _word("TRỤC", 900, {2: [("Ự", 30.0)]})]  # the other column
    assert _texts(far) == ["THƯỜNG", "TRỤC"]
    assert _texts([_word("Tiền", 0), _word("An", 180, {0: [("Á", 0.0)]})]) == ["Tiền", "An"]


def test_letters_the_model_cannot_output() -> None:
    assert _texts([_word("huyện", 0), _word("lý", 220)]) == ["huyện", "lỵ"]
    assert _texts([_word("quản", 0), _word("lý", 180)]) == ["quản", "lý"]


def test_punctuation_and_case_are_kept() -> None:
    assert _texts([_word("(nhân", 0), _word("dần).", 220, {1: [("â", 40.0)]})]) == [
        "(nhân", "dân)."]


def test_without_the_lexicon_words_are_as_read(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("SCANSTATION_HUNSPELL_DIR", str(tmp_path))
    lexicon.load.cache_clear()
    try:
        assert lexicon.load() is None
        words = [_word("nhân", 0), _word("dần", 200, {1: [("â", 40.0)]})]
        assert _texts(words) == ["nhân", "dần"]
    finally:
        lexicon.load.cache_clear()


def test_hocr_alternatives_line_up_with_the_words() -> None:
    image = Image.new("L", (1500, 200), 255)
    ImageDraw.Draw(image).text((60, 60), "BAN THƯỜNG TRỰC", font=ImageFont.truetype(FONT, 60),
                                fill=0)
    engine = TesseractEngine(lang="vie")
    words = read_hocr(engine.hocr(np.asarray(image), 300))
    assert [w.text for w in words] == ["BAN", "THƯỜNG", "TRỰC"]
    for word in words:
        assert [c[0][0] for c in word.choices] == list(word.text)
        assert 0 < word.conf <= 100 and word.box[2] > word.box[0]
    assert [w.text for w in engine.recognize(np.asarray(image), 300).words] == [
        "BAN", "THƯỜNG", "TRỰC"]


def test_broken_hocr_is_a_clear_error() -> None:
    with pytest.raises(DependencyError, match="hOCR"):
        read_hocr("<html><body><div class='ocr_page'>")


def test_a_vowel_read_twice_is_dropped_when_that_leaves_a_syllable() -> None:
    out = rerank_words([_word("ĐÁẢNG", 0), _word("ỦY", 220)])
    assert [w.text for w in out] == ["ĐẢNG", "ỦY"] and not out[0].guessed
    assert _texts([_word("quý", 0), _word("II", 180)]) == ["quý", "II"]  # a Roman numeral


def test_a_capital_l_in_mid_sentence_is_lowered_only_inside_a_compound() -> None:
    assert _texts([_word("chỉnh", 0), _word("Lý", 260), _word("tài", 380)]) == [
        "chỉnh", "lý", "tài"]
    assert _texts([_word("vào", 0), _word("Lưu", 180), _word("trữ", 360)]) == [
        "vào", "Lưu", "trữ"]  # "Lưu trữ cơ quan": a name, no compound with "vào"
    assert _texts([_word("phường", 0), _word("Lê", 300)]) == ["phường", "Lê"]


def test_a_digit_or_mark_the_model_nearly_read_otherwise_is_flagged() -> None:
    out = rerank_words([_word("63/KH", 0, {0: [("0", 65.0)]}), _word("13/KH", 300,
                                                                     {0: [("4", 2.0)]})])
    assert [w.rival for w in out] == [True, False]
    assert [w.text for w in out] == ["63/KH", "13/KH"]  # flagged, never changed
    names = rerank_words([_word("KIỂU", 0, {2: [("Ề", 60.0)]}), _word("GIAI", 200)])
    assert [w.rival for w in names] == [True, False]


def test_hocr_text_and_choices_that_differ_in_marks_both_count() -> None:
    hocr = """<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page'>
    <div class='ocr_carea'><p class='ocr_par'><span class='ocr_line'>
    <span class='ocrx_word' title='bbox 0 0 100 40; x_wconf 90'>nhân</span>
    <span class='ocrx_word' title='bbox 120 0 220 40; x_wconf 69'>dần
     <span class='ocrx_cinfo' id='lstm_choices_1_1'><span title='x_confs 94'>d</span></span>
     <span class='ocrx_cinfo' id='lstm_choices_1_2'><span title='x_confs 91'>â</span>
      <span title='x_confs 0'>ẫ</span></span>
     <span class='ocrx_cinfo' id='lstm_choices_1_3'><span title='x_confs 95'>n</span></span>
    </span></span></p></div></div></body></html>"""
    words = read_hocr(hocr)
    assert words[1].choices[1][:2] == (("ầ", 91.0), ("â", 91.0))  # as read first, then choices
    assert [w.text for w in rerank_words(words)] == ["nhân", "dân"]


def test_thin_letters_of_one_shape_are_candidates() -> None:
    out = rerank_words([_word("liệu", 0), _word("tưu", 180, {0: [("l", 62.0), ("1", 54.0)]}),
                        _word("trữ", 340)])
    assert [w.text for w in out] == ["liệu", "lưu", "trữ"] and not out[1].guessed
    capitals = rerank_words([_word("IHƯỢNG", 0, {0: [("T", 30.0)]}), _word("KHẨN", 260)])
    assert [w.text for w in capitals] == ["THƯỢNG", "KHẨN"]
    # no compound, no change: abbreviations and numerals keep their letters
    assert _texts([_word("VT.", 0, {1: [("I", 40.0)]}), _word("Lưu", 200)]) == ["VT.", "Lưu"]
    assert _texts([_word("quý", 0), _word("II", 180, {0: [("T", 30.0)]})]) == ["quý", "II"]
    unweighed = rerank_words([_word("tãng", 0, {0: [("L", 0.0)]}), _word("phí", 200)])
    assert [w.text for w in unweighed] == ["lãng", "phí"] and unweighed[0].guessed
    assert _texts([_word("tốt", 0, {0: [("l", 30.0)]}), _word("đẹp", 160)]) == ["tốt", "đẹp"]


def test_a_capital_l_the_model_weighed_as_small_is_lowered_before_a_compound() -> None:
    words = [_word("thư,", 0), _word("Lưu", 200, {0: [("l", 26.0)]}), _word("trữ", 360)]
    assert _texts(words) == ["thư,", "lưu", "trữ"]
    unweighed = [_word("vào", 0), _word("Lưu", 200, {0: [("E", 0.0)]}), _word("trữ", 360)]
    assert _texts(unweighed) == ["vào", "Lưu", "trữ"]


def test_a_capital_l_before_punctuation_is_lowered_inside_a_compound() -> None:
    words = [_word("tài", 0), _word("Liệu.", 160), _word("Lê", 400, line=2),
             _word("Lợi.", 500, line=2)]
    assert _texts(words) == ["tài", "liệu.", "Lê", "Lợi."]


def test_monospace_glyphs_read_as_printed() -> None:
    number = [_word("Số:", 0), _word("2Ø69/CTPH", 200), _word("Ø", 700)]
    assert _texts(number) == ["Số:", "2069/CTPH", "Ø"]  # no digit beside it: left alone
    listed = [_word("—", 0, line=1), _word("Như", 60, line=1), _word("trên;", 200, line=1),
              _word("–", 0, line=2), _word("Lưu", 60, line=2),
              _word("Độc", 0, line=3), _word("—", 200, line=3), _word("Tự", 260, line=3)]
    assert _texts(listed) == ["-", "Như", "trên;", "-", "Lưu", "Độc", "—", "Tự"]


def test_a_body_abbreviation_takes_the_letter_the_model_listed() -> None:
    q = {3: [("Q", 30.0)]}
    number = [_word("370/MTTO-BTT", 0, {7: [("Q", 0.0)]}), _word("MTTO", 600, q)]
    assert _texts(number) == ["370/MTTQ-BTT", "MTTQ"]
    unlisted = [_word("MTTO", 0), _word("TOTO", 300, {3: [("Q", 40.0)]})]
    assert _texts(unlisted) == ["MTTO", "TOTO"]  # no Q weighed, or no body's abbreviation


def test_a_capital_the_model_weighed_as_small_is_lowered_in_mid_sentence() -> None:
    assert _texts([_word("hóa", 0), _word("Là", 160, {0: [("l", 52.0)]}),
                   _word("351", 280)]) == ["hóa", "là", "351"]
    assert _texts([_word("quả", 0), _word("Cơ", 160, {0: [("c", 73.0)]}),
                   _word("sở", 280)]) == ["quả", "cơ", "sở"]
    # a typewriter's small l weighed as another thin letter
    assert _texts([_word("có", 0), _word("Liên", 160, {0: [("I", 36.0)]}),
                   _word("quan", 360)]) == ["có", "liên", "quan"]


def test_a_capital_stays_where_it_opens_a_name_or_a_sentence_but_not_in_the_motto() -> None:
    unweighed = [_word("vào", 0), _word("Lưu", 160, {0: [("I", 20.0), ("l", 12.0)]}),
                 _word("trữ", 320)]
    assert _texts(unweighed) == ["vào", "Lưu", "trữ"]
    named = [_word("hộ", 0), _word("Quỹ", 160, {0: [("q", 60.0)]}), _word("Vì", 320)]
    assert _texts(named) == ["hộ", "Quỹ", "Vì"]
    after_a_stop = [_word("dân.", 0), _word("Cơ", 200, {0: [("c", 70.0)]}), _word("sở", 320)]
    assert _texts(after_a_stop) == ["dân.", "Cơ", "sở"]
    motto = [_word("Độc", 0), _word("Lập", 160), _word("-", 320), _word("Tự", 380),
             _word("Do", 500)]
    assert _texts(motto) == ["Độc", "lập", "-", "Tự", "do"]
    cited = [_word("hành", 0), _word("Quyết", 200, {0: [("q", 33.0)]}), _word("định", 440)]
    assert _texts(cited) == ["hành", "Quyết", "định"]  # compounds on both sides: kept


def test_a_syllable_read_in_capitals_in_running_text_takes_small_letters() -> None:
    assert _texts([_word("dân.", 0), _word("TỔ", 200), _word("chức", 320)]) == \
        ["dân.", "Tổ", "chức"]
    mid = rerank_words([_word("nhân", 0), _word("CÓ", 200), _word("liên", 320)])
    assert [w.text for w in mid] == ["nhân", "có", "liên"]
    assert mid[1].guessed  # "thành lập TỔ công tác" may be a name: "Tổ"
    assert not rerank_words([_word("dân.", 0), _word("TỔ", 200), _word("chức", 320)])[1].guessed
    assert _texts([_word("TỔ", 0), _word("chức", 120)]) == ["Tổ", "chức"]  # a line's start
    assert _texts([_word("-", 0), _word("TỰ", 60), _word("do", 180)]) == ["-", "Tự", "do"]
    # abbreviations, headings and words before no small word keep their capitals
    assert _texts([_word("ban", 0), _word("MTTQ", 160), _word("các", 360)]) == \
        ["ban", "MTTQ", "các"]
    assert _texts([_word("BAN", 0), _word("THƯỜNG", 160), _word("trực", 460)]) == \
        ["BAN", "THƯỜNG", "trực"]
    assert _texts([_word("nhân", 0), _word("CÓ", 200), _word("Hà", 320)]) == \
        ["nhân", "CÓ", "Hà"]


def test_a_list_hyphen_read_as_another_level_stroke_is_a_hyphen() -> None:
    listed = [_word("=", 0, line=1), _word("Như", 60, line=1), _word("trên;", 200, line=1),
              _word("¬", 0, line=2), _word("Các", 60, line=2),
              _word("_-", 0, line=3), _word("Đăng", 60, line=3),
              _word("=", 0, line=4), _word("12", 60, line=4)]
    assert _texts(listed) == ["-", "Như", "trên;", "-", "Các", "-", "Đăng", "=", "12"]
    assert _texts([_word("a", 0), _word("=", 60), _word("b", 120)]) == ["a", "=", "b"]


def test_the_filing_item_of_a_recipients_list_reads_as_printed() -> None:
    def item(first: str, second: str) -> list[str]:
        return _texts([_word("=", 0), _word(first, 60), _word(second, 300)])
    assert item("LUU:", "VỊ:") == ["-", "Lưu:", "VT:"]
    assert item("IUU.:", "VI.") == ["-", "Lưu:", "VT."]
    assert item("LU:", "VT,") == ["-", "Lưu:", "VT,"]
    assert item("Lưu:", "VP.") == ["-", "Lưu:", "VP."]  # another office's abbreviation
    weighed = [_word("-", 0), _word("Lưu:", 60), _word("VF.", 300, {1: [("T", 27.0)]})]
    assert _texts(weighed) == ["-", "Lưu:", "VT."]
    # not a filing item: no colon, a word in small letters after it, mid-line
    assert item("LUU", "VI.") == ["-", "LUU", "VI."]
    assert item("IUU:", "các") == ["-", "IUU:", "các"]
    assert _texts([_word("nhà", 0), _word("tu:", 100), _word("VI", 300)]) == ["nhà", "tu:", "VI"]


def test_a_typewritten_recipients_list_reads_as_printed() -> None:
    """Real Tesseract on a small FreeMono list (10 pt at 300 dpi): its hyphens read as long
    dashes and "VT." as "VI." before the re-ranking."""
    lines = ["- Như trên;", "- Các tổ chức thành viên;", "- Lưu: VT."]
    font = ImageFont.truetype(str(font_path("freemono", "mono", "regular")), 36)
    image = Image.new("L", (1000, 80 * len(lines) + 60), 255)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(lines):
        draw.text((40, 30 + 80 * k), line, fill=30, font=font)
    result = TesseractEngine(lang="vie").recognize(np.asarray(image), 300)
    assert result.text.splitlines() == lines
