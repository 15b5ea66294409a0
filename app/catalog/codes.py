"""Codes the rules define: Mã hồ sơ, docCode and the PDF file name."""

from __future__ import annotations

import re

from app.catalog.errors import Problem
from app.catalog.profiles import Profile

_NOTATION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-]{0,19}$")


def org_code_problem(profile: Profile, code: str) -> Problem | None:
    """A problem if `code` is not an organisation identifier of the profile's form."""
    if re.match(profile.org_code_pattern, code):
        return None
    return Problem(
        "orgCode", "Mã định danh cơ quan", f"{code!r} sai dạng; ví dụ đúng: 000.00.00.G09"
    )


def file_code(org_code: str, year: int, notation: str) -> str:
    """Mã hồ sơ: organisation identifier + year the hồ sơ was formed + số và ký hiệu hồ sơ."""
    return f"{org_code}.{year:04d}.{notation}"


def file_code_problems(org_code: str, code: str) -> list[Problem]:
    """Why `code` is not a Mã hồ sơ of this organisation (empty when it is)."""
    label = "Mã hồ sơ"
    prefix = f"{org_code}."
    if not code.startswith(prefix):
        return [Problem("fileCode", label, f"phải bắt đầu bằng mã cơ quan {prefix}")]
    year, _, notation = code[len(prefix) :].partition(".")
    problems = []
    if not (year.isdigit() and len(year) == 4 and 1900 <= int(year) <= 2999):
        problems.append(Problem("fileCode", label, "sau mã cơ quan phải là năm (4 chữ số)"))
    if not _NOTATION.match(notation):
        problems.append(
            Problem("fileCode", label, "số và ký hiệu hồ sơ: 1–20 chữ, số hoặc dấu gạch ngang")
        )
    return problems


def doc_code(profile: Profile, hoso_code: str, number: int) -> str:
    """DocCode: the hồ sơ's code, a dot, the document's number in the hồ sơ zero-padded."""
    return f"{hoso_code}.{number:0{profile.doc_number_digits}d}"


def pdf_name(profile: Profile, hoso_code: str, number: int) -> str:
    """The file name the rules give a document: {mã hồ sơ}.{số thứ tự}.pdf."""
    return f"{doc_code(profile, hoso_code, number)}.pdf"
