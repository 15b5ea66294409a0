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
