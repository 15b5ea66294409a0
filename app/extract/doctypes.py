"""Document types: codes and names from the metadata profile, abbreviations from NĐ 30."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from app.catalog.profiles import DEFAULT_PROFILE, load
from app.extract.text import fold, letters

# NĐ 30/2020 Phụ lục III: the abbreviation each type's name takes in a document number.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "Nghị quyết": ("NQ",), "Quyết định": ("QĐ",), "Chỉ thị": ("CT",), "Quy chế": ("QC",),
    "Quy định": ("QyĐ",), "Thông cáo": ("TC",), "Thông báo": ("TB",), "Hướng dẫn": ("HD",),
    "Chương trình": ("CTr",), "Kế hoạch": ("KH",), "Phương án": ("PA",), "Đề án": ("ĐA",),
    "Dự án": ("DA",), "Báo cáo": ("BC",), "Tờ trình": ("TTr",), "Giấy ủy quyền": ("GUQ",),
    "Phiếu gửi": ("PG",), "Phiếu chuyển": ("PC",), "Phiếu báo": ("PB",), "Biên bản": ("BB",),
    "Hợp đồng": ("HĐ",), "Công văn": ("CV",), "Công điện": ("CĐ",), "Bản ghi nhớ": ("BGN",),
    "Bản thỏa thuận": ("BTT",), "Giấy mời": ("GM",), "Giấy giới thiệu": ("GGT",),
    "Giấy nghỉ phép": ("GNP",), "Thư công": (), "Bản đồ": (), "Bản vẽ kỹ thuật": (),
}
CATCH_ALL = "Khác"  # "other" in the code list: never a title on a page


@dataclass(frozen=True)
class DocType:
    """One type: the value the profile stores for it, its name and its number abbreviations."""

    code: str
    name: str
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True)
class TypeTable:
    """The types one metadata profile knows, looked up by code, title or abbreviation."""

    types: tuple[DocType, ...]

    @classmethod
    def of(cls, codes: tuple[tuple[str, str], ...]) -> TypeTable:
        """A table from a (code, name) list; names outside NĐ 30's list get no abbreviation."""
        return cls(tuple(
            DocType(code, name, ABBREVIATIONS.get(name, ()))
            for code, name in codes if name != CATCH_ALL
        ))

    def by_code(self, code: str) -> DocType | None:
        return next((t for t in self.types if t.code == code), None)

    @cached_property
    def _titles(self) -> dict[str, DocType]:
        return {letters(t.name): t for t in self.types}

    def by_title(self, text: str) -> DocType | None:
        """The type whose name is `text` (capitals, diacritics and OCR damage to them ignored)."""
        return self._titles.get(letters(text))

    def near_titles(self, text: str) -> tuple[DocType, ...]:
        """The types whose name `text` spells but for one letter ("NGHT QUYẾT"; "THÔNG EÁO"
        is as near THÔNG BÁO as THÔNG CÁO), names of six letters or more only."""
        key = letters(text)
        return tuple(t for name, t in self._titles.items()
                     if len(name) == len(key) and len(name.replace(" ", "")) >= 6
                     and sum(a != b for a, b in zip(name, key, strict=True)) == 1)

    def by_abbreviation(self, abbr: str) -> DocType | None:
        """The type of a number's abbreviation: exact first, then folded when unambiguous."""
        for t in self.types:
            if abbr in t.abbreviations:
                return t
        matches = [t for t in self.types if fold(abbr) in (fold(a) for a in t.abbreviations)]
        return matches[0] if len(matches) == 1 else None

    @property
    def cong_van(self) -> DocType | None:
        return self.by_title("Công văn")


@cache
def table(profile_id: str = DEFAULT_PROFILE) -> TypeTable:
    """The types of a profile: its typeName code list, or (free-text typeName) NĐ 30's names."""
    spec = load(profile_id).field("document", "typeName")
    if spec is not None and spec.codes:
        return TypeTable.of(spec.codes)
    return TypeTable.of(tuple((name, name) for name in ABBREVIATIONS))
