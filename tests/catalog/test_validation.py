"""Profiles as data, validation with every problem listed in Vietnamese, dates and codes."""

from __future__ import annotations

import json
import unicodedata

import pytest

from app.catalog import codes, dates, profiles
from app.catalog.errors import InvalidMetadata
from app.catalog.profiles import PROFILE_DIR
from app.catalog.validation import validate
from testkit.catalog import doc_meta, hoso_meta

TT05 = profiles.load("tt05-2025")


def test_both_profiles_ship_as_json_with_labels_types_and_codes() -> None:
    assert profiles.available() == ["tt02-2019", "tt05-2025"]
    for name in profiles.available():
        data = json.loads((PROFILE_DIR / f"{name}.json").read_text(encoding="utf-8"))
        for level in ("hoso", "document"):
            for field in data[level]["fields"]:
                assert {"tag", "label", "type"} <= set(field)
    assert TT05.field("hoso", "maintenance") is not None
    assert dict(TT05.field("document", "typeName").codes)["10"] == "Kế hoạch"  # type: ignore[union-attr]


def test_every_problem_is_reported_at_once_with_its_vietnamese_label() -> None:
    bad = doc_meta(
        subject="x" * 501, typeName="99", issuedDate="31/02/2024", organName="", extra="?"
    )
    with pytest.raises(InvalidMetadata) as caught:
        validate(TT05, "document", bad)
    by_tag = {p.tag: p for p in caught.value.problems}
    assert set(by_tag) == {"subject", "typeName", "issuedDate", "organName", "extra"}
    assert by_tag["subject"].label == "Trích yếu nội dung"
    assert "tối đa 500" in by_tag["subject"].message
    assert "31/02/2024" in by_tag["issuedDate"].message
    assert "Kế hoạch" in by_tag["typeName"].message  # lists the allowed codes
    assert "bắt buộc" in by_tag["organName"].message
    assert caught.value.exit_code == 3


def test_wrong_profile_is_refused() -> None:
    with pytest.raises(InvalidMetadata) as caught:
        validate(TT05, "document", doc_meta(profile="tt02-2019", pageAmount="3"))
    assert {p.tag for p in caught.value.problems} == {"profile", "pageAmount"}


def test_values_are_normalised_nfc_codes_and_iso_dates() -> None:
    decomposed = unicodedata.normalize("NFD", "Kế hoạch số hóa")
    clean = validate(TT05, "document", doc_meta(subject=decomposed, typeName="Kế hoạch"))
    assert clean["subject"] == unicodedata.normalize("NFC", decomposed)
    assert clean["typeName"] == "10"
    assert clean["issuedDate"] == "2024-01-05"
    assert clean["confidenceLevel"] == "02"  # the profile's default


def test_inherit_from_hoso_and_cross_field_rules() -> None:
    clean = validate(TT05, "document", doc_meta(), inherited={"maintenance": "04", "mode": "02"})
    assert clean["maintenance"] == "04" and clean["mode"] == "02"
    with pytest.raises(InvalidMetadata) as caught:
        validate(TT05, "hoso", hoso_meta(paperFileCode="", riskRecovery="1", endDate="2023"))
    assert {p.tag for p in caught.value.problems} == {
        "paperFileCode",
        "riskRecoveryStatus",
        "endDate",
    }


@pytest.mark.parametrize(
    ("text", "partial", "iso"),
    [
        ("05/01/2024", False, "2024-01-05"),
        ("1/2024", True, "2024-01"),
        ("2024", True, "2024"),
        ("29/02/2024", False, "2024-02-29"),
    ],
)
def test_dates(text: str, partial: bool, iso: str) -> None:
    assert dates.parse_date(text, partial=partial) == iso
    assert dates.show(iso) == text.zfill(len(dates.show(iso)))


@pytest.mark.parametrize(
    "text", ["31/02/2024", "29/02/2023", "00/01/2024", "13/2024", "2024/01/05"]
)
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        dates.parse_date(text, partial=True)


def test_codes_follow_the_rules() -> None:
    assert codes.file_code("000.00.00.G09", 2024, "160") == "000.00.00.G09.2024.160"
    assert codes.doc_code(TT05, "000.00.00.G09.2024.160", 7) == "000.00.00.G09.2024.160.0000007"
    assert codes.pdf_name(TT05, "H.2024.1", 12) == "H.2024.1.0000012.pdf"
    assert codes.file_code_problems("000.00.00.G09", "000.00.00.G09.2024.160") == []
    assert codes.file_code_problems("000.00.00.G09", "000.00.00.G10.2024.1")
    assert codes.file_code_problems("000.00.00.G09", "000.00.00.G09.24.1")
    assert codes.org_code_problem(TT05, "000.00.00.G09") is None
    assert codes.org_code_problem(TT05, "not a code") is not None
