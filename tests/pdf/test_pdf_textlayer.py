"""The invisible text layer's content stream and text clean-up."""

from __future__ import annotations

import subprocess

import pikepdf

from app.ocr.base import Word
from app.pdf.font import add_glyphless_font
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
    stream = text_layer(words, 300, 842)
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(FOcr=add_glyphless_font(pdf)))
    page.Contents = pdf.make_stream(stream)
    pdf.save(tmp_path / "order.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "order.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == [*left, *right, "Nội dung của văn bản dài suốt cả trang giấy này"]
