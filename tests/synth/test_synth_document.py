"""Rendered pages: the printed text is the truth, fields are printed, blanks are blank."""

from __future__ import annotations

import datetime
import unicodedata

import numpy as np
import pytest

from app.synth import vocab
from app.synth.document import make_fields, render_page
from app.synth.issuers import date_line, is_party


def flat(text: str) -> str:
    return " ".join(text.split())


def dark_fraction(image: np.ndarray) -> float:
    return float((image.max(axis=2) < 100).mean())


@pytest.mark.parametrize("seed", range(6))
def test_first_page_prints_its_fields(seed: int) -> None:
    page = render_page(np.random.default_rng(seed), dpi=100)
    f = page.fields
    assert f is not None
    text = flat(page.text)
    for value in (f.issuer_parent, f.issuer, f.number, date_line(f.place, f.issued)):
        assert flat(value) in text
    if f.type_name == "CÔNG VĂN":
        assert flat("V/v " + f.subject) in text
    else:
        assert f.type_name in page.text.splitlines()
        assert flat(f.subject) in text
    for stamp in (f.secrecy, f.urgency):
        if stamp:
            assert stamp in page.text.splitlines()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text or "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Nơi nhận:" in page.text.splitlines()
    assert unicodedata.normalize("NFC", page.text) == page.text
    assert page.image.shape == (1169, 827, 3) and page.image.dtype == np.uint8
    assert dark_fraction(page.image) > 0.005


def test_given_fields_are_used_and_stamps_printed() -> None:
    rng = np.random.default_rng(1)
    base = make_fields(rng)
    fields = type(base)(**{**base.__dict__, "secrecy": "TỐI MẬT", "urgency": "HỎA TỐC"})
    page = render_page(rng, dpi=100, fields=fields)
    assert page.fields == fields
    assert page.text.index("TỐI MẬT") < page.text.index("HỎA TỐC")


def test_follow_on_page_has_body_and_page_number_only() -> None:
    page = render_page(np.random.default_rng(2), dpi=100, first_page=False)
    assert page.fields is None
    lines = page.text.splitlines()
    assert lines[0].isdigit() and len(lines) > 20
    assert "Nơi nhận:" not in lines


@pytest.mark.parametrize("seed", range(8))
def test_blank_page_prints_nothing(seed: int) -> None:
    page = render_page(np.random.default_rng(seed), dpi=100, blank=True, paper_rgb=(240, 235, 220))
    assert page.text == "" and page.fields is None
    # faint bleed-through (5-10 % contrast) and punch holes are all that may show
    assert dark_fraction(page.image) < 0.01
    assert (np.abs(page.image.astype(int) - (240, 235, 220)).max(axis=2) < 30).mean() > 0.98


def test_blank_pages_show_bleed_or_holes_sometimes() -> None:
    pages = [render_page(np.random.default_rng(s), dpi=100, blank=True) for s in range(10)]
    assert any(dark_fraction(p.image) > 0 for p in pages)  # punch holes
    assert any((p.image.min(axis=2) < 250).mean() > 0.001 for p in pages)  # bleed-through


def test_render_is_deterministic_for_a_seed() -> None:
    a = render_page(np.random.default_rng(7), dpi=100)
    b = render_page(np.random.default_rng(7), dpi=100)
    c = render_page(np.random.default_rng(8), dpi=100)
    assert np.array_equal(a.image, b.image) and a.text == b.text and a.fields == b.fields
    assert a.text != c.text


@pytest.mark.parametrize("seed", range(4))
def test_content_to_edge_reaches_within_3mm(seed: int) -> None:
    page = render_page(np.random.default_rng(seed), dpi=100, content_to_edge=True)
    edge = round(3.5 / 25.4 * 100)
    dark = page.image.max(axis=2) < 160
    ring = dark.copy()
    ring[edge:-edge, edge:-edge] = False
    assert ring.any()
    plain = render_page(np.random.default_rng(seed), dpi=100)
    ring = plain.image.max(axis=2) < 160
    ring[edge:-edge, edge:-edge] = False
    assert not ring.any()


def test_fields_vary_and_follow_the_rules() -> None:
    fields = [make_fields(np.random.default_rng(s)) for s in range(80)]
    assert len({f.type_name for f in fields}) >= 6
    assert any(is_party(f.number) for f in fields) and not all(is_party(f.number) for f in fields)
    for f in fields:
        assert vocab.DOC_TYPES[f.type_name][0] == f.type_code
        abbr = vocab.DOC_TYPES[f.type_name][2 if is_party(f.number) else 1]
        assert (f"-{abbr}/" if is_party(f.number) else f"/{abbr}-") in f.number or not abbr
        assert f.secrecy in (None, "MẬT", "TỐI MẬT", "TUYỆT MẬT")
        assert f.urgency in (None, "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
        assert all(unicodedata.is_normalized("NFC", s) for s in (f.issuer, f.subject, f.place))


def test_date_line_follows_nd30() -> None:
    assert date_line("Cầu Giấy", datetime.date(2020, 1, 5)) == "Cầu Giấy, ngày 05 tháng 01 năm 2020"
    assert date_line("Vinh", datetime.date(2021, 11, 15)) == "Vinh, ngày 15 tháng 11 năm 2021"
    assert date_line("Vinh", datetime.date(2021, 3, 9)) == "Vinh, ngày 09 tháng 3 năm 2021"
