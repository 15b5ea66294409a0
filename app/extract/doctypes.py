"""Document types: TT 05/2025 typeName codes, their title words and number abbreviations.

Where this meets the catalog: resources/profiles/tt05-2025.json (typeName list) should
become the single source of the codes and names; the abbreviations (NĐ 30 Phụ lục III)
stay here. Codes 04–06 are not confirmed from the primary text (spec: "(?)"), so Quy chế,
Quy định and Thông cáo are recognised as titles but given no code: they stay empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.extract.text import fold, letters


@dataclass(frozen=True)
class DocType:
    """One type: its TT 05/2025 code, its name and the abbreviations used in numbers."""

    code: str
    name: str
    abbreviations: tuple[str, ...] = ()


TYPES: tuple[DocType, ...] = (
    DocType("01", "Nghị quyết", ("NQ",)),
    DocType("02", "Quyết định", ("QĐ",)),
    DocType("03", "Chỉ thị", ("CT",)),
    DocType("07", "Thông báo", ("TB",)),
    DocType("08", "Hướng dẫn", ("HD",)),
    DocType("09", "Chương trình", ("CTr",)),
    DocType("10", "Kế hoạch", ("KH",)),
    DocType("11", "Phương án", ("PA",)),
    DocType("12", "Đề án", ("ĐA",)),
    DocType("13", "Dự án", ("DA",)),
    DocType("14", "Báo cáo", ("BC",)),
    DocType("15", "Tờ trình", ("TTr",)),
    DocType("16", "Giấy ủy quyền", ("GUQ",)),
    DocType("17", "Phiếu gửi", ("PG",)),
    DocType("18", "Phiếu chuyển", ("PC",)),
    DocType("19", "Phiếu báo", ("PB",)),
    DocType("20", "Biên bản", ("BB",)),
    DocType("21", "Hợp đồng", ("HĐ",)),
    DocType("22", "Công văn", ("CV",)),
    DocType("23", "Công điện", ("CĐ",)),
    DocType("24", "Bản ghi nhớ", ("BGN",)),
    DocType("25", "Bản thỏa thuận", ("BTT",)),
    DocType("26", "Giấy mời", ("GM",)),
    DocType("27", "Giấy giới thiệu", ("GGT",)),
    DocType("28", "Giấy nghỉ phép", ("GNP",)),
    DocType("29", "Thư công", ()),
    DocType("30", "Bản đồ", ()),
    DocType("31", "Bản vẽ kỹ thuật", ()),
)
BY_CODE = {t.code: t for t in TYPES}
CONG_VAN = BY_CODE["22"]


TITLES: dict[str, DocType] = {letters(t.name): t for t in TYPES}


def by_title(text: str) -> DocType | None:
    """The type whose name is `text` (capitals, diacritics and OCR damage to them ignored)."""
    return TITLES.get(letters(text))


def by_abbreviation(abbr: str) -> DocType | None:
    """The type of a number's abbreviation: exact first, then folded when that is unambiguous."""
    for t in TYPES:
        if abbr in t.abbreviations:
            return t
    matches = [t for t in TYPES if fold(abbr) in (fold(a) for a in t.abbreviations)]
    return matches[0] if len(matches) == 1 else None
