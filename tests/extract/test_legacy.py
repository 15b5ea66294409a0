"""Legacy encodings: TCVN3 (ABC) and VNI to Unicode NFC, converted only when clearly legacy."""

from __future__ import annotations

import unicodedata

import pytest

from app.extract.legacy import from_tcvn3, from_vni, to_unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("Uû ban nh©n d©n quËn CÇu GiÊy", "Uỷ ban nhân dân quận Cầu Giấy"),
        ("n¨m 2005, th¸ng 3", "năm 2005, tháng 3"),
        ("¡n", "Ăn"),
    ],
)
def test_tcvn3(legacy: str, unicode: str) -> None:
    assert from_tcvn3(legacy) == unicode
    assert unicodedata.is_normalized("NFC", from_tcvn3(legacy))


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ("Quyeát ñònh naêm 2005", "Quyết định năm 2005"),
        ("ngöôøi, muøa, khaéc, thöïc", "người, mùa, khắc, thực"),
    ],
)
def test_vni(legacy: str, unicode: str) -> None:
    assert from_vni(legacy) == unicode


def test_detector_converts_clear_legacy_text() -> None:
    assert to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3")
    assert to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni")


@pytest.mark.parametrize(
    "text",
    ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Élève française à Paris, déjà vu",
     "Plain English text with numbers 12/2020", "", "Müller ß Ñandú"],
)
def test_detector_leaves_other_text_alone(text: str) -> None:
    assert to_unicode(text) == (unicodedata.normalize("NFC", text), "")


def test_decomposed_unicode_comes_out_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert to_unicode(decomposed) == ("Việt Nam", "")
