"""The invisible text layer's content stream and text clean-up."""

from __future__ import annotations

from app.ocr.base import Word
from app.pdf.textlayer import clean_text, text_layer


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
